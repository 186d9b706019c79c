package org.quartermaster.access;

import java.time.Instant;
import java.util.Set;
import org.quartermaster.access.model.Role;
import org.quartermaster.access.model.User;

/** An account as shown to admins: never its password hash or TOTP secret. */
public record UserAccount(String userName, String personId, String organisation, Set<Role> roles, boolean disabled,
                          boolean secondFactor, long version, Instant createdAt, Instant updatedAt) {
    static UserAccount of(User u) {
        return new UserAccount(u.userName(), u.personId(), u.organisation(), u.roles(), u.disabled(),
                u.requiresSecondFactor(), u.version(), u.createdAt(), u.updatedAt());
    }
}
