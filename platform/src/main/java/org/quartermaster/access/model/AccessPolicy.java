package org.quartermaster.access.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one access policy of the platform: it decides every read and every write, deny by
 * default. {@code ReadFilter} states the same read decision in SQL; a randomised test holds
 * the two (and an independent reference) to the same answers.
 */
public final class AccessPolicy {
    private final List<WriteRule> rules;

    public AccessPolicy(List<WriteRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The platform's policy, with every rule of {@link WriteRules#all()}. */
    public static AccessPolicy standard() {
        return new AccessPolicy(WriteRules.all());
    }

    /**
     * May {@code principal} see that a record with {@code marking} exists? PUBLIC records: anyone.
     * Otherwise only a principal holding a role, whose organisation owns the record, or is
     * listed, or belongs to a listed group. A null principal or marking: no.
     */
    public boolean canRead(Principal principal, Marking marking) {
        if (principal == null || marking == null) return false;
        if (marking.isPublic()) return true;
        return releasedExplicitly(principal, marking);
    }

    /** Owned by, or released by name or group to, a principal holding a role (PUBLIC aside). */
    private static boolean releasedExplicitly(Principal principal, Marking marking) {
        if (principal.roles().isEmpty()) return false;
        if (principal.organisation().equals(marking.owner())) return true;
        Set<String> released = marking.releasableTo();
        if (released.contains(principal.organisation())) return true;
        for (String group : principal.groups()) if (released.contains(group)) return true;
        return false;
    }

    /** May {@code principal} perform {@code action} on a record with {@code marking}? */
    public boolean canWrite(Principal principal, Marking marking, Action action) {
        return ruleAllowing(principal, marking, action).isPresent();
    }

    /** The first rule that allows the write, to name it in the security log; empty means denied. */
    public Optional<WriteRule> ruleAllowing(Principal principal, Marking marking, Action action) {
        if (principal == null || marking == null || action == null) return Optional.empty();
        for (WriteRule rule : rules) {
            if (rule.action() == action && principal.holdsAnyOf(rule.roles()) && inScope(rule, principal, marking)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** The roles some rule accepts for {@code action}: what a route declaring the action lets in. */
    public Set<Role> rolesFor(Action action) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (WriteRule rule : rules) if (rule.action() == action) roles.addAll(rule.roles());
        return roles;
    }

    private boolean inScope(WriteRule rule, Principal principal, Marking marking) {
        return switch (rule.scope()) {
            case OWN_ORGANISATION -> principal.organisation().equals(marking.owner());
            // PUBLIC lets everyone read, not everyone act: the writer must be named or grouped.
            case RELEASED_TO_WRITER -> releasedExplicitly(principal, marking);
            case PLATFORM -> WriteRule.PLATFORM_ORGANISATION.equals(principal.organisation());
        };
    }
}
