package org.quartermaster.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code qm}. */
@Command(name = "qm", mixinStandardHelpOptions = true, version = "Quartermaster 0.1.0",
        description = "Quartermaster: coordination of defence procurement and military aid.")
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
