package org.quartermaster.access.model;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Limits;

/**
 * The releasability marking of a record: its owning organisation and the organisations and
 * groups it is released to ({@link #PUBLIC} for everyone). An empty set means nobody but the
 * owner, which is also what a record without a marking gets.
 */
public record Marking(String owner, Set<String> releasableTo) {
    public static final String PUBLIC = "PUBLIC";

    public Marking {
        AccessCodes.code("owner", owner);
        if (PUBLIC.equals(owner)) throw new InvalidField("owner", "must be an organisation, not PUBLIC");
        Checks.sizeAtMost("releasableTo", Checks.required("releasableTo", releasableTo), Limits.GROUPS_MAX);
        for (String code : releasableTo) AccessCodes.code("releasableTo", code);
        releasableTo = Collections.unmodifiableSet(new TreeSet<>(releasableTo));
    }

    /** Owned by {@code owner} and released to nobody else. */
    public static Marking ownedBy(String owner) {
        return new Marking(owner, Set.of());
    }

    /**
     * Reads the column form: a comma-separated list of codes, possibly empty or null. The
     * split is exact (no trimming) so that the policy and {@code ReadFilter}'s SQL see the
     * very same tokens; a token that is no code fails on {@code releasableTo}.
     */
    public static Marking fromColumns(String owner, String releasableColumn) {
        Set<String> codes = new LinkedHashSet<>();
        if (releasableColumn != null) {
            for (String token : releasableColumn.split(",", -1)) if (!token.isEmpty()) codes.add(token);
        }
        return new Marking(owner, codes);
    }

    /** The column form: codes sorted, comma-separated, empty when released to nobody else. */
    public String releasableColumn() {
        return String.join(",", releasableTo);
    }

    public boolean isPublic() {
        return releasableTo.contains(PUBLIC);
    }

    /** True when {@code next} releases to no one this marking does not (a widening or the same). */
    public boolean isWidenedBy(Marking next) {
        return next.owner.equals(owner) && (next.isPublic() || next.releasableTo.containsAll(releasableTo));
    }
}
