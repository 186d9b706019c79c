package org.quartermaster.access;

import java.util.Set;
import org.quartermaster.access.model.Role;

/**
 * Add an account. {@code personId} names the human who holds it (accounts of one person share
 * it); null makes the account its own person, named by the user name.
 */
public record AddUser(String userName, String organisation, Set<Role> roles, String personId, String password) {
    @Override
    public String toString() {
        return "AddUser[" + userName + ", " + organisation + ", " + roles + ", " + personId + ", password=***]";
    }
}
