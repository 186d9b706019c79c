package org.quartermaster.access.model;

import java.util.EnumSet;
import java.util.Set;
import org.quartermaster.shared.Checks;

/**
 * One named permission: holders of any of {@code roles} may perform {@code action} on a record
 * whose marking stands in {@code scope} to them.
 */
public record WriteRule(String name, Action action, Set<Role> roles, Scope scope) {

    /** How the writer's organisation must stand to the record. */
    public enum Scope {
        /** The writer's organisation owns the record. */
        OWN_ORGANISATION,
        /** The record is owned by the writer's organisation or released to it by name or group (PUBLIC is not enough). */
        RELEASED_TO_WRITER,
        /** The writer belongs to the platform's operating organisation, whatever owns the record. */
        PLATFORM
    }

    /** Code of the organisation that operates the platform (the system actor's organisation). */
    public static final String PLATFORM_ORGANISATION = "QM";

    public WriteRule {
        Checks.text("name", name, 200);
        Checks.required("action", action);
        Checks.required("roles", roles);
        if (roles.isEmpty()) throw new IllegalArgumentException("a write rule needs at least one role");
        roles = Set.copyOf(EnumSet.copyOf(roles));
        Checks.required("scope", scope);
    }
}
