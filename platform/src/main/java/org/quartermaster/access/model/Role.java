package org.quartermaster.access.model;

import java.util.EnumSet;
import java.util.Set;

/** What a user may do within their organisation; a user holds one or more. */
public enum Role {
    VIEWER,
    REQUESTER,
    COORDINATOR,
    PROCUREMENT_OFFICER,
    FUND_OFFICER,
    LOGISTICIAN,
    APPROVER,
    AUDITOR,
    ADMIN;

    /** Roles whose holders must log in with a second factor: they move money, approve or manage users. */
    public static final Set<Role> SECOND_FACTOR_REQUIRED = EnumSet.of(APPROVER, FUND_OFFICER, ADMIN);

    /** Parses a comma-separated list such as {@code VIEWER,APPROVER}; unknown names fail on {@code field}. */
    public static Set<Role> parseList(String field, String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (text == null || text.isBlank()) return roles;
        for (String name : text.split(",")) {
            String n = name.strip();
            if (n.isEmpty()) continue;
            try {
                roles.add(Role.valueOf(n));
            } catch (IllegalArgumentException e) {
                throw new org.quartermaster.shared.InvalidField(field, "names an unknown role: " + n);
            }
        }
        return roles;
    }

    /** The column form: names in declaration order, comma-separated. */
    public static String toList(Set<Role> roles) {
        return String.join(",", EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles)
                .stream().map(Role::name).toList());
    }
}
