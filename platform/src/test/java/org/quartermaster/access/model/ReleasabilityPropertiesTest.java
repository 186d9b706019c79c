package org.quartermaster.access.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The policy's read decision against an independent reference: the reference expands a
 * marking into the explicit set of organisations that may read it (owner, listed organisations,
 * every member of a listed group, everyone for PUBLIC) and asks set membership; the policy
 * instead compares the principal's organisation and groups with the listed codes.
 */
class ReleasabilityPropertiesTest {
    static final long SEED = 20261129L;
    /** The issue asks for at least 100,000 random (user, record) cases. */
    static final int CASES = 150_000;

    /** A random world: organisations and their groups. Codes overlap on purpose (an org named like a group). */
    record World(Map<String, Set<String>> groupsOf, List<String> organisations, List<String> groups) {
        static World random(Random r) {
            List<String> groups = List.of("NATO", "EU", "UDCG", "G_7", "GX7", "NORDIC");
            List<String> orgs = new ArrayList<>(List.of("UKR-MOD", "UKR-PA", "POL-MOD", "DEU-BAAINBW", "FRA-DGA",
                    "NSPA", "EUMS", "FUND-EPF", "AUD-ECA", "SUP-1", "SUP-2", "QM", "NORDIC", "USA-DOD"));
            Map<String, Set<String>> groupsOf = new HashMap<>();
            for (String org : orgs) {
                Set<String> gs = new HashSet<>();
                for (String g : groups) if (r.nextInt(3) == 0) gs.add(g);
                groupsOf.put(org, gs);
            }
            return new World(groupsOf, orgs, groups);
        }

        /** Reference: the organisations a marking releases to, expanded explicitly. */
        Set<String> readers(Marking m) {
            if (m.releasableTo().contains(Marking.PUBLIC)) return new HashSet<>(organisations);
            Set<String> out = new HashSet<>();
            out.add(m.owner());
            for (String token : m.releasableTo()) {
                if (groupsOf.containsKey(token)) out.add(token);
                for (Map.Entry<String, Set<String>> e : groupsOf.entrySet()) {
                    if (e.getValue().contains(token)) out.add(e.getKey());
                }
            }
            return out;
        }
    }

    static boolean referenceCanRead(World w, Principal p, Marking m, boolean anonymous) {
        if (m.releasableTo().contains(Marking.PUBLIC)) return true;
        if (anonymous || p.roles().isEmpty()) return false;
        return w.readers(m).contains(p.organisation());
    }

    static Marking randomMarking(Random r, World w) {
        String owner = w.organisations().get(r.nextInt(w.organisations().size()));
        Set<String> rel = new HashSet<>();
        int n = r.nextInt(5) == 0 ? 0 : r.nextInt(4);
        for (int i = 0; i < n; i++) {
            int pick = r.nextInt(10);
            if (pick < 4) rel.add(w.organisations().get(r.nextInt(w.organisations().size())));
            else if (pick < 9) rel.add(w.groups().get(r.nextInt(w.groups().size())));
            else rel.add(Marking.PUBLIC);
        }
        if (r.nextInt(50) == 0) rel.add("UNKNOWN-ORG");
        return new Marking(owner, rel);
    }

    static Principal randomPrincipal(Random r, World w) {
        if (r.nextInt(20) == 0) return Principal.ANONYMOUS;
        String org = w.organisations().get(r.nextInt(w.organisations().size()));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (r.nextInt(15) != 0) roles.add(Role.values()[r.nextInt(Role.values().length)]);
        return new Principal("u" + r.nextInt(1000), org, w.groupsOf().get(org), roles);
    }

    @Test
    void policyAgreesWithTheReferenceOnRandomCases() {
        Random r = new Random(SEED);
        AccessPolicy policy = AccessPolicy.standard();
        int disagreements = 0;
        int allowed = 0;
        String first = null;
        World w = null;
        for (int i = 0; i < CASES; i++) {
            if (i % 1000 == 0) w = World.random(r); // a new world (group memberships) every 1,000 cases
            Principal p = randomPrincipal(r, w);
            Marking m = randomMarking(r, w);
            boolean expected = referenceCanRead(w, p, m, p == Principal.ANONYMOUS);
            boolean actual = policy.canRead(p, m);
            if (actual) allowed++;
            if (expected != actual) {
                disagreements++;
                if (first == null) first = "case " + i + ": " + p + " reading " + m + " expected " + expected;
            }
        }
        assertThat(disagreements).as("seed %d, first: %s", SEED, first).isZero();
        // Both outcomes must be well represented, or the comparison proves little.
        assertThat(allowed).as("seed %d", SEED).isBetween(CASES / 10, CASES * 9 / 10);
    }
}
