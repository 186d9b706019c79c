package org.quartermaster.access;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.quartermaster.access.model.AccessPolicy;
import org.quartermaster.access.model.Marking;
import org.quartermaster.access.model.Principal;
import org.quartermaster.store.Dialect;

/**
 * The read decision of {@link AccessPolicy#canRead} as a SQL condition, so that lists, the
 * feed, exports and counts are filtered in the query and never see a row the caller may not.
 * The table keeps the owner's code in one column and the releasability set in another, as a
 * comma-separated list of codes ({@link Marking#releasableColumn()}); every value is bound,
 * never spliced into the SQL.
 */
public final class ReadFilter {
    /** Column names are spliced into SQL, so only plain (optionally qualified) identifiers pass. */
    private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]{0,62}(\\.[a-z_][a-z0-9_]{0,62})?");
    private static final String PREFIX = "acc_";

    private ReadFilter() {}

    /** A condition for a WHERE clause and the parameters it binds, named {@code acc_*}. */
    public record Condition(String sql, Map<String, Object> params) {
        public Condition {
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    /** The condition over the conventional columns {@code owner_org} and {@code releasable_to}. */
    public static Condition of(Principal principal, Dialect dialect) {
        return of(principal, dialect, "owner_org", "releasable_to");
    }

    /**
     * The condition over {@code ownerColumn} and {@code releasableColumn} (e.g. {@code n.requester_code},
     * {@code n.releasable_to}). Rows need a non-null owner; a null releasability means nobody else.
     */
    public static Condition of(Principal principal, Dialect dialect, String ownerColumn, String releasableColumn) {
        if (principal == null) throw new IllegalArgumentException("a principal is required");
        if (dialect == null) throw new IllegalArgumentException("a dialect is required");
        column(ownerColumn);
        column(releasableColumn);
        Map<String, Object> params = new LinkedHashMap<>();
        String listed = "(',' || " + releasableColumn + " || ',')";
        StringBuilder sql = new StringBuilder("(");
        sql.append(contains(dialect, listed, PREFIX + "public"));
        params.put(PREFIX + "public", token(Marking.PUBLIC));
        if (!principal.roles().isEmpty()) {
            sql.append(" OR ").append(ownerColumn).append(" = :").append(PREFIX).append("org");
            params.put(PREFIX + "org", principal.organisation());
            sql.append(" OR ").append(contains(dialect, listed, PREFIX + "t0"));
            params.put(PREFIX + "t0", token(principal.organisation()));
            int i = 1;
            for (String group : principal.groups()) {
                String name = PREFIX + "t" + i++;
                sql.append(" OR ").append(contains(dialect, listed, name));
                params.put(name, token(group));
            }
        }
        return new Condition(sql.append(")").toString(), params);
    }

    private static String contains(Dialect dialect, String haystack, String param) {
        // instr/strpos compare exactly (LIKE would be case-blind in SQLite and treat '_' as a wildcard).
        return switch (dialect) {
            case SQLITE -> "instr(" + haystack + ", :" + param + ") > 0";
            case POSTGRESQL -> "strpos(" + haystack + ", :" + param + ") > 0";
        };
    }

    private static String token(String code) {
        return "," + code + ",";
    }

    private static void column(String name) {
        if (name == null || !COLUMN.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain column name: " + name);
        }
    }
}
