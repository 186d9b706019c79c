package org.quartermaster.parties.model;

import java.time.Instant;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.Limits;

/** A place goods leave from, pass through or are delivered to; optionally held by an organisation. */
public record Location(
        long key,
        String code,
        String name,
        String country,
        LocationKind kind,
        String organisation,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Location {
        Codes.code("code", code);
        name = Checks.text("name", name, Limits.NAME_LENGTH_MAX);
        Codes.country("country", country);
        Checks.required("kind", kind);
        if (organisation != null) Codes.code("organisation", organisation);
    }
}
