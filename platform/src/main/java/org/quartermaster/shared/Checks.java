package org.quartermaster.shared;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Guards for a caller's input. Each throws {@link InvalidField}, an
 * {@link IllegalArgumentException} that names the field, with a message saying what must hold.
 */
public final class Checks {
    private Checks() {}

    public static <T> T required(String field, T value) {
        if (value == null) throw new InvalidField(field, "is required");
        return value;
    }

    public static String text(String field, String value, int maxLength) {
        required(field, value);
        if (value.isBlank()) throw new InvalidField(field, "must not be blank");
        // PostgreSQL cannot store U+0000 in text; refusing it here keeps both databases alike.
        if (value.indexOf('\0') >= 0) throw new InvalidField(field, "must not contain U+0000");
        if (value.length() > maxLength) {
            throw new InvalidField(field, "must be at most " + maxLength + " characters");
        }
        return value.strip();
    }

    public static String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) return null;
        return text(field, value, maxLength);
    }

    public static long positive(String field, long value) {
        if (value <= 0) throw new InvalidField(field, "must be greater than zero");
        return value;
    }

    public static long notNegative(String field, long value) {
        if (value < 0) throw new InvalidField(field, "must not be negative");
        return value;
    }

    public static long atMost(String field, long value, long max) {
        if (value > max) throw new InvalidField(field, "must be at most " + max);
        return value;
    }

    public static String matches(String field, String value, Pattern pattern, String shape) {
        required(field, value);
        if (!pattern.matcher(value).matches()) throw new InvalidField(field, "must look like " + shape);
        return value;
    }

    public static <C extends Collection<?>> C sizeAtMost(String field, C values, int max) {
        required(field, values);
        if (values.size() > max) throw new InvalidField(field, "must have at most " + max + " entries");
        return values;
    }

    /** Entries of a releasability set: organisation or group codes such as UKR, NATO or PUBLIC. */
    public static final Pattern RELEASABILITY_ENTRY = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,39}");

    /**
     * A releasability set: at most {@code max} entries, each an organisation or group code. Entries
     * are stored joined by commas, so anything else (a comma, a blank, a null) is refused here.
     */
    public static java.util.Set<String> releasability(String field, java.util.Set<String> values, int max) {
        sizeAtMost(field, values, max);
        for (String value : values) {
            if (value == null || !RELEASABILITY_ENTRY.matcher(value).matches()) {
                throw new InvalidField(field, "entries must be organisation or group codes such as NATO or UKR");
            }
        }
        return values;
    }
}
