package org.quartermaster.shared;

/**
 * Public ids: a short prefix per kind and the row key, e.g. {@code N-000042} for need 42. The
 * id is stable for the life of the record and follows it through pledges, shipments and claims.
 */
public final class PublicIds {
    private PublicIds() {}

    public static String format(String prefix, long key) {
        return prefix + "-" + String.format("%06d", key);
    }

    /** Parses {@code prefix-digits}; anything else is an unknown id (404), never a 500. */
    public static long parse(String prefix, String text, String what) {
        if (text == null || !text.startsWith(prefix + "-") || text.length() > prefix.length() + 20) {
            throw new NotFound(what, text);
        }
        String digits = text.substring(prefix.length() + 1);
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) throw new NotFound(what, text);
        try {
            long key = Long.parseLong(digits);
            if (key <= 0) throw new NotFound(what, text);
            return key;
        } catch (NumberFormatException e) {
            throw new NotFound(what, text);
        }
    }
}
