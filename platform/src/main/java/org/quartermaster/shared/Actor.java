package org.quartermaster.shared;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who acts: a person (or machine client) of one organisation, the groups that organisation
 * belongs to and the roles held there, as the server resolved them from the session or API
 * token. {@link #SYSTEM} is the platform itself (the command line, the demo loader, migrations):
 * it is not subject to releasability and is never built from a request. Every journal event
 * records the actor's user and organisation.
 */
public record Actor(String user, String organisation, Set<String> groups, Set<String> roles, boolean system) {
    public static final Actor SYSTEM = new Actor("system", "QM", Set.of(), Set.of(), true);

    public Actor {
        Checks.text("actor.user", user, Limits.NAME_LENGTH_MAX);
        Checks.text("actor.organisation", organisation, Limits.NAME_LENGTH_MAX);
        groups = Collections.unmodifiableSet(new TreeSet<>(Checks.required("actor.groups", groups)));
        roles = Collections.unmodifiableSet(new TreeSet<>(Checks.required("actor.roles", roles)));
    }

    /** An actor holding no role: it can be named in the journal but may do nothing through the policy. */
    public Actor(String user, String organisation) {
        this(user, organisation, Set.of(), Set.of());
    }

    /** A person or machine client as the server resolved it: never the system. */
    public Actor(String user, String organisation, Set<String> groups, Set<String> roles) {
        this(user, organisation, groups, roles, false);
    }

    /**
     * The platform itself acting under a name of its own (a command-line import, the demo loader):
     * like {@link #SYSTEM} it is not subject to releasability, and the journal records the name.
     * Only the platform's own tools build one; the server never does from a request.
     */
    public static Actor system(String user, String organisation) {
        return new Actor(user, organisation, Set.of(), Set.of(), true);
    }

    /** True for {@link #SYSTEM} and the platform's named tool actors ({@link #system(String, String)}). */
    public boolean isSystem() {
        return system;
    }
}
