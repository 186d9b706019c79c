package org.quartermaster.access.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quartermaster.shared.InvalidField;

class AccessPolicyTest {
    final AccessPolicy policy = AccessPolicy.standard();
    final Principal ukrRequester = new Principal("olena", "UKR-MOD", Set.of("UDCG"), Set.of(Role.REQUESTER));
    final Principal polViewer = new Principal("jan", "POL-MOD", Set.of("NATO", "UDCG"), Set.of(Role.VIEWER));
    final Principal fraViewer = new Principal("marie", "FRA-DGA", Set.of("EU"), Set.of(Role.VIEWER));

    @Test
    void ownerReadsARecordReleasedToNobodyElse() {
        Marking m = Marking.ownedBy("UKR-MOD");
        assertThat(policy.canRead(ukrRequester, m)).isTrue();
        assertThat(policy.canRead(polViewer, m)).isFalse();
    }

    @Test
    void groupMembersReadWhatIsReleasedToTheirGroupAndOthersDoNot() {
        Marking m = new Marking("UKR-MOD", Set.of("NATO"));
        assertThat(policy.canRead(polViewer, m)).isTrue();
        assertThat(policy.canRead(fraViewer, m)).isFalse();
    }

    @Test
    void anOrganisationNamedInTheSetReads() {
        assertThat(policy.canRead(fraViewer, new Marking("UKR-MOD", Set.of("FRA-DGA")))).isTrue();
    }

    @Test
    void publicRecordsAreReadByAnyoneEvenAnonymous() {
        Marking m = new Marking("UKR-MOD", Set.of("PUBLIC"));
        assertThat(policy.canRead(Principal.ANONYMOUS, m)).isTrue();
        assertThat(policy.canRead(Principal.ANONYMOUS, new Marking("UKR-MOD", Set.of("NATO")))).isFalse();
    }

    @Test
    void aPrincipalWithoutRolesReadsOnlyPublicRecords() {
        Principal noRoles = new Principal("x", "UKR-MOD", Set.of(), Set.of());
        assertThat(policy.canRead(noRoles, Marking.ownedBy("UKR-MOD"))).isFalse();
    }

    @Test
    void missingMarkingOrPrincipalIsDenied() {
        assertThat(policy.canRead(ukrRequester, null)).isFalse();
        assertThat(policy.canRead(null, Marking.ownedBy("UKR-MOD"))).isFalse();
        assertThat(policy.canWrite(ukrRequester, null, Action.FILE_NEED)).isFalse();
    }

    @Test
    void requestersFileNeedsOfTheirOwnOrganisationOnly() {
        assertThat(policy.canWrite(ukrRequester, Marking.ownedBy("UKR-MOD"), Action.FILE_NEED)).isTrue();
        assertThat(policy.canWrite(ukrRequester, Marking.ownedBy("POL-MOD"), Action.FILE_NEED)).isFalse();
    }

    @Test
    void viewersWriteNothing() {
        Principal viewer = new Principal("v", "UKR-MOD", Set.of(), Set.of(Role.VIEWER));
        for (Action a : Action.values()) {
            assertThat(policy.canWrite(viewer, new Marking("UKR-MOD", Set.of("PUBLIC")), a)).as(a.name()).isFalse();
        }
    }

    @Test
    void answeringAnOfferNeedsItReleasedByNameOrGroupNotMerelyPublic() {
        Principal polRequester = new Principal("p", "POL-MOD", Set.of("NATO"), Set.of(Role.REQUESTER));
        assertThat(policy.canWrite(polRequester, new Marking("DEU-BAAINBW", Set.of("NATO")), Action.ANSWER_OFFER)).isTrue();
        assertThat(policy.canWrite(polRequester, new Marking("DEU-BAAINBW", Set.of("PUBLIC")), Action.ANSWER_OFFER)).isFalse();
    }

    @Test
    void adminsManageTheirOwnUsersAndPlatformAdminsEveryones() {
        Principal ukrAdmin = new Principal("a", "UKR-MOD", Set.of(), Set.of(Role.ADMIN));
        Principal qmAdmin = new Principal("q", WriteRule.PLATFORM_ORGANISATION, Set.of(), Set.of(Role.ADMIN));
        assertThat(policy.canWrite(ukrAdmin, Marking.ownedBy("UKR-MOD"), Action.MANAGE_USERS)).isTrue();
        assertThat(policy.canWrite(ukrAdmin, Marking.ownedBy("POL-MOD"), Action.MANAGE_USERS)).isFalse();
        assertThat(policy.canWrite(qmAdmin, Marking.ownedBy("POL-MOD"), Action.MANAGE_USERS)).isTrue();
    }

    @Test
    void anActionWithoutARuleIsDenied() {
        AccessPolicy empty = new AccessPolicy(List.of());
        Principal all = new Principal("root", "UKR-MOD", Set.of(), EnumSet.allOf(Role.class));
        assertThat(empty.canWrite(all, Marking.ownedBy("UKR-MOD"), Action.FILE_NEED)).isFalse();
        assertThat(empty.rolesFor(Action.FILE_NEED)).isEmpty();
    }

    @Test
    void everyActionHasAtLeastOneRule() {
        for (Action a : Action.values()) assertThat(policy.rolesFor(a)).as(a.name()).isNotEmpty();
    }

    @Test
    void theRuleAllowingAWriteIsNamed() {
        assertThat(policy.ruleAllowing(ukrRequester, Marking.ownedBy("UKR-MOD"), Action.FILE_NEED))
                .map(WriteRule::name).contains("requesters file their organisation's needs");
    }

    @Test
    void markingsRejectBadCodesAndPublicOwners() {
        assertThatThrownBy(() -> new Marking("PUBLIC", Set.of())).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> new Marking("UKR-MOD", Set.of("a,b"))).isInstanceOf(InvalidField.class)
                .hasMessageContaining("releasableTo");
        assertThatThrownBy(() -> Marking.fromColumns("UKR-MOD", "NATO, EU")).isInstanceOf(InvalidField.class);
    }

    @Test
    void markingColumnFormRoundTrips() {
        Marking m = Marking.fromColumns("UKR-MOD", "NATO,EU,,FRA-DGA");
        assertThat(m.releasableTo()).containsExactlyInAnyOrder("NATO", "EU", "FRA-DGA");
        assertThat(Marking.fromColumns("UKR-MOD", m.releasableColumn())).isEqualTo(m);
        assertThat(Marking.fromColumns("UKR-MOD", null).releasableTo()).isEmpty();
    }

    @Test
    void wideningKeepsEveryoneWhoCouldReadAndNarrowingDoesNot() {
        Marking m = new Marking("UKR-MOD", Set.of("NATO"));
        assertThat(m.isWidenedBy(new Marking("UKR-MOD", Set.of("NATO", "EU")))).isTrue();
        assertThat(m.isWidenedBy(Marking.ownedBy("UKR-MOD"))).isFalse();
    }

    @Test
    void anonymousCannotHoldRoles() {
        assertThatThrownBy(() -> new Principal("x", Principal.NO_ORGANISATION, Set.of(), Set.of(Role.VIEWER)))
                .isInstanceOf(InvalidField.class).hasMessageContaining("roles");
    }
}
