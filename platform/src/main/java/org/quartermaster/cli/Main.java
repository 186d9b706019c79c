package org.quartermaster.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code qm}: serve the platform, load a demo world, import and export, verify. */
@Command(name = "qm", mixinStandardHelpOptions = true, version = "Quartermaster 0.1.0",
        description = "Quartermaster: coordination of defence procurement and military aid.",
        subcommands = {ServeCommand.class, FundCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException) {
                commandLine.getErr().println("qm: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }
}
