package org.quartermaster.access.model;

/**
 * Encodes untrusted text for a log line so it can neither forge a new line nor hide itself:
 * backslash and quote are escaped, CR, LF and tab spelled out, every other control, format
 * (e.g. bidirectional overrides) and line/paragraph separator character written as
 * {@code \\uXXXX}, and the result cut to a bound so one field cannot flood the log.
 */
public final class LogEncoding {
    public static final int FIELD_LENGTH_MAX = 300;

    private LogEncoding() {}

    public static String encode(String text) {
        if (text == null) return "-";
        StringBuilder out = new StringBuilder(Math.min(text.length(), FIELD_LENGTH_MAX) + 8);
        int i = 0;
        for (; i < text.length() && out.length() < FIELD_LENGTH_MAX; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (i < text.length()) out.append("...");
        return out.toString();
    }

    private static boolean needsEscape(char c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED;
    }
}
