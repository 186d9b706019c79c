package org.quartermaster.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.quartermaster.Quartermaster;
import org.quartermaster.needs.NeedFilter;
import org.quartermaster.needs.web.NeedsExport;
import org.quartermaster.offers.OfferFilter;
import org.quartermaster.offers.web.OffersExport;
import org.quartermaster.server.Export;
import org.quartermaster.shared.Limits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qm export needs|offers}: every record, paged through the facades, as CSV in the layout
 * {@code qm import} reads (plus id and status columns it ignores) or as JSON lines: the same
 * file the HTTP downloads ({@code GET /api/v1/exports/needs|offers}) give, written by
 * {@link Export} with the same columns.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export all needs or offers as CSV in the layout 'qm import' reads",
                "(plus id and status columns), or as JSON lines with the same field names."})
final class ExportCommand implements Callable<Integer> {
    enum Kind { needs, offers, journal }

    enum Format { csv, json }

    @Parameters(index = "0", paramLabel = "needs|offers|journal",
            description = "what to export: ${COMPLETION-CANDIDATES} (journal: a verifiable bundle, needs --out)")
    Kind kind;

    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "file to write (default: standard output)")
    Path out;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (kind == Kind.journal) return exportJournal();
        try (Quartermaster app = store.platform(Path.of("qm-data"))) {
            Writer writer = out == null ? spec.commandLine().getOut()
                    : new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8));
            try {
                Export.Format f = format == Format.csv ? Export.Format.CSV : Export.Format.JSON;
                long count = kind == Kind.needs
                        ? Export.write(writer, f, NeedsExport.COLUMNS, after -> app.needs().list(NeedFilter.ALL, after,
                                Limits.PAGE_SIZE_MAX), NeedsExport::row)
                        : Export.write(writer, f, OffersExport.COLUMNS, after -> app.offers().list(OfferFilter.ALL,
                                after, Limits.PAGE_SIZE_MAX), OffersExport::row);
                writer.flush();
                if (out != null) spec.commandLine().getErr().println("Exported " + count + " " + kind + " to " + out + ".");
            } finally {
                if (out != null) writer.close();
            }
            return 0;
        }
    }

    /** The journal as a bundle that {@code qm verify --bundle} checks offline. */
    private int exportJournal() throws IOException {
        if (out == null) throw new IllegalArgumentException("export journal writes a binary bundle: give --out FILE");
        try (Quartermaster app = store.platform(Path.of("qm-data"));
             var sink = new java.io.BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            long events = org.quartermaster.audit.BundleExport.write(app.db(), app.journal(), sink);
            spec.commandLine().getErr().println("Exported the journal (" + events + " events, signed) to " + out
                    + ". Check it with: qm verify --bundle " + out);
            return 0;
        }
    }
}
