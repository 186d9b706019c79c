package org.quartermaster.server;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes RFC 4180 records (CRLF line ends), quoting only the fields that need it. */
public final class CsvWriter {
    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void write(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.write(',');
            out.write(quote(fields.get(i)));
        }
        out.write("\r\n");
    }

    static String quote(String field) {
        if (field == null) return "";
        boolean plain = field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')
                && (field.isEmpty() || field.strip().equals(field));
        return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
    }
}
