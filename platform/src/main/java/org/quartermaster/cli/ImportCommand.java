package org.quartermaster.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quartermaster.Quartermaster;
import org.quartermaster.catalog.model.Item;
import org.quartermaster.cli.CsvLayout.Cells;
import org.quartermaster.cli.CsvLayout.Errors;
import org.quartermaster.needs.FileNeed;
import org.quartermaster.needs.model.Need;
import org.quartermaster.offers.MakeOffer;
import org.quartermaster.parties.model.Location;
import org.quartermaster.parties.model.Organisation;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Limits;
import org.quartermaster.shared.NotFound;
import org.quartermaster.shared.Refused;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qm import needs|offers FILE.csv}: all rows or none. Every row is checked (cells, then
 * references against the catalogue, parties and needs) and every problem reported with its
 * line and column before anything is written; then all rows go in one transaction.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import needs or offers from a CSV file (RFC 4180, UTF-8, header first).",
                "All rows or none: every problem is reported with its line and column.",
                "",
                "needs:  requester,item,quantity,priority,due_date,destination,justification",
                "offers: donor,item,quantity,condition,origin,available_from,terms,",
                "        non_lethal_only,reimbursement_requested,need[,restrictions]",
                "",
                "Codes name registered organisations, locations and items. priority: P1..P5;",
                "dates: YYYY-MM-DD; condition: NEW, SERVICEABLE, NEEDS_REPAIR; terms: DONATION,",
                "SALE, LOAN; flags: true or false (blank = false); need: a need id (N-000042)",
                "or blank. Needs are filed as OPEN, offers as OFFERED. The columns id, status,",
                "covered_quantity and delivered_quantity that 'qm export' adds are ignored.",
                ""})
final class ImportCommand implements Callable<Integer> {
    private static final Actor IMPORTER = Actor.system("qm-import", "QM");
    private static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4", "P5");
    private static final List<String> CONDITIONS = List.of("NEW", "SERVICEABLE", "NEEDS_REPAIR");
    private static final List<String> TERMS = List.of("DONATION", "SALE", "LOAN");

    enum Kind { needs, offers }

    @Parameters(index = "0", paramLabel = "needs|offers", description = "what the file holds: ${COMPLETION-CANDIDATES}")
    Kind kind;

