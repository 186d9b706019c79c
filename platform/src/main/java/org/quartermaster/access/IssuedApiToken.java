package org.quartermaster.access;

/** A new API token: its id (to revoke it) and the secret, shown this once and never stored. */
public record IssuedApiToken(long id, String token) {
    @Override
    public String toString() {
        return "IssuedApiToken[" + id + ", token=***]";
    }
}
