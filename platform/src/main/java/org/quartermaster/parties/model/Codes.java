package org.quartermaster.parties.model;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.InvalidField;

/** Shapes of the codes parties use. */
public final class Codes {
    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");
    public static final String CODE_SHAPE = "2 to 40 capitals, digits or dashes";
    public static final Pattern GROUP = Pattern.compile("[A-Z][A-Z0-9_]{1,15}");
    public static final Pattern NCAGE = Pattern.compile("[A-Z0-9]{5}");
    private static final Set<String> COUNTRIES =
            Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

    private Codes() {}

    public static String code(String field, String value) {
        return Checks.matches(field, value, CODE, CODE_SHAPE);
    }

    /** An ISO 3166-1 alpha-3 country code, e.g. UKR, POL, DEU. */
    public static String country(String field, String value) {
        Checks.required(field, value);
        if (!COUNTRIES.contains(value)) {
            throw new InvalidField(field, "must be an ISO 3166-1 alpha-3 country code (e.g. UKR)");
        }
        return value;
    }
}
