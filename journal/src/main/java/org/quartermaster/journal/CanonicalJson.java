package org.quartermaster.journal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical JSON for event payloads: the RFC 8785 (JCS) rules restricted to what this project
 * uses. Keys sorted by UTF-16 code units, no whitespace, strings escaped minimally (only
 * {@code "}, {@code \}, and control characters; {@code \b \f \n \r \t} in short form, others as
 * <code>&#92;u00xx</code>), numbers are integers within +-(2^53 - 1) (no floating point anywhere in
 * Quartermaster, and beyond 2^53 JCS numbers would lose precision).
 *
 * <p>Values are {@code null}, {@link Boolean}, {@link Long}/{@link Integer}/{@link Short}/
 * {@link Byte}/{@link BigInteger}, {@link String}, {@code Map<String, ?>} and {@link Collection}.
 */
public final class CanonicalJson {

    /** Largest integer JCS represents exactly (Number.MAX_SAFE_INTEGER). */
    public static final long INTEGER_MAX = (1L << 53) - 1;
    /** Nesting deeper than this is refused: payloads are flat records, and recursion is bounded. */
    public static final int DEPTH_MAX = 64;
    /** Longest JSON text accepted by {@link #canonicalize}. */
    public static final int TEXT_CHARS_MAX = JournalEvent.PAYLOAD_BYTES_MAX;

    private CanonicalJson() {
    }

    /** The canonical UTF-8 bytes of {@code value}. */
    public static byte[] write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses JSON text and returns its canonical UTF-8 bytes.
     *
     * @throws IllegalArgumentException if the text is not JSON, has a fraction or exponent,
     *     a duplicate key, a lone surrogate, or exceeds a limit
     */
    public static byte[] canonicalize(String json) {
        return write(parse(json));
    }

    /**
     * Parses JSON text into maps (sorted), lists, strings, longs, booleans and null.
     *
     * @throws IllegalArgumentException as {@link #canonicalize}
     */
    public static Object parse(String json) {
        if (json == null || json.length() > TEXT_CHARS_MAX) {
            throw new IllegalArgumentException("JSON text must be present and at most "
                    + TEXT_CHARS_MAX + " chars");
        }
        Parser parser = new Parser(json);
        parser.skipWhitespace();
        Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.at != json.length()) {
            throw parser.error("must end after the top-level value");
        }
        return value;
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (depth > DEPTH_MAX) {
            throw new IllegalArgumentException("nesting must be at most " + DEPTH_MAX);
        }
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b);
            case Long n -> out.append(checkInteger(n));
            case Integer n -> out.append(n.intValue());
            case Short n -> out.append(n.shortValue());
            case Byte n -> out.append(n.byteValue());
            case BigInteger n -> out.append(checkInteger(n.longValueExact()));
            case String s -> writeString(s, out);
            case Map<?, ?> map -> writeObject(map, out, depth);
            case Collection<?> list -> writeArray(list, out, depth);
            default -> throw new IllegalArgumentException("value must be null, boolean, integer,"
                    + " string, map or collection; got " + value.getClass().getName());
        }
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out, int depth) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object key : map.keySet()) {
            if (!(key instanceof String s)) {
                throw new IllegalArgumentException("object keys must be strings");
            }
            keys.add(s);
        }
        Collections.sort(keys); // String order is UTF-16 code unit order, as RFC 8785 3.2.3 says
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(keys.get(i), out);
            out.append(':');
            write(map.get(keys.get(i)), out, depth + 1);
        }
        out.append('}');
    }

    private static void writeArray(Collection<?> list, StringBuilder out, int depth) {
        out.append('[');
        boolean first = true;
        for (Object element : list) {
            if (!first) {
                out.append(',');
            }
            first = false;
            write(element, out, depth + 1);
        }
        out.append(']');
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        checkSurrogate(s, i);
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void checkSurrogate(String s, int i) {
        char c = s.charAt(i);
        boolean lonelyHigh = Character.isHighSurrogate(c)
                && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1)));
        boolean lonelyLow = Character.isLowSurrogate(c)
                && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
        if (lonelyHigh || lonelyLow) {
            throw new IllegalArgumentException("strings must be well-formed UTF-16 (lone"
                    + " surrogate at " + i + ")");
        }
    }

    private static long checkInteger(long n) {
        if (n > INTEGER_MAX || n < -INTEGER_MAX) {
            throw new IllegalArgumentException("integers must be within +-(2^53 - 1), got " + n);
        }
        return n;
    }

    /** Recursive-descent JSON parser (RFC 8259) without fractions or exponents. */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Object value(int depth) {
            if (depth > DEPTH_MAX) {
                throw error("nesting must be at most " + DEPTH_MAX);
            }
            if (at >= text.length()) {
                throw error("a value must follow");
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object(int depth) {
            Map<String, Object> map = new TreeMap<>();
            at++;
            skipWhitespace();
            if (peek('}')) {
                at++;
                return map;
            }
            while (true) {
                skipWhitespace();
                if (!peek('"')) {
                    throw error("object keys must be strings");
                }
                String key = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                Object value = value(depth + 1);
                if (map.containsKey(key)) {
                    throw error("duplicate key \"" + key + "\"");
                }
                map.put(key, value);
                skipWhitespace();
                if (peek(',')) {
                    at++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array(int depth) {
            List<Object> list = new ArrayList<>();
            at++;
            skipWhitespace();
            if (peek(']')) {
                at++;
                return list;
            }
            while (true) {
                skipWhitespace();
                list.add(value(depth + 1));
                skipWhitespace();
                if (peek(',')) {
                    at++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            at++; // opening quote
            StringBuilder out = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw error("string must be closed");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    break;
                }
                if (c < 0x20) {
                    throw error("control characters in strings must be escaped");
                }
                out.append(c == '\\' ? escape() : c);
            }
            String s = out.toString();
            for (int i = 0; i < s.length(); i++) {
                checkSurrogate(s, i);
            }
            return s;
        }

        private char escape() {
            if (at >= text.length()) {
                throw error("escape must be complete");
            }
            char c = text.charAt(at++);
            return switch (c) {
                case '"' -> '"';
                case '\\' -> '\\';
                case '/' -> '/';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'u' -> unicodeEscape();
                default -> throw error("unknown escape \\" + c);
            };
        }

        private char unicodeEscape() {
            if (at + 4 > text.length()) {
                throw error("\\u must have four hex digits");
            }
            int value = 0;
            for (int i = 0; i < 4; i++) {
                int digit = Character.digit(text.charAt(at++), 16);
                if (digit < 0) {
                    throw error("\\u must have four hex digits");
                }
                value = value * 16 + digit;
            }
            return (char) value;
        }

        private Long number() {
            int start = at;
            if (peek('-')) {
                at++;
            }
            int digitsStart = at;
            while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            int digits = at - digitsStart;
            if (digits == 0) {
                throw error("unexpected character");
            }
            if (digits > 1 && text.charAt(digitsStart) == '0') {
                throw error("numbers must not have leading zeros");
            }
            if (peek('.') || peek('e') || peek('E')) {
                throw error("numbers must be integers (no fraction or exponent)");
            }
            if (digits > 16) {
                throw error("integers must be within +-(2^53 - 1)");
            }
            long n = Long.parseLong(text, start, at, 10);
            if (n > INTEGER_MAX || n < -INTEGER_MAX) {
                throw error("integers must be within +-(2^53 - 1)");
            }
            return n;
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error("unexpected character");
            }
            at += word.length();
            return value;
        }

        void skipWhitespace() {
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                at++;
            }
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("'" + c + "' expected");
            }
            at++;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON must be valid: " + what + " at offset " + at);
        }
    }
}
