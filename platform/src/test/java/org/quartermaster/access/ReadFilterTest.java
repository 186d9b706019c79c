package org.quartermaster.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartermaster.access.model.AccessPolicy;
import org.quartermaster.access.model.Marking;
import org.quartermaster.access.model.Principal;
import org.quartermaster.access.model.Role;
import org.quartermaster.shared.Actor;
import org.quartermaster.store.Database;
import org.quartermaster.testing.TestDatabases;

/**
 * The SQL filter against the policy: random marked rows go into a real table on SQLite and on
 * PostgreSQL, and for random principals the rows (and the count) the filtered query returns
 * must be exactly those the policy lets them read.
 */
class ReadFilterTest {
    static final long SEED = 4242L;
    static final int ROWS = 1_500;
    static final int PRINCIPALS = 80;
    /** Codes chosen to trip naive SQL: '_' is a LIKE wildcard (G_7 vs GX7), prefixes (EU vs EUMS), case. */
    static final List<String> ORGS = List.of("UKR-MOD", "POL-MOD", "EUMS", "NSPA", "GX7", "SUP-1", "SUP-10", "QM");
    static final List<String> GROUPS = List.of("EU", "NATO", "G_7", "UDCG", "NORDIC");

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theFilteredQueryReturnsExactlyTheRowsThePolicyLetsEachPrincipalRead(TestDatabases.Kind kind) {
        Random r = new Random(SEED);
        AccessPolicy policy = AccessPolicy.standard();
        try (Database db = TestDatabases.open(kind)) {
            List<Marking> markings = insertRows(db, r);
            for (int i = 0; i < PRINCIPALS; i++) {
                Principal p = randomPrincipal(r);
                ReadFilter.Condition c = ReadFilter.of(p, db.dialect());
                List<Long> rows = db.read(h -> h.createQuery(
                                "SELECT id FROM access_probe WHERE " + c.sql() + " ORDER BY id")
                        .bindMap(c.params()).mapTo(Long.class).list());
                Set<Long> returned = new TreeSet<Long>(rows);
                long counted = db.read(h -> h.createQuery("SELECT COUNT(*) FROM access_probe WHERE " + c.sql())
                        .bindMap(c.params()).mapTo(Long.class).one());
                Set<Long> expected = new TreeSet<>();
                for (int id = 0; id < markings.size(); id++) {
                    if (policy.canRead(p, markings.get(id))) expected.add((long) id);
                }
                assertThat(returned).as("seed %d, %s, principal %s", SEED, kind, p).isEqualTo(expected);
                assertThat(counted).as("seed %d, %s, count for %s", SEED, kind, p).isEqualTo(expected.size());
            }
        }
    }

    private static List<Marking> insertRows(Database db, Random r) {
        List<Marking> markings = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) markings.add(randomMarking(r));
        db.write(Actor.SYSTEM, tx -> {
            tx.handle().execute("CREATE TABLE access_probe (id BIGINT PRIMARY KEY, owner_org TEXT NOT NULL, "
                    + "releasable_to TEXT)");
            var batch = tx.handle().prepareBatch(
                    "INSERT INTO access_probe (id, owner_org, releasable_to) VALUES (:id, :o, :r)");
            for (int id = 0; id < markings.size(); id++) {
                Marking m = markings.get(id);
                // One row in 20 keeps a NULL set: a missing marking means nobody else.
                String column = m.releasableTo().isEmpty() && id % 20 == 0 ? null : m.releasableColumn();
                batch.bind("id", (long) id).bind("o", m.owner()).bindByType("r", column, String.class).add();
            }
            batch.execute();
            return null;
        });
        return markings;
    }

    private static Marking randomMarking(Random r) {
        Set<String> rel = new HashSet<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            int pick = r.nextInt(12);
            if (pick < 5) rel.add(ORGS.get(r.nextInt(ORGS.size())));
            else if (pick < 11) rel.add(GROUPS.get(r.nextInt(GROUPS.size())));
            else rel.add(Marking.PUBLIC);
        }
        return new Marking(ORGS.get(r.nextInt(ORGS.size())), rel);
    }

    private static Principal randomPrincipal(Random r) {
        if (r.nextInt(10) == 0) return Principal.ANONYMOUS;
        String org = ORGS.get(r.nextInt(ORGS.size()));
        Set<String> groups = new HashSet<>();
        for (String g : GROUPS) if (r.nextInt(3) == 0) groups.add(g);
        Set<Role> roles = r.nextInt(10) == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(Role.VIEWER);
        return new Principal("u", org, groups, roles);
    }

    @org.junit.jupiter.api.Test
    void columnNamesMustBePlainIdentifiers() {
        Principal p = new Principal("u", "UKR-MOD", Set.of(), Set.of(Role.VIEWER));
        assertThat(ReadFilter.of(p, org.quartermaster.store.Dialect.SQLITE, "n.requester_code", "n.releasable_to").sql())
                .contains("n.requester_code = :acc_org");
        assertThatThrownBy(() -> ReadFilter.of(p, org.quartermaster.store.Dialect.SQLITE, "1=1 OR owner", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        Map<String, Object> params = new HashMap<>(ReadFilter.of(p, org.quartermaster.store.Dialect.POSTGRESQL).params());
        assertThat(params).containsEntry("acc_org", "UKR-MOD").containsEntry("acc_public", ",PUBLIC,");
    }
}
