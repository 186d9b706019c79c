package org.quartermaster.shared;

/** A record the caller named does not exist (or is not visible to them). Becomes 404. */
public final class NotFound extends RuntimeException {
    public NotFound(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
