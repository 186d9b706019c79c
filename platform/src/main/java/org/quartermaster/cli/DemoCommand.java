package org.quartermaster.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.quartermaster.Quartermaster;
import org.quartermaster.demo.Scenario;
import org.quartermaster.demo.ScenarioGenerator;
import org.quartermaster.demo.ScenarioLoader;
import org.quartermaster.demo.Sizes;
import org.quartermaster.server.Server;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qm demo}: generate a realistic world into a fresh database, then serve it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Load a generated demo world (donors, catalogue, needs, offers) and serve it.",
                "Loads into a fresh directory qm-demo-* under the system temp directory unless",
                "--data or --db is given; a database that already holds data is refused."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--seed", defaultValue = "" + ScenarioGenerator.DEFAULT_SEED,
            description = "seed of the generator: the same seed gives the same world (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--needs", defaultValue = "3000", description = "need lines to generate (default: ${DEFAULT-VALUE})")
    int needs;

    @Option(names = "--offers", defaultValue = "1500", description = "offers to generate (default: ${DEFAULT-VALUE})")
    int offers;

    @Option(names = "--no-serve", description = "load the world and exit instead of serving it")
    boolean noServe;

    @Option(names = "--emit-scenario", paramLabel = "FILE.json",
            description = "write a generated planner scenario with --needs need lines (for qm plan --scenario"
                    + " and benchmarks) instead of loading a world")
    Path emitScenario;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (emitScenario != null) return emitScenario(out, err);
        Sizes sizes;
        try {
            sizes = new Sizes(needs, offers);
        } catch (IllegalArgumentException e) {
            err.println("qm demo: --" + e.getMessage());
            return 2;
        }
        // A fresh directory unless --data names one; with --db it holds only the journal's key.
        Path data = store.data != null ? store.data : Files.createTempDirectory("qm-demo-");
        Quartermaster app = store.platform(data);
        Server server = null;
        try {
            if (!app.parties().allOrganisations().isEmpty()) {
                err.println("qm demo: " + store.describe(data) + " already holds data; the demo loads only into"
                        + " an empty database. Leave out --data for a fresh one, or name an empty directory.");
                return 1;
            }
            out.println("Loading the demo world (seed " + seed + ") into " + store.describe(data));
            out.flush();
            load(app, sizes, err, out);
            int logins = org.quartermaster.demo.DemoLogins.create(app.parties(), app.access());
            out.printf("Added %d demo logins%n", logins);
            for (String line : org.quartermaster.demo.DemoLogins.table(app.parties())) out.println(line);
            out.flush();
            proposeFirstPlan(app, out);
            var joint = org.quartermaster.demo.JointPurchase.run(app.procurement(), seed);
            out.println("Joint purchase " + joint.procedure() + ": " + org.quartermaster.demo.JointPurchase.BUYERS.size()
                    + " states, " + org.quartermaster.demo.JointPurchase.SUPPLIERS.size() + " suppliers, "
                    + joint.contracts().size() + " framework contracts, " + joint.callOffs() + " call-offs");
            var onCallOffs = org.quartermaster.demo.DemoShipments.againstCallOffs(app.logistics(), app.procurement(),
                    app.needs(), app.parties(), joint.contracts(), seed);
            out.printf("Shipped %d consignments against the call-offs (%d signed for)%n", onCallOffs.shipments(),
                    onCallOffs.receipts());
            if (noServe) return 0;
            server = app.serve(host, port);
            out.println("Quartermaster demo is ready: http://" + host + ":" + server.port() + "/");
            out.flush();
        } finally {
            if (server == null) app.close(); // once serving, the shutdown hook closes it
        }
        ServeCommand.awaitShutdown(app, server);
        return 0;
    }

    /** Writes a seeded planner scenario of the benchmark's shape with {@code --needs} need lines. */
    private int emitScenario(PrintWriter out, PrintWriter err) throws IOException {
        if (needs < 1 || needs > org.quartermaster.planner.Limits.MAX_NEED_LINES) {
            err.println("qm demo: --needs must be between 1 and " + org.quartermaster.planner.Limits.MAX_NEED_LINES
                    + " for a scenario");
            return 2;
        }
        long started = System.nanoTime();
        var input = org.quartermaster.planner.generate.InstanceGenerator.generate(seed,
                org.quartermaster.planner.generate.InstanceGenerator.Shape.benchmark(needs));
        ScenarioFiles.write(input, emitScenario);
        out.printf("Wrote a scenario of %d need lines, %d offers, %d production lines to %s in %.1f s%n",
                input.needs().size(), input.offers().size(), input.productionLines().size(), emitScenario,
                seconds(started));
        return 0;
    }

    /** A newcomer finds a plan to look at: the first one is proposed right after loading. */
    private static void proposeFirstPlan(Quartermaster app, PrintWriter out) {
        long started = System.nanoTime();
        var plan = app.planning().propose(org.quartermaster.planning.model.PlanWeeks.HORIZON_WEEKS_DEFAULT,
                org.quartermaster.shared.Actor.SYSTEM);
        out.printf("Proposed plan %s for %d uncovered need lines in %.1f s (%d units short, %d unit-weeks late)%n",
                plan.publicId(), plan.size().needLines(), seconds(started), plan.objective().unitsShort(),
                plan.objective().unitWeeksLate());
        out.flush();
    }

    private void load(Quartermaster app, Sizes sizes, PrintWriter err, PrintWriter out) {
        long started = System.nanoTime();
        Scenario scenario = ScenarioGenerator.generate(seed, sizes, LocalDate.now(ZoneOffset.UTC));
        ScenarioLoader.Loaded loaded = new ScenarioLoader(app.catalog(), app.parties(), app.needs(),
                app.offers(), app.funds(), app.rates(), progressOn(err, started)).load(scenario);
        err.println();
        out.printf("Loaded %d organisations, %d locations, %d items, %d needs, %d offers"
                        + " (%d lifecycle steps), a fund of %d members with %d claims in %.1f s%n",
                loaded.organisations(), loaded.locations(), loaded.items(), loaded.needs(), loaded.offers(),
                loaded.steps(), loaded.fundMembers(), loaded.fundClaims(), seconds(started));
        var book = org.quartermaster.demo.CapacityDemo.load(app.capacity(), app.parties(), LocalDate.now(ZoneOffset.UTC));
        out.printf("Loaded the order book: %d production lines, %d reservations%n", book.lines(), book.reservations());
        var shipped = org.quartermaster.demo.DemoShipments.load(app.logistics(), app.absorptions(), app.oversight(),
                app.offers(), app.needs(), app.parties(), seed);
        out.printf("Shipped %d consignments (%d custody steps, %d signed receipts)%n", shipped.shipments(),
                shipped.custodySteps(), shipped.receipts());
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static ScenarioLoader.Progress progressOn(PrintWriter err, long started) {
        return (phase, done, total) -> {
            err.printf("\rloading %s %d/%d (%.1f s)        ", phase, done, total, seconds(started));
            err.flush();
        };
    }
}
