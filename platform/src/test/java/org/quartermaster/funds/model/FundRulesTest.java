package org.quartermaster.funds.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quartermaster.shared.InvalidField;

class FundRulesTest {

    @Test
    void reimbursesTheRateOfTheValuationRoundedHalfEven() {
        // 12345 * 0.5 = 6172.5 -> 6172 (half to even); 12347 * 0.5 = 6173.5 -> 6174
        assertThat(FundRules.reimbursement(12_345, 5_000)).isEqualTo(6_172);
        assertThat(FundRules.reimbursement(12_347, 5_000)).isEqualTo(6_174);
        assertThat(FundRules.reimbursement(Long.MAX_VALUE / 10, 10_000)).isEqualTo(Long.MAX_VALUE / 10);
    }

    @Test
    void commitmentsUpToTheCeilingPassAndAboveItAreRefused() {
        assertThat(FundRules.withinCeiling(1_000, 600, 400)).isEmpty();
        assertThat(FundRules.withinCeiling(1_000, 600, 401)).map(FundRules.Refusal::type).contains("ceiling-exceeded");
    }

    @Test
    void onlyADeliveredDonationIsReimbursed() {
        assertThat(FundRules.delivered("DELIVERED")).isEmpty();
        assertThat(FundRules.delivered("SHIPPED")).map(FundRules.Refusal::type).contains("not-delivered");
        assertThat(FundRules.donation("DONATION")).isEmpty();
        assertThat(FundRules.donation("SALE")).map(FundRules.Refusal::type).contains("not-a-donation");
    }

    @Test
    void anOfferFundedOnceCannotBeFundedAgain() {
        assertThat(FundRules.notFundedYet("O-000001", Optional.empty())).isEmpty();
        assertThat(FundRules.notFundedYet("O-000001", Optional.of("BILATERAL")))
                .map(FundRules.Refusal::type).contains("double-funding");
    }

    @Test
    void prepaymentsAboveTheCapNeedAGuarantee() {
        // contract 10,000.00: cap 30% = 3,000.00
        var within = new FundRules.Payment(300_000, true, 1_000_000, 0, 0, 0);
        var above = new FundRules.Payment(300_001, true, 1_000_000, 0, 0, 0);
        var guaranteed = new FundRules.Payment(300_001, true, 1_000_000, 300_001, 0, 0);
        assertThat(FundRules.prepaymentCovered(within)).isEmpty();
        assertThat(FundRules.prepaymentCovered(above)).map(FundRules.Refusal::type).contains("prepayment-cap");
        assertThat(FundRules.prepaymentCovered(guaranteed)).isEmpty();
    }

    @Test
    void paymentsNeverExceedTheContractValue() {
        assertThat(FundRules.withinContractValue(new FundRules.Payment(400, false, 1_000, 0, 600, 0))).isEmpty();
        assertThat(FundRules.withinContractValue(new FundRules.Payment(401, false, 1_000, 0, 600, 0)))
                .map(FundRules.Refusal::type).contains("contract-value-exceeded");
    }

    @Test
    void abstainingMembersPayOnlyIntoTheNonLethalEnvelope() {
        assertThat(Envelope.forMember(Envelope.LETHAL, true)).isEqualTo(Envelope.NON_LETHAL);
        assertThat(Envelope.forMember(Envelope.LETHAL, false)).isEqualTo(Envelope.LETHAL);
    }

    @Test
    void convertsWithMinorDigitsOfBothCurrenciesHalfEven() {
        var eurUsd = new ExchangeRate("EUR", "USD", LocalDate.of(2026, 11, 27), new BigDecimal("1.0842"));
        // 100.05 EUR * 1.0842 = 108.47421 USD -> 10847 cents
        assertThat(eurUsd.convert(10_005)).isEqualTo(10_847);
        var eurJpy = new ExchangeRate("EUR", "JPY", LocalDate.of(2026, 11, 27), new BigDecimal("162.5"));
        // 1.01 EUR * 162.5 = 164.125 JPY, 0 minor digits -> 164
        assertThat(eurJpy.convert(101)).isEqualTo(164);
        // 0.05 EUR * 10 = 0.5 JPY -> half-even 0; 0.15 EUR * 10 = 1.5 -> 2
        var ten = new ExchangeRate("EUR", "JPY", LocalDate.of(2026, 11, 27), new BigDecimal("10"));
        assertThat(ten.convert(5)).isZero();
        assertThat(ten.convert(15)).isEqualTo(2);
    }

    @Test
    void rejectsARateWithAnExponentOrSign() {
        assertThatThrownBy(() -> ExchangeRate.parseRate("rate", "1e3")).isInstanceOf(InvalidField.class);
        assertThatThrownBy(() -> ExchangeRate.parseRate("rate", "-1.2")).isInstanceOf(InvalidField.class);
    }
}
