package org.quartermaster.capacity.model;

import java.util.regex.Pattern;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.InvalidField;

/**
 * What a reservation is for: a contract or a call-off, by its public id. Procurement does not
 * exist yet, so the id is checked in shape only (upper-case letters, digits, '-', '.', '/').
 */
public record Reference(Kind kind, String id) {
    public enum Kind { CONTRACT, CALL_OFF }

    public static final Pattern ID = Pattern.compile("[A-Z0-9][A-Z0-9./-]{0,59}");

    public Reference {
        Checks.required("referenceKind", kind);
        Checks.matches("referenceId", id, ID, "an upper-case public id such as C-000042 (at most 60 characters)");
    }

    /** Parses the kind's name; anything else fails on {@code referenceKind}. */
    public static Kind kind(String name) {
        Checks.required("referenceKind", name);
        try {
            return Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("referenceKind", "must be one of CONTRACT, CALL_OFF");
        }
    }
}
