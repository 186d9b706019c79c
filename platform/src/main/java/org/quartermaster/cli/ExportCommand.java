package org.quartermaster.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.quartermaster.Quartermaster;
import org.quartermaster.needs.NeedFilter;
import org.quartermaster.needs.model.Need;
import org.quartermaster.offers.OfferFilter;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.shared.Limits;
import org.quartermaster.shared.Page;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qm export needs|offers}: every record, paged through the facades, as CSV in the layout
 * {@code qm import} reads (plus id and status columns it ignores) or as JSON lines.
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

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() throws IOException {
        if (kind == Kind.journal) return exportJournal();
        try (Quartermaster app = store.platform(Path.of("qm-data"))) {
            Writer writer = out == null ? spec.commandLine().getOut()
                    : new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8));
            try {
                long count = kind == Kind.needs
                        ? export(writer, CsvLayout.NEEDS, after -> app.needs().list(NeedFilter.ALL, after,
                                Limits.PAGE_SIZE_MAX), ExportCommand::needRow)
                        : export(writer, CsvLayout.OFFERS, after -> app.offers().list(OfferFilter.ALL, after,
                                Limits.PAGE_SIZE_MAX), ExportCommand::offerRow);
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

    private <T> long export(Writer writer, CsvLayout layout, Function<String, Page<T>> pages,
                            Function<T, Map<String, Object>> row) throws IOException {
        CsvWriter csv = new CsvWriter(writer);
        if (format == Format.csv) csv.write(layout.all());
        long count = 0;
        String after = null;
        do {
            Page<T> page = pages.apply(after);
            for (T record : page.items()) {
                Map<String, Object> values = row.apply(record);
                if (format == Format.csv) {
                    csv.write(layout.all().stream().map(c -> values.get(c) == null ? "" : values.get(c).toString())
                            .toList());
                } else {
                    writer.write(JSON.writeValueAsString(values));
                    writer.write('\n');
                }
                count++;
            }
            after = page.next();
        } while (after != null);
        return count;
    }

    static Map<String, Object> needRow(Need n) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("requester", n.requester());
        row.put("item", n.item());
        row.put("quantity", n.quantity());
        row.put("priority", n.priority().name());
        row.put("due_date", n.dueDate().toString());
        row.put("destination", n.destination());
        row.put("justification", n.justification());
        row.put("id", n.publicId());
        row.put("status", n.status().name());
        row.put("covered_quantity", n.coveredQuantity());
        row.put("delivered_quantity", n.deliveredQuantity());
        return row;
    }

    static Map<String, Object> offerRow(Offer o) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("donor", o.donor());
        row.put("item", o.item());
        row.put("quantity", o.quantity());
        row.put("condition", o.condition().name());
        row.put("origin", o.origin());
        row.put("available_from", o.availableFrom().toString());
        row.put("terms", o.terms().name());
        row.put("non_lethal_only", o.nonLethalOnly());
        row.put("reimbursement_requested", o.reimbursementRequested());
        row.put("need", o.need());
        row.put("restrictions", o.restrictions());
        row.put("id", o.publicId());
        row.put("status", o.status().name());
        return row;
    }
}
