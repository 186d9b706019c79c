package org.quartermaster.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.quartermaster.access.AccessMatrixTest.Call;
import org.quartermaster.access.AccessMatrixTest.Caller;
import org.quartermaster.access.AccessMatrixTest.Entry;
import org.quartermaster.access.model.Role;
import org.quartermaster.audit.web.JournalExport;
import org.quartermaster.needs.NeedFilter;
import org.quartermaster.needs.web.NeedsExport;
import org.quartermaster.offers.OfferFilter;
import org.quartermaster.offers.web.OffersExport;
import org.quartermaster.shared.Page;
import org.quartermaster.testing.TestServer.Reply;

/**
 * The access matrix's entries for the downloads ({@code /api/v1/exports/...}). Each cell asks for
 * the CSV file, parses it and checks every row's record against the matrix's reference
 * ({@link AccessMatrixTest#readable}); it then asks for the JSON lines of the same caller and
 * checks that they hold the same records. A record the caller may see but the file leaves out
 * is reported too, so the check cannot pass on an empty file. Kept apart from the matrix so that
 * entries added there and here merge without conflict.
 */
final class MatrixExportEntries {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MatrixExportEntries() {}

    static void put(Map<String, Entry> e, AccessMatrixTest m) {
        e.put("GET " + NeedsExport.PATH, new Entry(c -> new Call("GET", NeedsExport.PATH + "?format=csv", null, false),
                AccessMatrixTest::signedIn, (c, reply) -> records(m, c, reply, NeedsExport.PATH, NeedsExport.COLUMNS,
                        needMarkings(m)), false));
        e.put("GET " + OffersExport.PATH, new Entry(c -> new Call("GET", OffersExport.PATH + "?format=csv", null, false),
                AccessMatrixTest::signedIn, (c, reply) -> records(m, c, reply, OffersExport.PATH, OffersExport.COLUMNS,
                        offerMarkings(m)), false));
        e.put("GET " + JournalExport.PATH, new Entry(c -> new Call("GET", JournalExport.PATH + "?format=csv", null,
                false), c -> AccessMatrixTest.holds(c, Role.AUDITOR, Role.ADMIN), (c, reply) -> events(m, c, reply),
                false));
    }

    /** Owner and releasability of every need, by id (as the system sees them). */
    private static Map<String, Marked> needMarkings(AccessMatrixTest m) {
        Map<String, Marked> out = new HashMap<>();
        String after = null;
        do {
            Page<org.quartermaster.needs.model.Need> page = m.server.app().needs().list(NeedFilter.ALL, after, 500);
            page.items().forEach(n -> out.put(n.publicId(), new Marked(n.requester(), n.releasableTo())));
            after = page.next();
        } while (after != null);
        return out;
    }

    private static Map<String, Marked> offerMarkings(AccessMatrixTest m) {
        Map<String, Marked> out = new HashMap<>();
        String after = null;
        do {
            Page<org.quartermaster.offers.model.Offer> page = m.server.app().offers().list(OfferFilter.ALL, after, 500);
            page.items().forEach(o -> out.put(o.publicId(), new Marked(o.donor(), o.releasableTo())));
            after = page.next();
        } while (after != null);
        return out;
    }

    private record Marked(String owner, Set<String> releasableTo) {}

