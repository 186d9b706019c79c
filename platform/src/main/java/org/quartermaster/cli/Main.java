package org.quartermaster.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code qm}: serve the platform, load a demo world, import and export, verify. */
@Command(name = "qm", mixinStandardHelpOptions = true, version = "Quartermaster 0.1.0",
        description = "Quartermaster: coordination of defence procurement and military aid.",
        subcommands = {ServeCommand.class, DemoCommand.class, PlanCommand.class, ImportCommand.class,
            ExportCommand.class, VerifyCommand.class, UserCommand.class, FundCommand.class,
            CapacityCommand.class, ShipCommand.class,
            ProcureCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling: a caller's mistake is one line on stderr and exit code 2. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof org.quartermaster.shared.NotFound
                    || e instanceof org.quartermaster.shared.Refused || e instanceof org.quartermaster.shared.AccessDenied) {
                commandLine.getErr().println("qm: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }
}
