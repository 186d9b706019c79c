package org.quartermaster.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.quartermaster.Quartermaster;
import org.quartermaster.capacity.model.FrameworkAlerts;
import org.quartermaster.capacity.model.OrderBook;
import org.quartermaster.capacity.model.ProductionLine;
import org.quartermaster.capacity.model.WeekCell;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Limits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qm capacity ...}: production lines, the order book and idle-framework alerts. */
@Command(name = "capacity", mixinStandardHelpOptions = true,
        description = "The industrial order book: production lines, order book, alerts.",
        subcommands = {CapacityCommand.Lines.class, CapacityCommand.Book.class, CapacityCommand.Alerts.class})
final class CapacityCommand implements Runnable {
    static final Path DATA = Path.of("qm-data");

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** {@code qm capacity lines [--item AMMO-155-HE-M107] [--supplier SUP-NAMMOS]}. */
    @Command(name = "lines", mixinStandardHelpOptions = true, description = "List production lines.")
    static final class Lines implements Callable<Integer> {
        @Option(names = "--item", description = "only lines of this item code") String item;
        @Option(names = "--supplier", description = "only lines of this supplier code") String supplier;
        @Mixin StoreOptions store;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Quartermaster app = new Quartermaster(store.open(DATA))) {
                out.printf("%-10s %-16s %-22s %-16s %-10s %5s %12s %12s %4s %s%n", "line", "supplier", "item", "site",
                        "from", "weeks", "cap/week", "cap/week max", "lead", "framework");
                String after = null;
                do {
                    var page = app.capacity().lines(supplier, item, after, Limits.PAGE_SIZE_MAX, Actor.SYSTEM);
                    for (ProductionLine l : page.items()) {
                        var t = l.terms();
                        long max = t.rampUp().stream().mapToLong(s -> s.capacityPerWeek())
                                .reduce(t.capacityPerWeek(), Math::max);
                        out.printf("%-10s %-16s %-22s %-16s %-10s %5d %12d %12d %4d %s%n", l.publicId(), l.supplier(),
                                l.item(), l.site(), t.firstWeek(), t.horizonWeeks(), t.capacityPerWeek(), max,
                                t.leadTimeWeeks(), l.framework() ? "yes" : "");
                    }
                    after = page.next();
                } while (after != null);
            }
            out.flush();
            return 0;
        }
    }

    /** {@code qm capacity order-book --item AMMO-155-HE-M107 [--from 2027-01-04] [--weeks 26]}. */
    @Command(name = "order-book", mixinStandardHelpOptions = true,
            description = "Print capacity, reserved and free units per week (one item, or every item).")
    static final class Book implements Callable<Integer> {
        @Option(names = "--item", description = "item code (all items with lines when absent)") String item;
        @Option(names = "--from", description = "a date in the first week (default this week)") LocalDate from;
        @Option(names = "--weeks", description = "weeks to print (default 26)") Integer weeks;
        @Mixin StoreOptions store;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Quartermaster app = new Quartermaster(store.open(DATA))) {
                OrderBook book = app.capacity().orderBook(item, from, weeks, Actor.SYSTEM);
                if (book.items().isEmpty()) out.println("no production lines" + (item == null ? "" : " of " + item));
                for (OrderBook.ItemRow row : book.items()) {
                    out.printf("%s (%d line%s)%n", row.item(), row.lines(), row.lines() == 1 ? "" : "s");
                    out.printf("  %-10s %12s %12s %12s %6s%n", "week", "capacity", "reserved", "free", "used");
                    for (WeekCell c : row.weeks()) {
                        out.printf("  %-10s %12d %12d %12d %5d%%%n", c.week(), c.capacity(), c.reserved(), c.free(),
                                c.utilisationPerMille() / 10);
                    }
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code qm capacity alerts [--run-weeks 4] [--free-percent 50]}. */
    @Command(name = "alerts", mixinStandardHelpOptions = true,
            description = "Print runs of idle capacity under framework agreements.")
    static final class Alerts implements Callable<Integer> {
        @Option(names = "--from", description = "a date in the first week (default this week)") LocalDate from;
        @Option(names = "--weeks", description = "weeks to look at (default 26)") Integer weeks;
        @Option(names = "--run-weeks", description = "consecutive idle weeks that raise an alert (default 4)")
        int runWeeks = FrameworkAlerts.RUN_WEEKS_DEFAULT;
        @Option(names = "--free-percent", description = "free share that makes a week idle (default 50)")
        int freePercent = FrameworkAlerts.FREE_PERCENT_DEFAULT;
        @Mixin StoreOptions store;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Quartermaster app = new Quartermaster(store.open(DATA))) {
                var report = app.capacity().alerts(from, weeks, new FrameworkAlerts.Rule(runWeeks, freePercent),
                        Actor.SYSTEM);
                out.printf("%d alert(s) from %s over %d weeks (%d+ weeks at %d%%+ free)%n", report.alerts().size(),
                        report.from(), report.weeks(), runWeeks, freePercent);
                for (FrameworkAlerts.Alert a : report.alerts()) {
                    out.printf("  %s %s %s: %s to %s (%d weeks), %d of %d units free%n", a.line(), a.supplier(),
                            a.item(), a.fromWeek(), a.toWeek(), a.weeks(), a.freeUnits(), a.capacityUnits());
                }
            }
            out.flush();
            return 0;
        }
    }
}