    @Parameters(index = "1", paramLabel = "FILE.csv", description = "the CSV file")
    Path file;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Errors errors = new Errors();
        List<Cells> rows = read(errors);
        if (rows == null) return 1;
        try (Quartermaster app = store.platform(Path.of("qm-data"))) {
            References refs = new References(app);
            int imported = kind == Kind.needs ? importNeeds(app, rows, refs, errors) : importOffers(app, rows, refs, errors);
            if (errors.any()) {
                errors.shown().forEach(err::println);
                if (errors.count() > Errors.SHOWN_MAX) err.println("... and " + (errors.count() - Errors.SHOWN_MAX) + " more");
                err.println("qm import: " + errors.count() + " problem(s) in " + file + "; nothing was imported.");
                return 1;
            }
            spec.commandLine().getOut().println("Imported " + imported + " " + kind + " from " + file + ".");
            return 0;
        }
    }

    /** The data rows as cells, or null after printing why the file cannot be read at all. */
    private List<Cells> read(Errors errors) {
        PrintWriter err = spec.commandLine().getErr();
        CsvLayout layout = kind == Kind.needs ? CsvLayout.NEEDS : CsvLayout.OFFERS;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvReader csv = new CsvReader(in);
            Optional<CsvReader.Row> header = csv.next();
            if (header.isEmpty()) {
                err.println("qm import: " + file + " is empty; the first line must be the header "
                        + String.join(",", layout.required()));
                return null;
            }
            Map<String, Integer> positions = layout.positions(header.get().fields(), errors);
            if (errors.any()) return List.of(); // with a bad header every row would repeat its problems
            List<Cells> rows = new ArrayList<>();
            for (Optional<CsvReader.Row> row = csv.next(); row.isPresent(); row = csv.next()) {
                CsvReader.Row r = row.get();
                if (r.blank()) continue;
                if (rows.size() == Limits.IMPORT_ROWS_MAX) {
                    errors.add(r.line(), null, "the file has more than " + Limits.IMPORT_ROWS_MAX
                            + " rows; split it into several imports");
                    break;
                }
                if (r.fields().size() != header.get().fields().size()) {
                    errors.add(r.line(), null, "has " + r.fields().size() + " fields but the header has "
                            + header.get().fields().size());
                    continue;
                }
                rows.add(new Cells(r.line(), r.fields(), positions, errors));
            }
            return rows;
        } catch (NoSuchFileException e) {
            err.println("qm import: " + file + " does not exist");
        } catch (CharacterCodingException e) {
            err.println("qm import: " + file + " is not UTF-8 text; nothing was imported.");
        } catch (CsvReader.Malformed e) {
            err.println("line " + e.line() + ": " + e.getMessage());
            err.println("qm import: " + file + " is not valid CSV (RFC 4180); nothing was imported.");
        } catch (IOException e) {
            err.println("qm import: " + file + " cannot be read: " + e.getMessage());
        }
        return null;
    }

    private int importNeeds(Quartermaster app, List<Cells> rows, References refs, Errors errors) {
        List<FileNeed> commands = new ArrayList<>();
        for (Cells c : rows) {
            int before = errors.count();
            FileNeed need = new FileNeed(refs.organisation(c, "requester"), refs.item(c, "item"),
                    c.quantity("quantity"), c.oneOf("priority", PRIORITIES), c.date("due_date"),
                    refs.location(c, "destination"), c.optionalText("justification"), Set.of(), true);
            if (errors.count() == before) commands.add(need);
        }
        if (errors.any()) return 0;
        return write(errors, () -> app.needs().fileAll(commands, IMPORTER).size());
    }

    private int importOffers(Quartermaster app, List<Cells> rows, References refs, Errors errors) {
        List<MakeOffer> commands = new ArrayList<>();
        for (Cells c : rows) {
            int before = errors.count();
            String item = refs.item(c, "item");
            boolean nonLethalOnly = c.flag("non_lethal_only");
            if (nonLethalOnly && item != null && refs.items.get(item).lethal()) {
                c.fail("non_lethal_only", "cannot be true for a lethal item (" + item + ")");
            }
            MakeOffer offer = new MakeOffer(refs.organisation(c, "donor"), item, c.quantity("quantity"),
                    c.oneOf("condition", CONDITIONS), refs.location(c, "origin"), c.date("available_from"),
                    c.oneOf("terms", TERMS), nonLethalOnly, c.optionalText("restrictions"),
                    c.flag("reimbursement_requested"), refs.need(c, "need", item), Set.of());
            if (errors.count() == before) commands.add(offer);
        }
        if (errors.any()) return 0;
        return write(errors, () -> app.offers().makeAll(commands, IMPORTER).size());
    }

    /** Writes in one transaction; a refusal the row checks did not foresee still imports nothing. */
    private static int write(Errors errors, java.util.function.IntSupplier work) {
        try {
            return work.getAsInt();
        } catch (InvalidField e) {
            errors.add(0, e.field(), e.detail());
        } catch (Refused | NotFound e) {
            errors.add(0, null, e.getMessage());
        }
        return 0;
    }

    /** What rows may name: read once, looked up per row. */
    private static final class References {
        private final Quartermaster app;
        private final Set<String> organisations;
        private final Set<String> locations;
        private final Map<String, Item> items;
        private final Map<String, Optional<Need>> needs = new HashMap<>();

        References(Quartermaster app) {
            this.app = app;
            this.organisations = app.parties().allOrganisations().stream().map(Organisation::code)
                    .collect(Collectors.toSet());
            this.locations = app.parties().allLocations().stream().map(Location::code).collect(Collectors.toSet());
            this.items = app.catalog().all().stream().collect(Collectors.toMap(Item::code, Function.identity()));
        }

        String organisation(Cells c, String column) {
            String code = c.required(column);
            if (code != null && !organisations.contains(code)) {
                c.fail(column, "names no registered organisation: " + code);
            }
            return code;
        }

        String location(Cells c, String column) {
            String code = c.required(column);
            if (code != null && !locations.contains(code)) c.fail(column, "names no known location: " + code);
            return code;
        }

        /** The item code, or null when missing or unknown (so later checks can skip it). */
        String item(Cells c, String column) {
            String code = c.required(column);
            if (code != null && !items.containsKey(code)) {
                c.fail(column, "names no item of the catalogue: " + code);
                return null;
            }
            return code;
        }

        /** An optional pledge: the need must exist and ask for the item or one it can serve. */
        String need(Cells c, String column, String item) {
            String id = c.text(column);
            if (id == null) return null;
            Optional<Need> need = needs.computeIfAbsent(id, this::find);
            if (need.isEmpty()) {
                c.fail(column, "names no need: " + id + " (a need id looks like N-000042)");
            } else if (item != null && !serves(items.get(item), need.get().item())) {
                c.fail(column, "asks for " + need.get().item() + ", which " + item + " cannot serve");
            }
            return id;
        }

        private Optional<Need> find(String id) {
            try {
                return Optional.of(app.needs().get(id));
            } catch (NotFound e) {
                return Optional.empty();
            }
        }

        private static boolean serves(Item offered, String asked) {
            return offered.code().equals(asked)
                    || offered.compatibleWith().stream().anyMatch(l -> l.servesItem().equals(asked));
        }
    }
}
