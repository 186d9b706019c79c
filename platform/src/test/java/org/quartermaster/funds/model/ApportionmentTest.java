package org.quartermaster.funds.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigInteger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quartermaster.shared.InvalidField;

class ApportionmentTest {
    static final int RANDOM_CASES = 5_000;

    @Test
    void sharesOfRandomKeysAndTotalsAddUpExactlyToTheTotal() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < RANDOM_CASES; i++) {
            ContributionKey key = randomKey(random);
            long total = random.nextInt(4) == 0 ? random.nextInt(100) : Math.floorMod(random.nextLong(), 1_000_000_000_000L);
            Map<String, Long> shares = Apportionment.apportion(key, total);
            long sum = shares.values().stream().mapToLong(Long::longValue).sum();
            if (sum != total) fail("seed " + seed + " case " + i + ": shares sum to " + sum + ", not " + total);
            for (ContributionKey.Share s : key.shares()) {
                // largest remainder: each share is the floor of the exact quota or one more
                long floor = BigInteger.valueOf(total).multiply(BigInteger.valueOf(s.basisPoints()))
                        .divide(BigInteger.valueOf(ContributionKey.BASIS_POINTS_TOTAL)).longValueExact();
                long extra = shares.get(s.member()) - floor;
                if (extra < 0 || extra > 1) fail("seed " + seed + " case " + i + ": " + s + " got " + shares.get(s.member()));
            }
        }
    }

    @Test
    void givesTheLeftoverCentsToTheLargestRemaindersThenByMemberCode() {
        // 100 cents by thirds (3334/3333/3333 bp): exact quotas 33.34, 33.33, 33.33 -> floors 33, 33, 33;
        // one cent left goes to the largest remainder (AAA, .34).
        var key = new ContributionKey(List.of(share("CCC", 3333), share("AAA", 3334), share("BBB", 3333)));
        assertThat(Apportionment.apportion(key, 100)).containsEntry("AAA", 34L).containsEntry("BBB", 33L)
                .containsEntry("CCC", 33L);
        // 1 cent by halves: equal remainders, the tie goes to the first member code (AAA).
        var halves = new ContributionKey(List.of(share("BBB", 5000), share("AAA", 5000)));
        assertThat(Apportionment.apportion(halves, 1)).containsEntry("AAA", 1L).containsEntry("BBB", 0L);
    }

    @Test
    void rejectsAKeyThatDoesNotSumToTenThousandBasisPoints() {
        assertThatThrownBy(() -> new ContributionKey(List.of(share("AAA", 5000), share("BBB", 4999))))
                .isInstanceOf(InvalidField.class).hasMessageContaining("10000");
    }

    @Test
    void rejectsAMemberNamedTwice() {
        assertThatThrownBy(() -> new ContributionKey(List.of(share("AAA", 5000), share("AAA", 5000))))
                .isInstanceOf(InvalidField.class).hasMessageContaining("twice");
    }

    static ContributionKey randomKey(Random random) {
        int members = 1 + random.nextInt(30);
        List<ContributionKey.Share> shares = new ArrayList<>();
        int left = ContributionKey.BASIS_POINTS_TOTAL;
        for (int m = 0; m < members; m++) {
            int bp = m == members - 1 ? left : random.nextInt(left + 1);
            left -= bp;
            shares.add(new ContributionKey.Share("M" + m, bp, random.nextBoolean()));
        }
        java.util.Collections.shuffle(shares, random);
        return new ContributionKey(shares);
    }

    private static ContributionKey.Share share(String member, int bp) {
        return new ContributionKey.Share(member, bp, false);
    }
}
