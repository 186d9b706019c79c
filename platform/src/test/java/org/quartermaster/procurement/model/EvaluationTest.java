package org.quartermaster.procurement.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluation rules, and the seal: a bid opens only under its procedure's key, procedure and lot. */
class EvaluationTest {
    static Evaluation.Entry entry(long key, int lot, String supplier, long price, boolean out, int... quality) {
        return new Evaluation.Entry(key, lot, supplier, price, key, out,
                Map.of("quality", java.util.Arrays.stream(quality).boxed().toList()));
    }

    @Test
    void lowestPriceRanksAdmissibleBidsByPrice() {
        var result = Evaluation.evaluate(EvaluationMethod.LOWEST_PRICE, List.of(new Criterion("price", 10_000)),
                List.of(1, 2), List.of(entry(1, 1, "A", 300, false), entry(2, 1, "B", 100, true), entry(3, 1, "C", 200, false)));
        assertThat(result.winners().get(1).supplier()).isEqualTo("C");
        assertThat(result.gaps()).containsExactly(new Evaluation.Gap(2, "no admissible bid"));
    }

    @Test
    void weightedRanksByTotalAndRefusesAnUnscoredCriterion() {
        List<Criterion> criteria = List.of(new Criterion("price", 5_000), new Criterion("quality", 5_000));
        var result = Evaluation.evaluate(EvaluationMethod.WEIGHTED, criteria, List.of(1),
                List.of(entry(1, 1, "A", 100, false, 50), entry(2, 1, "B", 200, false, 100, 100)));
        // A: 100*5000 + 50*5000 = 750000; B: 50*5000 + 100*5000 = 750000 -> tie, lower price first
        assertThat(result.winners().get(1).supplier()).isEqualTo("A");
        assertThat(result.ranked()).extracting(Evaluation.Ranked::score).containsExactly(750_000L, 750_000L);
        var missing = Evaluation.evaluate(EvaluationMethod.WEIGHTED, criteria, List.of(1),
                List.of(entry(1, 1, "A", 100, false)));
        assertThat(missing.gaps().get(0).reason()).contains("quality");
    }

    @Test
    void aSealedBidOpensOnlyWhereItWasSealed() {
        var platform = BidSeal.platformKey(new byte[32]);
        String wrapped = BidSeal.newProcedureKey(platform, "PR-000001");
        var key = BidSeal.procedureKey(platform, wrapped, "PR-000001");
        BidContent content = new BidContent(123_456, 4, "note");
        BidSeal.Sealed sealed = BidSeal.seal(key, "PR-000001", 1, content);
        BidSeal.Opened opened = BidSeal.open(key, "PR-000001", 1, sealed.sealed());
        assertThat(opened.content()).isEqualTo(content);
        assertThat(opened.commitment()).isEqualTo(sealed.commitment());
        assertThat(sealed.sealed()).doesNotContain("123456");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BidSeal.open(key, "PR-000001", 2, sealed.sealed()))
                .isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BidSeal.procedureKey(platform, wrapped, "PR-000002"))
                .isInstanceOf(IllegalStateException.class);
        // the same content sealed twice commits differently (random salt): a price cannot be guessed from the hash
        assertThat(BidSeal.seal(key, "PR-000001", 1, content).commitment()).isNotEqualTo(sealed.commitment());
    }
}
