package org.quartermaster.parties.model;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.Limits;

/** An organisation sharing the platform. {@code groups} drive releasability (e.g. NATO, EU). */
public record Organisation(
        long key,
        String code,
        String name,
        OrganisationKind kind,
        String country,
        Set<String> groups,
        String ncage,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Organisation {
        Codes.code("code", code);
        name = Checks.text("name", name, Limits.NAME_LENGTH_MAX);
        Checks.required("kind", kind);
        Codes.country("country", country);
        Checks.sizeAtMost("groups", Checks.required("groups", groups), Limits.GROUPS_MAX);
        for (String group : groups) Checks.matches("groups", group, Codes.GROUP, "a group code such as NATO or EU");
        groups = java.util.Collections.unmodifiableSet(new TreeSet<>(groups));
        if (ncage != null && !ncage.isBlank()) {
            Checks.matches("ncage", ncage, Codes.NCAGE, "a 5-character NCAGE code");
        } else {
            ncage = null;
        }
    }
}
