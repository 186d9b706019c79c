package org.quartermaster.access.model;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.InvalidField;

/**
 * An account: one organisation, its roles there, an Argon2id password hash, a TOTP secret when a
 * role needs a second factor, and the person who holds it. Several accounts of one human share
 * a {@code personId}; four-eyes compares persons, not accounts.
 */
public record User(long key, String userName, String personId, String organisation, Set<Role> roles,
                   String passwordHash, String totpSecret, long totpLastStep, boolean disabled, long version,
                   Instant createdAt, Instant updatedAt) {
    public static final Pattern USER_NAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");
    public static final String USER_NAME_SHAPE = "3 to 64 lower-case letters, digits, dots, dashes, underscores or @";
    public static final Pattern PERSON_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    public static final int ROLES_MAX = Role.values().length;

    public User {
        Checks.matches("userName", userName, USER_NAME, USER_NAME_SHAPE);
        Checks.matches("personId", personId, PERSON_ID, "1 to 64 letters, digits, dots, dashes, underscores or @");
        AccessCodes.code("organisation", organisation);
        if (Marking.PUBLIC.equals(organisation)) throw new InvalidField("organisation", "must be a real organisation");
        Checks.required("roles", roles);
        if (roles.isEmpty()) throw new InvalidField("roles", "must name at least one role");
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
        Checks.required("passwordHash", passwordHash);
        if (needsSecondFactor(roles) && (totpSecret == null || totpSecret.isBlank())) {
            throw new IllegalStateException("an account with roles " + roles + " must have a TOTP secret");
        }
    }

    /** True when a role of this account needs a second factor at login. */
    public boolean requiresSecondFactor() {
        return needsSecondFactor(roles);
    }

    private static boolean needsSecondFactor(Set<Role> roles) {
        for (Role r : roles) if (Role.SECOND_FACTOR_REQUIRED.contains(r)) return true;
        return false;
    }

    public Principal principal(Set<String> organisationGroups) {
        return new Principal(userName, organisation, organisationGroups, roles);
    }
}
