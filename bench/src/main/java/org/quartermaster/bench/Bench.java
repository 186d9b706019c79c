package org.quartermaster.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./qm bench <what>}: side-by-side benchmarks that measure and print figures.
 * Each benchmark is one subcommand class; none of them runs in {@code ./qm test}.
 */
@Command(name = "qm bench", mixinStandardHelpOptions = true,
        description = "Measure the platform side by side with a reference, in one run.",
        subcommands = {
            // one line per benchmark
            PlannerBench.class,
            JournalBench.class,
            CrashBench.class,
            WriteBench.class,
            StartupBench.class,
            LedgerBench.class,
            LogisticsBench.class,
            ProcurementBench.class,
            JmhBench.class,
        })
public final class Bench implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Bench());
        // Bad options of any benchmark end with the message and its usage (exit 2), not a stack trace.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (!(e instanceof IllegalArgumentException)) throw e;
            commandLine.getErr().println(e.getMessage());
            commandLine.usage(commandLine.getErr());
            return CommandLine.ExitCode.USAGE;
        });
        System.exit(cli.execute(args));
    }
}
