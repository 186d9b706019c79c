package org.quartermaster.logistics;

import java.util.Locale;
import org.quartermaster.shared.InvalidField;

/**
 * What a shipment line fulfils: an offer, a contract, a call-off or a planned allocation, by
 * public id, checked when the line is planned (by the contexts that own them, through the wiring).
 */
public record Fulfilment(Kind kind, String id) {
    /** Longest id a reference may carry. */
    public static final int ID_LENGTH_MAX = 64;

    public enum Kind { OFFER, CONTRACT, CALL_OFF, ALLOCATION }

    public Fulfilment {
        if (kind == null) throw new InvalidField("kind", "is required (OFFER, CONTRACT, CALL_OFF or ALLOCATION)");
        if (id == null || id.isBlank()) throw new InvalidField("id", "is required");
        if (id.length() > ID_LENGTH_MAX) throw new InvalidField("id", "must be at most " + ID_LENGTH_MAX + " characters");
        if (!id.chars().allMatch(c -> c > 32 && c < 127)) throw new InvalidField("id", "must be printable ASCII");
    }

    /** Parses a kind name on {@code field}. */
    public static Kind kind(String field, String text) {
        try {
            return Kind.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, "must be one of OFFER, CONTRACT, CALL_OFF, ALLOCATION");
        }
    }

    @Override
    public String toString() {
        return kind + " " + id;
    }
}
