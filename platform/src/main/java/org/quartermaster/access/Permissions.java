package org.quartermaster.access;

import java.util.Set;
import org.quartermaster.access.model.AccessPolicy;
import org.quartermaster.access.model.Action;
import org.quartermaster.access.model.Marking;
import org.quartermaster.access.model.Principal;
import org.quartermaster.access.model.Role;
import org.quartermaster.shared.AccessDenied;
import org.quartermaster.shared.Actor;
import org.quartermaster.store.Dialect;

/**
 * The one policy, as the other contexts' facades ask it: may this actor see or change a record
 * owned by {@code owner} and released to {@code releasableTo}? Reads that list records use
 * {@link #readFilter} so that the query itself never returns a row the actor may not see.
 * {@link Actor#SYSTEM} (the command line, the demo loader) passes every check.
 */
public final class Permissions {
    private static final AccessPolicy POLICY = AccessPolicy.standard();

    private Permissions() {}

    public static AccessPolicy policy() {
        return POLICY;
    }

    /** The principal the policy sees for {@code actor} (roles it does not know are dropped). */
    public static Principal principal(Actor actor) {
        if (actor == null) return Principal.ANONYMOUS;
        java.util.EnumSet<Role> roles = java.util.EnumSet.noneOf(Role.class);
        for (String r : actor.roles()) {
            try {
                roles.add(Role.valueOf(r));
            } catch (IllegalArgumentException unknown) {
                // a role this build does not know grants nothing
            }
        }
        if (Principal.NO_ORGANISATION.equals(actor.organisation())) return Principal.ANONYMOUS;
        return new Principal(actor.user(), actor.organisation(), actor.groups(), roles);
    }

    /** May {@code actor} see that a record with this marking exists? */
    public static boolean canRead(Actor actor, String owner, Set<String> releasableTo) {
        if (actor != null && actor.isSystem()) return true;
        return POLICY.canRead(principal(actor), new Marking(owner, releasableTo));
    }

    /** May {@code actor} do {@code action} on a record with this marking? */
    public static boolean canWrite(Actor actor, String owner, Set<String> releasableTo, Action action) {
        if (actor != null && actor.isSystem()) return true;
        return POLICY.canWrite(principal(actor), new Marking(owner, releasableTo), action);
    }

    /**
     * Refuses the write unless the policy allows it. A record the actor may not even see is
     * reported as not found by the caller's own lookup before this; here the record is visible.
     *
     * @throws AccessDenied naming the action (401 when nobody is signed in)
     */
    public static void requireWrite(Actor actor, String owner, Set<String> releasableTo, Action action) {
        if (canWrite(actor, owner, releasableTo, action)) return;
        boolean anonymous = actor == null || actor.roles().isEmpty();
        throw new AccessDenied("not allowed to " + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + " on a record of " + owner, anonymous);
    }

    /**
     * The read decision as a SQL condition over the record's owner and releasability columns
     * (comma-separated codes); bind its parameters with the query. Always true for the system.
     */
    public static ReadFilter.Condition readFilter(Actor actor, Dialect dialect, String ownerColumn,
                                                  String releasableColumn) {
        if (actor != null && actor.isSystem()) return new ReadFilter.Condition("(1 = 1)", java.util.Map.of());
        return ReadFilter.of(principal(actor), dialect, ownerColumn, releasableColumn);
    }
}
