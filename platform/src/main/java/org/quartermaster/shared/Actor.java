package org.quartermaster.shared;

/**
 * Who acts: a user of an organisation. Until identity and access exist, the server names a
 * fixed system actor; every journal event records the actor either way.
 */
public record Actor(String user, String organisation) {
    public static final Actor SYSTEM = new Actor("system", "QM");

    public Actor {
        Checks.text("actor.user", user, Limits.NAME_LENGTH_MAX);
        Checks.text("actor.organisation", organisation, Limits.NAME_LENGTH_MAX);
    }
}
