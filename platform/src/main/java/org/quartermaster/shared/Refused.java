package org.quartermaster.shared;

/**
 * An expected business refusal (illegal transition, rule broken) carried to the HTTP edge.
 * Domain code returns sealed outcomes; a facade turns a refusal into this. Becomes 409 or 422.
 */
public final class Refused extends RuntimeException {
    private final String type;
    private final String field;

    public Refused(String type, String field, String message) {
        super(message);
        this.type = type;
        this.field = field;
    }

    /** A short stable slug such as {@code illegal-transition}. */
    public String type() {
        return type;
    }

    /** The field the refusal is about, or null. */
    public String field() {
        return field;
    }
}
