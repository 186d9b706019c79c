package org.quartermaster.access.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Limits;

/**
 * Who asks: a user (or machine client) of one organisation, the groups that organisation
 * belongs to, and the roles held there. {@link #ANONYMOUS} holds no role and reads only
 * {@code PUBLIC} records.
 */
public record Principal(String user, String organisation, Set<String> groups, Set<Role> roles) {
    /** The organisation code of nobody in particular; it can own nothing and hold no role. */
    public static final String NO_ORGANISATION = Marking.PUBLIC;
    public static final Principal ANONYMOUS = new Principal("anonymous", NO_ORGANISATION, Set.of(), Set.of());

    public Principal {
        user = Checks.text("user", user, Limits.NAME_LENGTH_MAX);
        AccessCodes.code("organisation", organisation);
        Checks.sizeAtMost("groups", Checks.required("groups", groups), Limits.GROUPS_MAX);
        for (String group : groups) AccessCodes.code("groups", group);
        Checks.required("roles", roles);
        if (NO_ORGANISATION.equals(organisation) && !roles.isEmpty()) {
            throw new InvalidField("roles", "must be empty for a principal of no organisation");
        }
        groups = Collections.unmodifiableSet(new TreeSet<>(groups));
        roles = Collections.unmodifiableSet(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }

    public boolean holdsAnyOf(Set<Role> wanted) {
        for (Role r : wanted) if (roles.contains(r)) return true;
        return false;
    }
}
