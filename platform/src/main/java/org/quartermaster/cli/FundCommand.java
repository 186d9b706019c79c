package org.quartermaster.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.quartermaster.Quartermaster;
import org.quartermaster.funds.Conversion;
import org.quartermaster.funds.FundCommands;
import org.quartermaster.funds.Funds;
import org.quartermaster.funds.Ledger;
import org.quartermaster.funds.model.Account;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Limits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qm fund ...}: the ledger and the fund rules from the command line. */
@Command(name = "fund", mixinStandardHelpOptions = true, description = "Funds: balances, calls, rates, verify.",
        subcommands = {FundCommand.Balances.class, FundCommand.Call.class, FundCommand.Rates.class,
            FundCommand.Verify.class})
final class FundCommand implements Runnable {
    static final Path DATA = Path.of("qm-data");

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs a verb; an unknown record or a refusal becomes a clear CLI error (exit 2), never a stack trace. */
    static Integer clearly(Callable<Integer> verb) throws Exception {
        try {
            return verb.call();
        } catch (org.quartermaster.shared.NotFound | org.quartermaster.shared.Refused e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** {@code qm fund balances --fund EPF [--report-currency USD --date 2026-11-27]}. */
    @Command(name = "balances", mixinStandardHelpOptions = true, description = "Print a fund's account balances.")
    static final class Balances implements Callable<Integer> {
        @Option(names = "--fund", required = true, description = "fund code, e.g. EPF") String fund;
        @Option(names = "--report-currency", description = "also show each balance converted to this currency")
        String reportCurrency;
        @Option(names = "--date", description = "rate date (default today)") LocalDate date;
        @Mixin StoreOptions store;

        @Override
        public Integer call() throws Exception {
            return clearly(this::run);
        }

        private Integer run() {
            try (Quartermaster app = new Quartermaster(store.open(DATA))) {
                app.funds().fund(fund);
                LocalDate on = date != null ? date : LocalDate.now(ZoneOffset.UTC);
                System.out.printf("%-10s %-14s %-28s %-4s %18s %18s%n", "account", "owner", "purpose", "cur",
                        "balance (minor)", "available (minor)");
                for (Account a : app.ledger().accounts(fund, null, Limits.PAGE_SIZE_MAX).items()) {
                    System.out.printf("%-10s %-14s %-28s %-4s %18d %18d", a.publicId(), a.owner(), a.purpose(),
                            a.currency(), a.balance().posted(), a.balance().available());
                    if (reportCurrency != null) {
                        Conversion c = app.rates().convert(a.balance().posted(), a.currency(), reportCurrency, on);
                        System.out.printf("  = %d %s (rate %s of %s)", c.convertedMinor(), c.reportCurrency(),
                                c.rate(), c.rateDate());
                    }
                    System.out.println();
                }
            }
            return 0;
        }
    }

    /** {@code qm fund call --fund EPF --id CALL-1 --envelope LETHAL --total-minor 100000000}. */
    @Command(name = "call", mixinStandardHelpOptions = true, description = "Call contributions by the key.")
    static final class Call implements Callable<Integer> {
        @Option(names = "--fund", required = true) String fund;
        @Option(names = "--id", required = true, description = "call id; running it again changes nothing") String id;
        @Option(names = "--envelope", required = true, description = "LETHAL or NON_LETHAL") String envelope;
        @Option(names = "--total-minor", required = true, description = "amount in minor units") long totalMinor;
        @Mixin StoreOptions store;

        @Override
        public Integer call() throws Exception {
            return clearly(this::run);
        }

        private Integer run() {
            try (Quartermaster app = new Quartermaster(store.open(DATA))) {
                Funds.CallResult r = app.funds().call(new FundCommands.CallContributions(id, fund, envelope,
                        totalMinor), Actor.SYSTEM);
                System.out.println((r.replayed() ? "already called: " : "called: ") + r.id());
                r.lines().forEach(l -> System.out.printf("  %-10s %-11s %16d  %s%n", l.member(), l.envelope(),
                        l.amountMinor(), l.transfer()));
            }
            return 0;
        }
    }

    /** {@code qm fund rates rates.csv}: imports reference rates (all rows or none). */
    @Command(name = "rates", mixinStandardHelpOptions = true, description = "Import exchange rates from CSV.")
    static final class Rates implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "CSV with header base,quote,date,rate") Path file;
        @Mixin StoreOptions store;

        @Override
        public Integer call() throws Exception {
            return clearly(this::run);
        }

        private Integer run() throws java.io.IOException {
            if (Files.size(file) > Limits.BODY_BYTES_MAX * 16L) throw new IllegalArgumentException(file + " is too large");
            String csv = Files.readString(file);
            try (Quartermaster app = new Quartermaster(store.open(DATA))) {
                System.out.println("imported " + app.rates().importCsv(csv, Actor.SYSTEM) + " rates");
            }
            return 0;
        }
    }

    /** {@code qm fund verify}: replays every transfer; exit code 1 when a balance does not match. */
    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Replay all transfers and compare.")
    static final class Verify implements Callable<Integer> {
        @Mixin StoreOptions store;

        @Override
        public Integer call() throws Exception {
            return clearly(this::run);
        }

        private Integer run() {
            try (Quartermaster app = new Quartermaster(store.open(DATA))) {
                Ledger.Verification v = app.ledger().verify();
                System.out.println(v.accounts() + " accounts, " + v.transfers() + " transfers: "
                        + (v.sound() ? "sound" : v.problems().size() + " problems"));
                v.problems().forEach(p -> System.out.println("  " + p));
                return v.sound() ? 0 : 1;
            }
        }
    }
}
