package org.quartermaster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.quartermaster.server.CsvWriter;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
    private static List<CsvReader.Row> rows(String text) throws Exception {
        CsvReader reader = new CsvReader(new StringReader(text));
        List<CsvReader.Row> rows = new ArrayList<>();
        for (var row = reader.next(); row.isPresent(); row = reader.next()) rows.add(row.get());
        return rows;
    }

    @Test
    void readsPlainFieldsWithCrlfOrLfAndNoFinalLineBreak() throws Exception {
        assertThat(rows("a,b\r\nc,d\ne,f")).extracting(CsvReader.Row::fields)
                .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"));
    }

    @Test
    void readsQuotedCommasDoubledQuotesAndLineBreaksCountingLines() throws Exception {
        List<CsvReader.Row> rows = rows("h1,h2\r\n\"a, b\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x\r\nlast,\"\"\r\n");
        assertThat(rows).extracting(CsvReader.Row::fields).containsExactly(
                List.of("h1", "h2"), List.of("a, b", "say \"hi\""), List.of("two\nlines", "x"), List.of("last", ""));
        // The record with an embedded line break starts on line 3, so the next one starts on line 5.
        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 2, 3, 5);
    }

    @Test
    void keepsEmptyFieldsAndSkipsAByteOrderMark() throws Exception {
        assertThat(rows("\uFEFFa,,c\n,\n")).extracting(CsvReader.Row::fields)
                .containsExactly(List.of("a", "", "c"), List.of("", ""));
    }

    @Test
    void refusesAQuoteInsideAnUnquotedField() {
        assertThatThrownBy(() -> rows("a,b\nx\"y,z\n")).isInstanceOf(CsvReader.Malformed.class)
                .satisfies(e -> assertThat(((CsvReader.Malformed) e).line()).isEqualTo(2));
    }

    @Test
    void refusesTextAfterAClosingQuote() {
        assertThatThrownBy(() -> rows("\"a\"b,c\n")).isInstanceOf(CsvReader.Malformed.class)
                .hasMessageContaining("followed by a comma");
    }

    @Test
    void refusesAnUnclosedQuoteNamingTheLineItStarted() {
        assertThatThrownBy(() -> rows("a\n\"open\nstill open\n")).isInstanceOf(CsvReader.Malformed.class)
                .hasMessageContaining("not closed")
                .satisfies(e -> assertThat(((CsvReader.Malformed) e).line()).isEqualTo(2));
    }

    @Test
    void refusesARecordLongerThanTheLimit() {
        String huge = "x".repeat(CsvReader.RECORD_CHARS_MAX + 1);
        assertThatThrownBy(() -> rows("a\n" + huge + "\n")).isInstanceOf(CsvReader.Malformed.class)
                .hasMessageContaining("longer than");
    }

    @Test
    void readsBackWhatTheWriterWrote() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String alphabet = "ab ,\"\r\n;é";
        List<List<String>> written = new ArrayList<>();
        for (int r = 0; r < 200; r++) {
            List<String> fields = new ArrayList<>();
            int count = 2 + random.nextInt(4);
            for (int f = 0; f < count; f++) {
                StringBuilder field = new StringBuilder();
                for (int i = random.nextInt(8); i > 0; i--) field.append(alphabet.charAt(random.nextInt(alphabet.length())));
                fields.add(field.toString());
            }
            written.add(fields);
        }
        StringWriter out = new StringWriter();
        CsvWriter writer = new CsvWriter(out);
        for (List<String> fields : written) writer.write(fields);
        assertThat(rows(out.toString())).extracting(CsvReader.Row::fields).as("seed %d", seed)
                .containsExactlyElementsOf(written);
    }
}
