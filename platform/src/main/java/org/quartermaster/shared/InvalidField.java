package org.quartermaster.shared;

/**
 * A caller's mistake in one named field (a JSON pointer such as {@code /quantity} is derived
 * from the name). Becomes 422 (or 400 where the field is a query parameter).
 */
public class InvalidField extends IllegalArgumentException {
    private final String field;

    public InvalidField(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    /** The field name as the caller spelled it, e.g. {@code quantity} or {@code lines[3].item}. */
    public String field() {
        return field;
    }

    /** What must hold, without the field name. */
    public String detail() {
        return getMessage().substring(field.length() + 1);
    }
}
