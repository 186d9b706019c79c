package org.quartermaster.catalog.model;

import java.util.regex.Pattern;
import org.quartermaster.shared.Checks;

/** A NATO Stock Number, {@code NNNN-NN-NNN-NNNN}: 13 digits, the first four the supply class. */
public record Nsn(String value) {
    static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{3}-\\d{4}");

    public Nsn {
        Checks.matches("nsn", value, SHAPE, "NNNN-NN-NNN-NNNN (13 digits)");
    }

    public static Nsn ofNullable(String value) {
        return value == null || value.isBlank() ? null : new Nsn(value);
    }
}
