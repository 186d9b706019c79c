package org.quartermaster.funds.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quartermaster.funds.model.FundRules.Refusal;

/** The lethal check as a rule: every case passes or fails with the field it names. */
class LethalRuleTest {
    @Test
    void aLethalItemIsPaidOnlyFromTheLethalEnvelope() {
        assertThat(FundRules.lethalPaidFrom("AMMO-155-HE", true, Envelope.LETHAL, null, null)).isEmpty();
        Optional<Refusal> r = FundRules.lethalPaidFrom("AMMO-155-HE", true, Envelope.NON_LETHAL, null, null);
        assertThat(r).get().extracting(Refusal::field, Refusal::type).containsExactly("measure", "lethal-item");
    }

    @Test
    void aNonLethalItemOrNoItemMayBePaidFromEitherEnvelope() {
        for (Envelope e : Envelope.values()) {
            assertThat(FundRules.lethalPaidFrom("MED-IFAK", false, e, null, null)).as(e.name()).isEmpty();
            assertThat(FundRules.lethalPaidFrom(null, false, e, null, null)).as(e.name()).isEmpty();
        }
    }

    @Test
    void anAbstainingMembersContributionNeverPaysForLethalItemsOrLethalMeasures() {
        assertThat(FundRules.lethalPaidFrom("AMMO-155-HE", true, Envelope.LETHAL, "AUT", true)).get()
                .extracting(Refusal::field, Refusal::type).containsExactly("contributor", "constructive-abstention");
        assertThat(FundRules.lethalPaidFrom("MED-IFAK", false, Envelope.LETHAL, "AUT", true)).get()
                .extracting(Refusal::field).isEqualTo("contributor");
        assertThat(FundRules.lethalPaidFrom("MED-IFAK", false, Envelope.NON_LETHAL, "AUT", true)).isEmpty();
        assertThat(FundRules.lethalPaidFrom("AMMO-155-HE", true, Envelope.LETHAL, "DEU", false)).isEmpty();
    }

    @Test
    void aPaymentAboveTheThresholdNeedsApprovalAndOneAtItDoesNot() {
        assertThat(FundRules.needsApproval(1_000_000, 1_000_000)).isFalse();
        assertThat(FundRules.needsApproval(1_000_001, 1_000_000)).isTrue();
        assertThat(FundRules.needsApproval(1, 0)).isTrue();
    }
}
