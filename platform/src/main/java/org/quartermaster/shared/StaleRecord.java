package org.quartermaster.shared;

/** An update named a version that is no longer current. Becomes 409. */
public final class StaleRecord extends RuntimeException {
    public StaleRecord(String what, Object id, long expectedVersion) {
        super(what + " " + id + " has changed since version " + expectedVersion + "; reload and retry");
    }
}
