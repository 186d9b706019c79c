package org.quartermaster.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An RFC 4180 reader: fields separated by commas, records by CRLF or LF; a field in double
 * quotes may hold commas, line breaks and doubled quotes ({@code ""} is one quote). A UTF-8 byte
 * order mark before the first field is skipped. Malformed input is a {@link Malformed} naming the
 * line, never a silent guess. Records are numbered by the line they start on (the header is 1).
 */
final class CsvReader {
    /** Characters in one record and fields in one record: a bound on what one bad file can cost. */
    static final int RECORD_CHARS_MAX = 65_536;
    static final int FIELDS_MAX = 64;

    private final Reader in;
    private int line = 1;
    private int peeked = -2;
    private boolean started;

    /** A record and the line it starts on. */
    record Row(int line, List<String> fields) {
        /** A blank line: one empty field. */
        boolean blank() {
            return fields.size() == 1 && fields.get(0).isEmpty();
        }
    }

    /** Input that is not CSV, at {@code line}. */
    static final class Malformed extends Exception {
        private final int line;

        Malformed(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    CsvReader(Reader in) {
        this.in = in;
    }

    /** The next record, or empty at the end of input. */
    Optional<Row> next() throws IOException, Malformed {
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') read();
        }
        if (peek() == -1) return Optional.empty();
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int chars = 0;
        while (true) {
            boolean quoted = peek() == '"';
            if (quoted) {
                read();
                chars += readQuoted(field, start);
            } else {
                chars += readPlain(field, start);
            }
            if (chars > RECORD_CHARS_MAX) {
                throw new Malformed(start, "the record is longer than " + RECORD_CHARS_MAX + " characters");
            }
            fields.add(field.toString());
            field.setLength(0);
            if (fields.size() > FIELDS_MAX) throw new Malformed(start, "the record has more than " + FIELDS_MAX + " fields");
            int c = read();
            if (c == ',') continue;
            if (c == '\r' && peek() == '\n') read();
            if (c == '\r' || c == '\n') line++;
            if (c == -1 || c == '\r' || c == '\n') return Optional.of(new Row(start, List.copyOf(fields)));
            throw new Malformed(line, "a quoted field must be followed by a comma or the end of the line, not '"
                    + (char) c + "'");
        }
    }

    /** Reads up to a separator (left unread); a quote here is an error, since it would be ambiguous. */
    private int readPlain(StringBuilder field, int start) throws IOException, Malformed {
        int count = 0;
        while (true) {
            int c = peek();
            if (c == -1 || c == ',' || c == '\r' || c == '\n') return count;
            if (c == '"') throw new Malformed(line, "a quote may appear only in a field that is quoted as a whole");
            field.append((char) read());
            if (++count > RECORD_CHARS_MAX) return count;
        }
    }

    /** Reads after an opening quote up to and including the closing one. */
    private int readQuoted(StringBuilder field, int start) throws IOException, Malformed {
        int count = 0;
        while (true) {
            int c = read();
            if (c == -1) throw new Malformed(start, "a quoted field is not closed before the end of the file");
            if (c == '"') {
                if (peek() != '"') return count;
                read();
            }
            if (c == '\n' || (c == '\r' && peek() != '\n')) line++;
            field.append((char) c);
            if (++count > RECORD_CHARS_MAX) return count;
        }
    }

    private int peek() throws IOException {
        if (peeked == -2) peeked = in.read();
        return peeked;
    }

    private int read() throws IOException {
        int c = peek();
        peeked = -2;
        return c;
    }
}
