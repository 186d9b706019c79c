package org.quartermaster.access;

import org.quartermaster.shared.AccessDenied;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartermaster.access.model.Principal;
import org.quartermaster.access.model.Role;
import org.quartermaster.shared.Refused;
import org.quartermaster.testing.TestDatabases;

class FourEyesTest {
    final AccessFixture f = new AccessFixture(TestDatabases.sqlite());
    final Access access = f.access;

    @AfterEach
    void close() {
        f.close();
    }

    private Principal signIn(AddedUser u) {
        return access.session(f.login(u).token()).orElseThrow().principal();
    }

    private Approval request(Principal requester) {
        return access.requestApproval(new RequestApproval("Need", "N-000042", "narrow releasability to UKR-MOD"),
                requester);
    }

    @Test
    void everyAttemptByOnePersonToCompleteBothStepsFails() {
        // One person, Olena, holds three accounts in her organisation, two of them approvers.
        List<AddedUser> olenas = List.of(
                f.addPerson("olena", "UKR-MOD", "person-olena", Role.COORDINATOR, Role.APPROVER),
                f.addPerson("olena-2", "UKR-MOD", "person-olena", Role.APPROVER),
                f.addPerson("olena-3", "UKR-MOD", "person-olena", Role.REQUESTER));
        List<Principal> accounts = new ArrayList<>();
        for (AddedUser u : olenas) {
            accounts.add(signIn(u));
            f.clock.advance(java.time.Duration.ofSeconds(31)); // a fresh one-time code per login
        }
        int attempts = 0;
        for (Principal requester : accounts) {
            Approval a = request(requester);
            for (Principal decider : accounts) {
                for (Approval.Status decision : List.of(Approval.Status.GRANTED, Approval.Status.REJECTED)) {
                    attempts++;
                    assertThatThrownBy(() -> access.decide(a.id(), decider, decision))
                            .as("%s completing %s's request", decider.user(), requester.user())
                            .isInstanceOfAny(Refused.class, AccessDenied.class);
                }
            }
            assertThat(access.approval(a.id()).status()).isEqualTo(Approval.Status.PENDING);
        }
        assertThat(attempts).isEqualTo(18); // 3 requesting accounts x 3 deciding accounts x 2 decisions
    }

    @Test
    void aDifferentApproverOfTheSameOrganisationCompletesItAndItIsJournalled() {
        Principal olena = signIn(f.addPerson("olena", "UKR-MOD", "person-olena", Role.COORDINATOR));
        Principal taras = signIn(f.addPerson("taras", "UKR-MOD", "person-taras", Role.APPROVER));
        Approval a = request(olena);
        Approval done = access.grant(a.id(), taras);
        assertThat(done.status()).isEqualTo(Approval.Status.GRANTED);
        assertThat(done.decidedBy()).isEqualTo("taras");
        assertThat(f.journal.forEntity(a.id(), 10)).extracting(e -> e.type())
                .containsExactly("ApprovalRequested", "ApprovalDecided");
        assertThatThrownBy(() -> access.reject(a.id(), taras)).isInstanceOf(Refused.class)
                .hasMessageContaining("already GRANTED");
    }

    @Test
    void theSameRequesterCannotApproveEvenHoldingTheApproverRole() {
        Principal olena = signIn(f.addPerson("olena", "UKR-MOD", "person-olena", Role.APPROVER));
        Approval a = request(olena);
        assertThatThrownBy(() -> access.grant(a.id(), olena)).isInstanceOf(Refused.class)
                .hasMessageContaining("own request");
    }

    @Test
    void approversOfAnotherOrganisationAndNonApproversAreDenied() {
        Principal olena = signIn(f.addPerson("olena", "UKR-MOD", "person-olena", Role.COORDINATOR));
        Principal jan = signIn(f.addPerson("jan", "POL-MOD", "person-jan", Role.APPROVER));
        Principal viewer = signIn(f.addPerson("ivan", "UKR-MOD", "person-ivan", Role.VIEWER));
        Approval a = request(olena);
        assertThatThrownBy(() -> access.grant(a.id(), jan)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> access.grant(a.id(), viewer)).isInstanceOf(AccessDenied.class);
        assertThat(access.approval(a.id()).status()).isEqualTo(Approval.Status.PENDING);
    }

    @Test
    void aMachineTokenCanNeitherRequestNorApprove() {
        var t = access.issueApiToken(new IssueApiToken("bot", "UKR-MOD", java.util.Set.of(Role.COORDINATOR), null),
                AccessFixture.OPERATOR);
        Principal bot = access.authenticateToken(t.token()).orElseThrow();
        assertThatThrownBy(() -> request(bot)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void unknownOrMalformedApprovalIdsAreNotFound() {
        Principal taras = signIn(f.addPerson("taras", "UKR-MOD", "person-taras", Role.APPROVER));
        for (String bad : new String[] {"AP-999999", "AP-x", "N-000001", "", null}) {
            assertThatThrownBy(() -> access.grant(bad, taras)).as("%s", bad)
                    .isInstanceOf(org.quartermaster.shared.NotFound.class);
        }
    }
}
