package org.quartermaster.access;

import java.util.EnumSet;
import java.util.Set;
import org.quartermaster.access.model.AccessPolicy;
import org.quartermaster.access.model.Action;
import org.quartermaster.access.model.Principal;
import org.quartermaster.access.model.Role;

/**
 * What a route lets through before its use case runs. The use case still asks the
 * {@link AccessPolicy} about the record itself (its owner and releasability); a route policy
 * only turns away callers who could never pass. Every route must declare one
 * ({@link RoutePolicies#requireAll}).
 */
public sealed interface RoutePolicy {

    /** Whether {@code principal} may call the route at all. */
    boolean admits(Principal principal, AccessPolicy policy);

    /** Anyone, signed in or not (health, open data, the login form). Reads still filter by marking. */
    record Public() implements RoutePolicy {
        @Override
        public boolean admits(Principal principal, AccessPolicy policy) {
            return principal != null;
        }
    }

    /** Any signed-in principal holding at least one role; reads are filtered by marking. */
    record AnyRole() implements RoutePolicy {
        @Override
        public boolean admits(Principal principal, AccessPolicy policy) {
            return principal != null && !principal.roles().isEmpty();
        }
    }

    /** Holders of one of {@code roles} (in their own organisation). */
    record AnyOf(Set<Role> roles) implements RoutePolicy {
        public AnyOf {
            if (roles == null || roles.isEmpty()) throw new IllegalArgumentException("roles must not be empty");
            roles = Set.copyOf(EnumSet.copyOf(roles));
        }

        @Override
        public boolean admits(Principal principal, AccessPolicy policy) {
            return principal != null && principal.holdsAnyOf(roles);
        }
    }

    /**
     * A write decided per record by {@code action}'s rules: the roles of the record's organisation
     * (or of one it is released to). The route admits holders of any role some rule for the
     * action accepts; the use case then calls {@link AccessPolicy#canWrite} on the record.
     */
    record ForAction(Action action) implements RoutePolicy {
        public ForAction {
            if (action == null) throw new IllegalArgumentException("an action is required");
        }

        @Override
        public boolean admits(Principal principal, AccessPolicy policy) {
            return principal != null && principal.holdsAnyOf(policy.rolesFor(action));
        }
    }

    /**
     * A write to the platform's shared records (catalogue, organisations, locations, lanes,
     * plans): decided here, since there is no per-record marking, by asking the policy whether
     * the principal may do {@code action} on a record of the platform organisation.
     */
    record ForPlatformAction(Action action) implements RoutePolicy {
        public ForPlatformAction {
            if (action == null) throw new IllegalArgumentException("an action is required");
        }

        @Override
        public boolean admits(Principal principal, AccessPolicy policy) {
            return principal != null && policy.canWrite(principal,
                    org.quartermaster.access.model.Marking.ownedBy(org.quartermaster.access.model.WriteRule.PLATFORM_ORGANISATION),
                    action);
        }
    }

    static RoutePolicy forPlatformAction(Action action) {
        return new ForPlatformAction(action);
    }

    static RoutePolicy publicRoute() {
        return new Public();
    }

    static RoutePolicy anyRole() {
        return new AnyRole();
    }

    static RoutePolicy anyOf(Role first, Role... more) {
        return new AnyOf(EnumSet.of(first, more));
    }

    static RoutePolicy forAction(Action action) {
        return new ForAction(action);
    }
}
