package org.quartermaster.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.quartermaster.Quartermaster;
import org.quartermaster.procurement.model.Bid;
import org.quartermaster.procurement.model.Contract;
import org.quartermaster.procurement.model.Procedure;
import org.quartermaster.procurement.model.RedFlag;
import org.quartermaster.shared.Actor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qm procure ...}: joint procedures from the command line (as the platform itself). */
@Command(name = "procure", mixinStandardHelpOptions = true, description = "Joint procurement: list, show, red flags.",
        subcommands = {ProcureCommand.ListProcedures.class, ProcureCommand.Show.class, ProcureCommand.Flags.class})
final class ProcureCommand implements Runnable {
    static final Path DATA = Path.of("qm-data");

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** {@code qm procure list [--status PUBLISHED]}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List procedures, newest first.")
    static final class ListProcedures implements Callable<Integer> {
        @Option(names = "--status", description = "only procedures in this stage") String status;
        @Option(names = "--limit", defaultValue = "50", description = "at most this many (1 to 500)") int limit;
        @Mixin StoreOptions store;

        @Override
        public Integer call() throws Exception {
            return FundCommand.clearly(() -> {
                try (Quartermaster app = store.platform(DATA)) {
                    System.out.printf("%-10s %-18s %-11s %-12s %-5s %-40s%n", "id", "stage", "kind", "lead", "lots", "title");
                    for (Procedure p : app.procurement().list(status, null, limit, Actor.SYSTEM).items()) {
                        System.out.printf("%-10s %-18s %-11s %-12s %5d %-40s%n", p.publicId(), p.status(), p.kind(),
                                p.leadBuyer(), p.lots().size(), p.title());
                    }
                }
                return 0;
            });
        }
    }

    /** {@code qm procure show PR-000001}: lots, participants, bids (sealed or opened) and contracts. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one procedure.")
    static final class Show implements Callable<Integer> {
        @Parameters(index = "0", description = "procedure id, e.g. PR-000001") String id;
        @Mixin StoreOptions store;

        @Override
        public Integer call() throws Exception {
            return FundCommand.clearly(() -> {
                try (Quartermaster app = store.platform(DATA)) {
                    var procurement = app.procurement();
                    Procedure p = procurement.get(id, Actor.SYSTEM);
                    System.out.printf("%s  %s  (%s, %s, %s)  stage %s, version %d%n", p.publicId(), p.title(), p.kind(),
                            p.evaluation(), p.currency(), p.status(), p.version());
                    System.out.printf("lead %s; commitments until %s; bids until %s%n", p.leadBuyer(), p.commitUntil(),
                            p.bidsUntil());
                    for (Procedure.Lot l : p.lots()) {
                        System.out.printf("  lot %d  %-12s %10d units  estimate %d%n", l.lotNo(), l.item(), l.quantity(),
                                l.estimateMinor());
                    }
                    for (Procedure.Participant b : p.participants()) {
                        System.out.printf("  buyer %-14s budget %d (%s) committed %s%n", b.buyer(), b.budgetMinor(),
                                b.fundingSource(), b.committed());
                    }
                    for (Bid b : procurement.bids(id, Actor.SYSTEM)) {
                        System.out.printf("  bid %s lot %d %-12s %-12s %s%n", b.publicId(), b.lot(), b.supplier(), b.status(),
                                b.content() == null ? "sealed, commitment " + b.commitment()
                                        : "unit price " + b.content().unitPriceMinor() + (b.rank() == null ? "" : ", rank " + b.rank()));
                    }
                    for (Contract k : procurement.contracts(id, null, 500, Actor.SYSTEM).items()) {
                        System.out.printf("  contract %s lot %d %-14s <- %-12s %d x %d, delivered %d, %s%n", k.publicId(),
                                k.lot(), k.buyer(), k.supplier(), k.quantity(), k.unitPriceMinor(), k.deliveredQuantity(),
                                k.status());
                    }
                }
                return 0;
            });
        }
    }

    /** {@code qm procure red-flags [PR-000001]}. */
    @Command(name = "red-flags", mixinStandardHelpOptions = true, description = "Red flags with their evidence.")
    static final class Flags implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", description = "one procedure's id (default: all)") String id;
        @Mixin StoreOptions store;

        @Override
        public Integer call() throws Exception {
            return FundCommand.clearly(() -> {
                try (Quartermaster app = store.platform(DATA)) {
                    var flags = app.procurement().redFlags(id, Actor.SYSTEM);
                    for (RedFlag f : flags) System.out.printf("%-28s %-22s %s%n", f.indicator(), f.subject(), f.evidence());
                    System.out.println(flags.size() + " red flag(s)");
                }
                return 0;
            });
        }
    }
}