    /** Foreign, unknown and missing records of a needs or offers download, in CSV and in JSON lines. */
    private static List<String> records(AccessMatrixTest m, Caller c, Reply csvReply, String path, List<String> columns,
                                        Map<String, Marked> markings) {
        List<String> problems = new ArrayList<>();
        List<List<String>> rows = csv(csvReply.body());
        if (rows.isEmpty() || !rows.get(0).equals(columns)) {
            return List.of("the CSV header is " + (rows.isEmpty() ? "missing" : rows.get(0)) + ", not " + columns);
        }
        int id = columns.indexOf("id");
        Set<String> exported = new TreeSet<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() != columns.size()) problems.add("a row of " + row.size() + " fields: " + row);
            else exported.add(row.get(id));
        }
        Set<String> expected = new TreeSet<>();
        markings.forEach((record, mk) -> {
            if (AccessMatrixTest.readable(c, mk.owner(), mk.releasableTo())) expected.add(record);
        });
        for (String record : exported) {
            Marked mk = markings.get(record);
            if (mk == null) problems.add(record + " is no record");
            else if (!AccessMatrixTest.readable(c, mk.owner(), mk.releasableTo())) {
                problems.add(record + " of " + mk.owner() + " released to " + mk.releasableTo());
            }
        }
        for (String record : expected) if (!exported.contains(record)) problems.add("missing " + record);
        Reply lines = m.server.get(path + "?format=json", headers(c));
        Set<String> inJson = new TreeSet<>();
        for (String line : lines.body().split("\n")) {
            if (line.isEmpty()) continue;
            JsonNode row = read(line);
            if (!fieldNames(row).equals(columns)) problems.add("a JSON line with the fields " + fieldNames(row));
            inJson.add(row.get("id").asText());
        }
        if (lines.status() != 200 || !inJson.equals(exported)) {
            problems.add("the JSON lines (" + lines.status() + ") hold " + inJson + " but the CSV " + exported);
        }
        return problems;
    }

    /** Foreign and missing events of a journal download, each checked against the marking stored with it. */
    private static List<String> events(AccessMatrixTest m, Caller c, Reply reply) {
        List<List<String>> rows = csv(reply.body());
        if (rows.isEmpty() || !rows.get(0).equals(JournalExport.COLUMNS)) return List.of("the CSV header is wrong");
        List<Map<String, Object>> stored = m.server.app().db().read(h -> h.createQuery(
                "SELECT sequence, owner_org, releasable_to FROM journal_events ORDER BY sequence").mapToMap().list());
        Map<Long, Marked> markings = new HashMap<>();
        for (Map<String, Object> s : stored) {
            String rel = (String) s.get("releasable_to");
            markings.put(((Number) s.get("sequence")).longValue(), new Marked((String) s.get("owner_org"),
                    rel.isEmpty() ? Set.of() : Set.of(rel.split(","))));
        }
        List<String> problems = new ArrayList<>();
        Set<Long> exported = new TreeSet<>();
        for (List<String> row : rows.subList(1, rows.size())) exported.add(Long.parseLong(row.get(0)));
        for (long sequence : exported) {
            Marked mk = markings.get(sequence);
            if (mk == null || !AccessMatrixTest.readable(c, mk.owner(), mk.releasableTo())) {
                problems.add("event " + sequence + " of " + (mk == null ? "nobody" : mk.owner()));
            }
        }
        markings.forEach((sequence, mk) -> {
            if (AccessMatrixTest.readable(c, mk.owner(), mk.releasableTo()) && !exported.contains(sequence)) {
                problems.add("missing event " + sequence);
            }
        });
        Reply lines = m.server.get(JournalExport.PATH + "?format=json", headers(c));
        Set<Long> inJson = new TreeSet<>();
        for (String line : lines.body().split("\n")) if (!line.isEmpty()) inJson.add(read(line).get("sequence").asLong());
        if (lines.status() != 200 || !inJson.equals(exported)) {
            problems.add("the JSON lines (" + lines.status() + ") hold " + inJson.size() + " events, the CSV "
                    + exported.size());
        }
        return problems;
    }

    private static Map<String, String> headers(Caller c) {
        Map<String, String> h = new HashMap<>(c.session().headers());
        h.put("Accept", "application/json");
        return h;
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    private static List<String> fieldNames(JsonNode row) {
        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * The records of an RFC 4180 text: fields split at commas, a quoted field may hold commas,
     * line breaks and doubled quotes. Written here rather than borrowed from the code under test.
     */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(ch);
            }
        }
        if (quoted) throw new AssertionError("a quoted field is not closed");
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
