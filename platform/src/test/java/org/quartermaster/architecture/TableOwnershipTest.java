package org.quartermaster.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Contexts never touch each other's tables: the SQL in a context's source names only tables it
 * owns. Tables not listed below belong to the one package whose SQL names them; a second
 * package naming them is a violation too, so new tables are covered without editing this test.
 */
class TableOwnershipTest {
    static final Path SOURCES = Path.of("src/main/java/org/quartermaster");
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("items", "catalog"), Map.entry("item_compatibility", "catalog"),
            Map.entry("organisations", "parties"), Map.entry("organisation_groups", "parties"),
            Map.entry("locations", "parties"), Map.entry("needs", "needs"), Map.entry("offers", "offers"),
            Map.entry("idempotency_keys", "server"), Map.entry("capacity_lines", "capacity"),
            Map.entry("capacity_line_steps", "capacity"), Map.entry("capacity_reservations", "capacity"),
            Map.entry("shipments", "logistics"), Map.entry("shipment_stops", "logistics"),
            Map.entry("shipment_lines", "logistics"), Map.entry("shipment_line_needs", "logistics"),
            Map.entry("custody_events", "logistics"), Map.entry("shipment_receipts", "logistics"),
            Map.entry("shipment_discrepancies", "logistics"), Map.entry("shipment_attachments", "logistics"),
            Map.entry("receipt_signing_keys", "logistics"), Map.entry("absorption_capacities", "logistics"),
            Map.entry("questions", "oversight"));
    static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    static final Pattern TABLE = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([a-z_][a-z0-9_]*)");

    static String owner(String table) {
        if (table.startsWith("journal_")) return "audit";
        return OWNERS.get(table);
    }

    /** Top-level package of a source file: catalog, server, audit, ... */
    static String packageOf(Path file) {
        Path relative = SOURCES.relativize(file);
        return relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
    }

    /** The tables named by the SQL in the string literals and text blocks of {@code source}. */
    static List<String> tablesIn(String source) {
        List<String> literals = new ArrayList<>();
        Matcher blocks = TEXT_BLOCK.matcher(source);
        while (blocks.find()) literals.add(blocks.group(1));
        Matcher strings = STRING.matcher(blocks.replaceAll(""));
        while (strings.find()) literals.add(strings.group(1));
        List<String> tables = new ArrayList<>();
        for (String literal : literals) {
            Matcher m = TABLE.matcher(literal);
            while (m.find()) tables.add(m.group(1));
        }
        return tables;
    }

    @Test
    void eachContextsSqlNamesOnlyItsOwnTables() throws IOException {
        assertThat(SOURCES).as("run from the platform module").isDirectory();
        Map<String, TreeSet<String>> namedBy = new TreeMap<>();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = packageOf(file);
                for (String table : tablesIn(Files.readString(file))) {
                    namedBy.computeIfAbsent(table, t -> new TreeSet<>()).add(pkg);
                    String owner = owner(table);
                    if (owner != null && !owner.equals(pkg)) violations.add(file + " names " + table + " of " + owner);
                }
            }
        }
        namedBy.forEach((table, packages) -> {
            if (owner(table) == null && packages.size() > 1) {
                violations.add("table " + table + " is named by several packages: " + packages);
            }
        });
        assertThat(namedBy).as("the scan finds the foundation's SQL").containsKeys("needs", "offers", "journal_events");
        assertThat(violations).isEmpty();
    }

    @Test
    void findsTablesInTextBlocksAndStringsButNotInProse() {
        String source = "class X { String a = \"\"\"\n  SELECT * FROM needs n\n  JOIN items i ON x\"\"\";\n"
                + " String b = \"UPDATE offers SET x = 1\"; // FROM locations\n }";
        assertThat(tablesIn(source)).containsExactly("needs", "items", "offers");
        Map<String, String> probe = new HashMap<>(OWNERS);
        assertThat(probe.get("items")).isEqualTo("catalog");
        assertThat(owner("journal_head")).isEqualTo("audit");
    }
}
