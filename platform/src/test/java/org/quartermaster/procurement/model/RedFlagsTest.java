package org.quartermaster.procurement.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quartermaster.procurement.model.RedFlag.Indicator;
import org.quartermaster.procurement.model.RedFlags.ContractFacts;
import org.quartermaster.procurement.model.RedFlags.LotBid;
import org.quartermaster.procurement.model.RedFlags.LotFacts;
import org.quartermaster.procurement.model.RedFlags.Week;

/** Each red-flag indicator with one raising fixture and at least two that must not raise it. */
class RedFlagsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final long DAY = 24L * 3600 * 1000;

    static LotFacts lot(EvaluationMethod method, LotBid... bids) {
        return new LotFacts("PR-000001/lot-1", method, List.of(bids));
    }

    static LotBid bid(String supplier, long price, boolean disqualified, boolean winner) {
        return new LotBid(supplier, price, disqualified, winner);
    }

    /** A clean contract: 1000 x 4000.00 EUR, 20% cap, 10% prepaid, on schedule, ordinary price. */
    static ContractFacts contract() {
        return new ContractFacts("CT-000001", "POL-MOD", "SUP-RHM", "AMMO-155", "EUR", 400_000, 400_000_000, 0,
                List.of(380_000L, 390_000L, 400_000L, 410_000L, 420_000L), 2_000, 40_000_000, 40_000_000,
                List.of(new Week(LocalDate.of(2026, 5, 4), 500), new Week(LocalDate.of(2026, 6, 8), 500)), 500);
    }

    static ContractFacts with(ContractFacts c, long price, List<Long> past, long prepayment, long prepaid, long delivered) {
        return new ContractFacts(c.subject(), c.buyer(), c.supplier(), c.item(), c.currency(), price,
                Math.multiplyExact(price, 1000L), c.signedAtMillis(), past, c.prepaymentCapBasisPoints(), prepayment,
                prepaid, c.schedule(), delivered);
    }

    static ContractFacts split(String subject, String buyer, long value, long signedAt) {
        return new ContractFacts(subject, buyer, "SUP-RHM", "AMMO-155", "EUR", value / 100, value, signedAt, List.of(),
                2_000, 0, 0, List.of(), 0);
    }

    static List<Indicator> lotFlags(LotFacts lot) {
        return RedFlags.ofLot(lot).stream().map(RedFlag::indicator).toList();
    }

    static List<Indicator> contractFlags(ContractFacts c) {
        return RedFlags.ofContract(c, TODAY).stream().map(RedFlag::indicator).toList();
    }

    @Nested
    class SingleBid {
        @Test
        void raisedByOneBid() {
            assertThat(lotFlags(lot(EvaluationMethod.LOWEST_PRICE, bid("A", 100, false, true))))
                    .contains(Indicator.SINGLE_BID);
        }

        @Test
        void notRaisedByTwoBids() {
            assertThat(lotFlags(lot(EvaluationMethod.LOWEST_PRICE, bid("A", 100, false, true), bid("B", 200, false, false))))
                    .doesNotContain(Indicator.SINGLE_BID);
        }

        @Test
        void notRaisedByTwoBidsOneDisqualified() {
            assertThat(lotFlags(lot(EvaluationMethod.WEIGHTED, bid("A", 100, false, true), bid("B", 90, true, false))))
                    .doesNotContain(Indicator.SINGLE_BID);
        }
    }

    @Nested
    class LowestBidDisqualified {
        @Test
        void raisedWhenTheCheapestIsOutUnderPriceOnly() {
            var flags = RedFlags.ofLot(lot(EvaluationMethod.LOWEST_PRICE, bid("A", 90, true, false),
                    bid("B", 100, false, true), bid("C", 120, false, false)));
            assertThat(flags).extracting(RedFlag::indicator).contains(Indicator.LOWEST_BID_DISQUALIFIED);
            assertThat(flags.stream().filter(f -> f.indicator() == Indicator.LOWEST_BID_DISQUALIFIED).findFirst()
                    .orElseThrow().evidence()).contains("90").contains("A").contains("100");
        }

        @Test
        void notRaisedUnderWeightedEvaluation() {
            assertThat(lotFlags(lot(EvaluationMethod.WEIGHTED, bid("A", 90, true, false), bid("B", 100, false, true))))
                    .doesNotContain(Indicator.LOWEST_BID_DISQUALIFIED);
        }

        @Test
        void notRaisedWhenADearerBidIsOut() {
            assertThat(lotFlags(lot(EvaluationMethod.LOWEST_PRICE, bid("A", 90, false, true), bid("B", 100, true, false))))
                    .doesNotContain(Indicator.LOWEST_BID_DISQUALIFIED);
        }
    }

    @Nested
    class AllButWinnerDisqualified {
        @Test
        void raisedWhenOnlyTheWinnerRemains() {
            assertThat(lotFlags(lot(EvaluationMethod.WEIGHTED, bid("A", 100, false, true), bid("B", 90, true, false),
                    bid("C", 95, true, false)))).contains(Indicator.ALL_BUT_WINNER_DISQUALIFIED);
        }

        @Test
        void notRaisedWhenTwoRemain() {
            assertThat(lotFlags(lot(EvaluationMethod.WEIGHTED, bid("A", 100, false, true), bid("B", 90, true, false),
                    bid("C", 95, false, false)))).doesNotContain(Indicator.ALL_BUT_WINNER_DISQUALIFIED);
        }

        @Test
        void notRaisedForASingleBid() {
            assertThat(lotFlags(lot(EvaluationMethod.WEIGHTED, bid("A", 100, false, true))))
                    .doesNotContain(Indicator.ALL_BUT_WINNER_DISQUALIFIED);
        }
    }

    @Nested
    class NarrowWinningMargin {
        @Test
        void raisedWithinOnePercent() {
            // 10000 bp x 99 gap = 990000 <= 100 bp x 10000 price = 1000000
            assertThat(lotFlags(lot(EvaluationMethod.LOWEST_PRICE, bid("A", 10_000, false, true),
                    bid("B", 10_099, false, false)))).contains(Indicator.NARROW_WINNING_MARGIN);
        }

        @Test
        void notRaisedJustOutsideOnePercent() {
            assertThat(lotFlags(lot(EvaluationMethod.LOWEST_PRICE, bid("A", 10_000, false, true),
                    bid("B", 10_101, false, false)))).doesNotContain(Indicator.NARROW_WINNING_MARGIN);
        }

        @Test
        void notRaisedWhenTheCloseBidIsDisqualified() {
            assertThat(lotFlags(lot(EvaluationMethod.LOWEST_PRICE, bid("A", 10_000, false, true),
                    bid("B", 10_001, true, false), bid("C", 12_000, false, false))))
                    .doesNotContain(Indicator.NARROW_WINNING_MARGIN);
        }
    }

    @Nested
    class PriceAboveHistory {
        // past 380000..420000: Q1 390000, Q3 410000, IQR 20000, fence 410000 + 30000 = 440000
        @Test
        void raisedAboveTheFence() {
            assertThat(contractFlags(with(contract(), 440_001, contract().pastUnitPrices(), 0, 0, 500)))
                    .contains(Indicator.PRICE_ABOVE_HISTORY);
        }

        @Test
        void notRaisedAtTheFence() {
            assertThat(contractFlags(with(contract(), 440_000, contract().pastUnitPrices(), 0, 0, 500)))
                    .doesNotContain(Indicator.PRICE_ABOVE_HISTORY);
        }

        @Test
        void notRaisedWithTooShortAHistory() {
            assertThat(contractFlags(with(contract(), 900_000, List.of(100L, 110L, 120L), 0, 0, 500)))
                    .doesNotContain(Indicator.PRICE_ABOVE_HISTORY);
        }

        @Test
        void quartilesInterpolateExactly() {
            // 1,2,3,4: Q1 at position 0.75 = 1.75, Q3 at 2.25 = 3.25 (times four: 7 and 13)
            long[] sorted = {1, 2, 3, 4};
            assertThat(RedFlags.quartileTimesFour(sorted, 1)).isEqualTo(7);
            assertThat(RedFlags.quartileTimesFour(sorted, 3)).isEqualTo(13);
        }
    }

    @Nested
    class PrepaymentOverCap {
        @Test
        void raisedAboveTwentyPercent() {
            assertThat(contractFlags(with(contract(), 400_000, List.of(), 80_000_001, 0, 500)))
                    .contains(Indicator.PREPAYMENT_OVER_CAP);
        }

        @Test
        void notRaisedAtTheCap() {
            assertThat(contractFlags(with(contract(), 400_000, List.of(), 80_000_000, 0, 500)))
                    .doesNotContain(Indicator.PREPAYMENT_OVER_CAP);
        }

        @Test
        void notRaisedWithoutPrepayment() {
            assertThat(contractFlags(with(contract(), 400_000, List.of(), 0, 0, 500)))
                    .doesNotContain(Indicator.PREPAYMENT_OVER_CAP);
        }
    }

    @Nested
    class OverdueAfterPrepayment {
        @Test
        void raisedWhenPrepaidAndBehindSchedule() {
            // 500 due by the week of 4 May; 499 delivered
            assertThat(contractFlags(with(contract(), 400_000, List.of(), 40_000_000, 40_000_000, 499)))
                    .contains(Indicator.OVERDUE_AFTER_PREPAYMENT);
        }

        @Test
        void notRaisedWhenOnSchedule() {
            assertThat(contractFlags(with(contract(), 400_000, List.of(), 40_000_000, 40_000_000, 500)))
                    .doesNotContain(Indicator.OVERDUE_AFTER_PREPAYMENT);
        }

        @Test
        void notRaisedWhenNothingWasPrepaid() {
            assertThat(contractFlags(with(contract(), 400_000, List.of(), 40_000_000, 0, 0)))
                    .doesNotContain(Indicator.OVERDUE_AFTER_PREPAYMENT);
        }
    }

    @Nested
    class SplitUnderThreshold {
        // threshold EUR 443,000.00; band 10%: 398,700.00 to 442,999.99
        @Test
        void raisedForTwoJustUnderWithinTheWindow() {
            var flags = RedFlags.splitUnderThreshold(List.of(split("CT-1", "POL-MOD", 44_000_000, 0),
                    split("CT-2", "POL-MOD", 43_000_000, 30 * DAY)));
            assertThat(flags).extracting(RedFlag::subject).containsExactlyInAnyOrder("CT-1", "CT-2");
            assertThat(flags.get(0).evidence()).contains("together 87000000");
        }

        @Test
        void notRaisedForOneAtOrAboveTheThreshold() {
            assertThat(RedFlags.splitUnderThreshold(List.of(split("CT-1", "POL-MOD", 44_300_000, 0),
                    split("CT-2", "POL-MOD", 43_000_000, 30 * DAY)))).isEmpty();
        }

        @Test
        void notRaisedForDifferentBuyersOrFarApart() {
            assertThat(RedFlags.splitUnderThreshold(List.of(split("CT-1", "POL-MOD", 44_000_000, 0),
                    split("CT-2", "DEU-BAAINBW", 43_000_000, 30 * DAY),
                    split("CT-3", "POL-MOD", 43_000_000, 200 * DAY)))).isEmpty();
        }
    }
}
