package org.quartermaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.Quartermaster;
import org.quartermaster.needs.NeedFilter;
import org.quartermaster.offers.OfferFilter;
import org.quartermaster.shared.Limits;
import org.quartermaster.store.Database;
import picocli.CommandLine;

class ImportExportTest {
    private static final String NEEDS_HEADER = "requester,item,quantity,priority,due_date,destination,justification\n";
    private static final String OFFERS_HEADER = "donor,item,quantity,condition,origin,available_from,terms,"
            + "non_lethal_only,reimbursement_requested,need\n";

    @TempDir
    static Path shared;
    /** A data directory holding the demo's reference world (parties, locations, catalogue) only. */
    private static Path world;

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Run qm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void loadReferenceWorld() {
        world = shared.resolve("world");
        Run run = qm("demo", "--data", world.toString(), "--needs", "0", "--offers", "0", "--no-serve");
        assertThat(run.exit()).as(run.err()).isZero();
    }

    /** A fresh copy of the reference world (the database is closed, so its file is complete). */
    private Path copyOfWorld(String name) throws Exception {
        Path copy = Files.createDirectories(dir.resolve(name));
        try (Stream<Path> files = Files.list(world)) {
            for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
        }
        return copy;
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static long count(Path data, String kind) {
        try (Quartermaster app = new Quartermaster(Database.embedded(data))) {
            return kind.equals("needs") ? app.needs().countByStatus().values().stream().mapToLong(Long::longValue).sum()
                    : app.offers().list(OfferFilter.ALL, null, 500).items().size();
        }
    }

    @Test
    void demoRefusesADataDirectoryThatAlreadyHoldsData() throws Exception {
        Path data = copyOfWorld("used");
        Run run = qm("demo", "--data", data.toString(), "--no-serve");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("already holds data");
        assertThat(count(data, "needs")).isZero();
    }

    @Test
    void importsNeedsWithQuotedTextAndSaysHowMany() throws Exception {
        Path data = copyOfWorld("ok");
        Path csv = file("needs.csv", NEEDS_HEADER
                + "UKR-MOD,AMMO-155-HE-M107,1200,P1,2027-02-01,UKR-FWD-KRAMATORSK,\"Counter-battery, urgent\"\n"
                + "UKR-DOT,MED-IFAK,5000,P3,2027-03-15,UKR-MED-DNIPRO,\"Two lines:\nsay \"\"now\"\"\"\r\n"
                + "UKR-MOD,FUEL-DIESEL,200000,P5,2027-06-30,UKR-DEPOT-LVIV,\n");
        Run run = qm("import", "needs", csv.toString(), "--data", data.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Imported 3 needs");
        try (Quartermaster app = new Quartermaster(Database.embedded(data))) {
            var needs = app.needs().list(NeedFilter.ALL, null, 10).items();
            assertThat(needs).extracting(n -> n.status().name()).containsOnly("OPEN");
            assertThat(needs.get(1).justification()).isEqualTo("Two lines:\nsay \"now\"");
            assertThat(needs.get(2).justification()).isNull();
        }
    }

    @Test
    void reportsEveryBadNeedRowWithItsLineAndImportsNothing() throws Exception {
        Path data = copyOfWorld("bad");
        Path csv = file("needs.csv", NEEDS_HEADER
                + "UKR-MOD,AMMO-155-HE-M107,1200,P1,2027-02-01,UKR-FWD-KRAMATORSK,fine\n"   // line 2
                + "UKR-MOD,AMMO-155-HE-M107,-5,P1,2027-02-01,UKR-FWD-KRAMATORSK,x\n"        // line 3
                + "UKR-MOD,NO-SUCH-ITEM,10,P2,31/12/2026,UKR-DEPOT-LVIV,x\n"                // line 4
                + "UKR-MOD,MED-IFAK,10,P2,2027-01-01,\"\"\"quoted\nnowhere\"\"\",x\n"       // lines 5-6
                + "UKR-MOD,MED-IFAK,10,P9,2027-01-01,UKR-DEPOT-LVIV,x\n"                    // line 7
                + "UKR-MOD,MED-IFAK,10\n"                                                   // line 8
                + "NOBODY,MED-IFAK,abc,P1,2027-01-01,UKR-DEPOT-LVIV,x\n");                  // line 9
        Run run = qm("import", "needs", csv.toString(), "--data", data.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(
                "line 3, quantity: must be a whole number from 1",
                "line 4, item: names no item of the catalogue: NO-SUCH-ITEM",
                "line 4, due_date: must be a date such as 2026-12-31, not '31/12/2026'",
                "line 5, destination: names no known location",
                "line 7, priority: must be one of P1, P2, P3, P4, P5, not 'P9'",
                "line 8: has 3 fields but the header has 7",
                "line 9, requester: names no registered organisation: NOBODY",
                "line 9, quantity",
                "nothing was imported");
        assertThat(run.err()).doesNotContain("line 2");
        assertThat(count(data, "needs")).isZero();
    }

    @Test
    void reportsBadOfferPledgesAndFlagsAndImportsNothing() throws Exception {
        Path data = copyOfWorld("offers");
        Path needs = file("needs.csv", NEEDS_HEADER
                + "UKR-MOD,AMMO-155-HE-M107,1000,P1,2027-02-01,UKR-FWD-KRAMATORSK,x\n");
        assertThat(qm("import", "needs", needs.toString(), "--data", data.toString()).exit()).isZero();
        Path csv = file("offers.csv", OFFERS_HEADER
                + "DEU-MOD,AMMO-155-HE-DM121,400,NEW,DEU-DEPOT-1,2026-12-01,DONATION,false,true,N-000001\n"
                + "DEU-MOD,AMMO-152-HE-OF540,400,NEW,DEU-DEPOT-1,2026-12-01,DONATION,false,false,N-000001\n"
                + "POL-MOD,AMMO-155-HE-M107,10,USED,POL-DEPOT-1,2026-12-01,GIFT,maybe,false,N-000099\n"
                + "AUT-MOD,AMMO-556X45,1000,NEW,AUT-DEPOT-1,2026-12-01,DONATION,true,false,\n");
        Run run = qm("import", "offers", csv.toString(), "--data", data.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(
                "line 3, need: asks for AMMO-155-HE-M107, which AMMO-152-HE-OF540 cannot serve",
                "line 4, condition", "line 4, terms", "line 4, non_lethal_only: must be true or false",
                "line 4, need: names no need: N-000099",
                "line 5, non_lethal_only: cannot be true for a lethal item (AMMO-556X45)");
        assertThat(run.err()).doesNotContain("line 2");
        assertThat(count(data, "offers")).isZero();
    }

    @Test
    void refusesAFileWithMoreRowsThanTheLimit() throws Exception {
        String row = "UKR-MOD,MED-IFAK,10,P3,2027-01-01,UKR-DEPOT-LVIV,x\n";
        Path csv = file("many.csv", NEEDS_HEADER + row.repeat(Limits.IMPORT_ROWS_MAX + 1));
        Path data = copyOfWorld("many");
        Run run = qm("import", "needs", csv.toString(), "--data", data.toString());
        assertThat(run.exit()).isEqualTo(1);
        // The header is line 1, so the first row past the limit is on line limit + 2.
        assertThat(run.err()).contains("line " + (Limits.IMPORT_ROWS_MAX + 2) + ": the file has more than "
                + Limits.IMPORT_ROWS_MAX + " rows", "nothing was imported");
        assertThat(count(data, "needs")).isZero();
    }

    @Test
    void reportsAHeaderWithAMissingOrUnknownColumn() throws Exception {
        Path csv = file("needs.csv", "requester,item,quantity,priority,due_date,destination,colour\nx,y,1,P1,2027-01-01,z,red\n");
        Run run = qm("import", "needs", csv.toString(), "--data", copyOfWorld("header").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("line 1, colour: is not a column", "line 1, justification: is a required column");
    }

    @Test
    void reportsMalformedCsvWithItsLine() throws Exception {
        Path csv = file("needs.csv", NEEDS_HEADER + "UKR-MOD,\"MED-IFAK,10,P1,2027-01-01,UKR-DEPOT-LVIV,x\n");
        Run run = qm("import", "needs", csv.toString(), "--data", copyOfWorld("malformed").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("line 2: a quoted field is not closed", "nothing was imported");
    }

    @Test
    void exportedNeedsAndOffersImportBackUnchanged() throws Exception {
        Path source = dir.resolve("source");
        assertThat(qm("demo", "--data", source.toString(), "--needs", "60", "--offers", "40", "--no-serve").exit())
                .isZero();
        Path needsOut = dir.resolve("needs-a.csv");
        Path offersOut = dir.resolve("offers-a.csv");
        assertThat(qm("export", "needs", "--out", needsOut.toString(), "--data", source.toString()).exit()).isZero();
        assertThat(qm("export", "offers", "--out", offersOut.toString(), "--data", source.toString()).exit()).isZero();

        Path target = copyOfWorld("target");
        Run needsIn = qm("import", "needs", needsOut.toString(), "--data", target.toString());
        assertThat(needsIn.exit()).as(needsIn.err()).isZero();
        Run offersIn = qm("import", "offers", offersOut.toString(), "--data", target.toString());
        assertThat(offersIn.exit()).as(offersIn.err()).isZero();
        assertThat(offersIn.out()).contains("Imported 40 offers");

        Run needsB = qm("export", "needs", "--data", target.toString());
        Run offersB = qm("export", "offers", "--data", target.toString());
        // Imported records start over (OPEN, OFFERED): compare what import reads, plus the ids.
        assertThat(project(needsB.out(), CsvLayout.NEEDS)).hasSize(60)
                .isEqualTo(project(Files.readString(needsOut), CsvLayout.NEEDS));
        assertThat(project(offersB.out(), CsvLayout.OFFERS)).hasSize(40)
                .isEqualTo(project(Files.readString(offersOut), CsvLayout.OFFERS));
    }

    @Test
    void exportsJsonLinesWithTheSameFields() throws Exception {
        Path source = copyOfWorld("json");
        Path csv = file("needs.csv", NEEDS_HEADER
                + "UKR-MOD,MED-IFAK,5000,P3,2027-03-15,UKR-MED-DNIPRO,\"a, b\"\n"
                + "UKR-MOD,FUEL-DIESEL,200000,P5,2027-06-30,UKR-DEPOT-LVIV,\n");
        assertThat(qm("import", "needs", csv.toString(), "--data", source.toString()).exit()).isZero();
        Run run = qm("export", "needs", "--format", "json", "--data", source.toString());
        assertThat(run.exit()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("id").asText()).isEqualTo("N-000001");
        assertThat(first.get("quantity").asLong()).isEqualTo(5000);
        assertThat(first.get("justification").asText()).isEqualTo("a, b");
        assertThat(first.get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void theHttpDownloadsAreTheFilesTheCommandLineWritesAndImportBack() throws Exception {
        assertThat(CsvLayout.NEEDS.all()).isEqualTo(org.quartermaster.needs.web.NeedsExport.COLUMNS);
        assertThat(CsvLayout.OFFERS.all()).isEqualTo(org.quartermaster.offers.web.OffersExport.COLUMNS);
        Path source = dir.resolve("served");
        assertThat(qm("demo", "--data", source.toString(), "--needs", "30", "--offers", "20", "--no-serve").exit())
                .isZero();
        String needsCsv;
        String offersJson;
        // the platform's own gate (every request acts as the system, which sees every record), as qm export does
        try (org.quartermaster.testing.TestServer server = new org.quartermaster.testing.TestServer(
                Database.embedded(source))) {
            var needs = server.get("/api/v1/exports/needs?format=csv");
            assertThat(needs.status()).as(needs.body()).isEqualTo(200);
            needsCsv = needs.body();
            offersJson = server.get("/api/v1/exports/offers?format=json").body();
        }
        assertThat(needsCsv).isEqualTo(qm("export", "needs", "--data", source.toString()).out());
        assertThat(offersJson).isEqualTo(qm("export", "offers", "--format", "json", "--data", source.toString()).out());
        Path target = copyOfWorld("from-http");
        Run in = qm("import", "needs", file("needs-http.csv", needsCsv).toString(), "--data", target.toString());
        assertThat(in.exit()).as(in.err()).isZero();
        assertThat(in.out()).contains("Imported 30 needs");
        assertThat(project(qm("export", "needs", "--data", target.toString()).out(), CsvLayout.NEEDS)).hasSize(30)
                .isEqualTo(project(needsCsv, CsvLayout.NEEDS));
    }

    /** The import columns and the id of every record of a CSV export, in file order. */
    private static List<List<String>> project(String csv, CsvLayout layout) throws Exception {
        CsvReader reader = new CsvReader(new StringReader(csv));
        List<String> header = reader.next().orElseThrow().fields();
        List<String> columns = new ArrayList<>(layout.required());
        columns.addAll(layout.optional());
        columns.add("id");
        List<List<String>> rows = new ArrayList<>();
        for (var row = reader.next(); row.isPresent(); row = reader.next()) {
            List<String> fields = row.get().fields();
            rows.add(columns.stream().map(c -> fields.get(header.indexOf(c))).toList());
        }
        return rows;
    }
}
