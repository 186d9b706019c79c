package org.quartermaster.shared;

/**
 * The policy refused a write (or the caller is not signed in). Already written to the security
 * log when thrown; the server answers 403 (401 when {@link #unauthenticated()}).
 */
public final class AccessDenied extends RuntimeException {
    private final boolean unauthenticated;

    public AccessDenied(String message, boolean unauthenticated) {
        super(message);
        this.unauthenticated = unauthenticated;
    }

    public boolean unauthenticated() {
        return unauthenticated;
    }
}
