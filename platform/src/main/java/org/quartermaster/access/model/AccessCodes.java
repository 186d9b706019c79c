package org.quartermaster.access.model;

import java.util.regex.Pattern;
import org.quartermaster.shared.Checks;

/**
 * The one shape of the codes releasability compares: organisation codes (e.g. {@code UKR-MOD})
 * and group codes (e.g. {@code NATO}, {@code UDCG}). Neither may contain a comma, which is what
 * lets a marking live in one comma-separated column.
 */
public final class AccessCodes {
    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,39}");
    public static final String SHAPE = "2 to 40 capitals, digits, dashes or underscores";

    private AccessCodes() {}

    public static String code(String field, String value) {
        return Checks.matches(field, value, CODE, SHAPE);
    }
}
