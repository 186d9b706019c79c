package org.quartermaster.access.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ReleasabilityChangeTest {
    final AccessPolicy policy = AccessPolicy.standard();
    final Principal coordinator = new Principal("olena", "UKR-MOD", Set.of("UDCG"), Set.of(Role.COORDINATOR));
    final Marking nato = new Marking("UKR-MOD", Set.of("NATO"));

    @Test
    void releasingToNewReadersNeedsASecondPerson() {
        assertThat(ReleasabilityChange.decide(policy, coordinator, nato, new Marking("UKR-MOD", Set.of("NATO", "EU"))))
                .isEqualTo(new ReleasabilityChange.Outcome.ApprovalRequired(Set.of("EU")));
        assertThat(ReleasabilityChange.decide(policy, coordinator, nato, new Marking("UKR-MOD", Set.of("PUBLIC"))))
                .isEqualTo(new ReleasabilityChange.Outcome.ApprovalRequired(Set.of("PUBLIC")));
    }

    @Test
    void takingReadersAwayIsAllowedAtOnce() {
        assertThat(ReleasabilityChange.decide(policy, coordinator, nato, Marking.ownedBy("UKR-MOD")))
                .isInstanceOf(ReleasabilityChange.Outcome.Allowed.class);
        assertThat(ReleasabilityChange.decide(policy, coordinator, new Marking("UKR-MOD", Set.of("PUBLIC")), nato))
                .isInstanceOf(ReleasabilityChange.Outcome.Allowed.class);
        assertThat(ReleasabilityChange.decide(policy, coordinator, nato, nato))
                .isInstanceOf(ReleasabilityChange.Outcome.Unchanged.class);
    }

    @Test
    void othersAndOwnerChangesAreDenied() {
        Principal viewer = new Principal("ivan", "UKR-MOD", Set.of(), Set.of(Role.VIEWER));
        Principal foreign = new Principal("jan", "POL-MOD", Set.of("NATO"), Set.of(Role.COORDINATOR));
        assertThat(ReleasabilityChange.decide(policy, viewer, nato, Marking.ownedBy("UKR-MOD")))
                .isInstanceOf(ReleasabilityChange.Outcome.Denied.class);
        assertThat(ReleasabilityChange.decide(policy, foreign, nato, Marking.ownedBy("UKR-MOD")))
                .isInstanceOf(ReleasabilityChange.Outcome.Denied.class);
        assertThat(ReleasabilityChange.decide(policy, coordinator, nato, new Marking("POL-MOD", Set.of("NATO"))))
                .isInstanceOf(ReleasabilityChange.Outcome.Denied.class);
    }
}
