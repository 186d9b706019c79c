package org.quartermaster.procurement.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.procurement.model.RedFlag.Indicator;

/**
 * The red-flag indicators as pure functions over facts: one method per indicator, each returning
 * the flags it raises with their evidence. Integers only; every threshold is a named constant.
 */
public final class RedFlags {
    /** A winner within 1% of the runner-up looks arranged. */
    public static final int NARROW_MARGIN_BASIS_POINTS = 100;
    /** Fewer past prices than this say nothing about an outlier. */
    public static final int PRICE_HISTORY_MIN = 4;
    /** EU defence and security supply threshold 2024-2025 (Directive 2009/81/EC): EUR 443,000. */
    public static final long SPLIT_THRESHOLD_EUR_MINOR = 443_000_00L;
    /** "Just under": within 10% below the threshold. */
    public static final int SPLIT_BAND_BASIS_POINTS = 1_000;
    /** Contracts for the same thing, buyer and supplier signed this close together form one purchase. */
    public static final long SPLIT_WINDOW_MILLIS = 90L * 24 * 3600 * 1000;

    private RedFlags() {}

    /** A bid of a lot as the flags see it, after the evaluation. */
    public record LotBid(String supplier, long unitPriceMinor, boolean disqualified, boolean winner) {}

    public record LotFacts(String subject, EvaluationMethod method, List<LotBid> bids) {}

    public record Week(LocalDate weekStart, long quantity) {}

    public record ContractFacts(String subject, String buyer, String supplier, String item, String currency,
                                long unitPriceMinor, long valueMinor, long signedAtMillis, List<Long> pastUnitPrices,
                                int prepaymentCapBasisPoints, long prepaymentMinor, long prepaidMinor,
                                List<Week> schedule, long deliveredQuantity) {}

    public static List<RedFlag> ofLot(LotFacts lot) {
        List<RedFlag> out = new ArrayList<>();
        singleBid(lot).ifPresent(out::add);
        lowestBidDisqualified(lot).ifPresent(out::add);
        allButWinnerDisqualified(lot).ifPresent(out::add);
        narrowWinningMargin(lot).ifPresent(out::add);
        return out;
    }

    public static List<RedFlag> ofContract(ContractFacts c, LocalDate today) {
        List<RedFlag> out = new ArrayList<>();
        priceAboveHistory(c).ifPresent(out::add);
        prepaymentOverCap(c).ifPresent(out::add);
        overdueAfterPrepayment(c, today).ifPresent(out::add);
        return out;
    }

    public static java.util.Optional<RedFlag> singleBid(LotFacts lot) {
        if (lot.bids().size() != 1) return java.util.Optional.empty();
        return flag(Indicator.SINGLE_BID, lot.subject(), "one bid received, from " + lot.bids().get(0).supplier());
    }

    public static java.util.Optional<RedFlag> lowestBidDisqualified(LotFacts lot) {
        if (lot.method() != EvaluationMethod.LOWEST_PRICE || lot.bids().size() < 2) return java.util.Optional.empty();
        LotBid lowest = lot.bids().stream().min(Comparator.comparingLong(LotBid::unitPriceMinor)).orElseThrow();
        boolean anyAdmitted = lot.bids().stream().anyMatch(b -> !b.disqualified());
        if (!lowest.disqualified() || !anyAdmitted) return java.util.Optional.empty();
        long lowestAdmitted = lot.bids().stream().filter(b -> !b.disqualified()).mapToLong(LotBid::unitPriceMinor)
                .min().orElseThrow();
        if (lowestAdmitted == lowest.unitPriceMinor()) return java.util.Optional.empty();
        return flag(Indicator.LOWEST_BID_DISQUALIFIED, lot.subject(), "lowest price " + lowest.unitPriceMinor()
                + " of " + lowest.supplier() + " disqualified under price-only evaluation; lowest admitted "
                + lowestAdmitted);
    }

    public static java.util.Optional<RedFlag> allButWinnerDisqualified(LotFacts lot) {
        if (lot.bids().size() < 2) return java.util.Optional.empty();
        List<LotBid> admitted = lot.bids().stream().filter(b -> !b.disqualified()).toList();
        if (admitted.size() != 1 || !admitted.get(0).winner()) return java.util.Optional.empty();
        return flag(Indicator.ALL_BUT_WINNER_DISQUALIFIED, lot.subject(), (lot.bids().size() - 1)
                + " of " + lot.bids().size() + " bids disqualified; only the winner " + admitted.get(0).supplier()
                + " remained");
    }

    public static java.util.Optional<RedFlag> narrowWinningMargin(LotFacts lot) {
        LotBid winner = lot.bids().stream().filter(LotBid::winner).findFirst().orElse(null);
        if (winner == null) return java.util.Optional.empty();
        LotBid runnerUp = lot.bids().stream().filter(b -> !b.winner() && !b.disqualified())
                .min(Comparator.comparingLong(b -> Math.abs(b.unitPriceMinor() - winner.unitPriceMinor())))
                .orElse(null);
        if (runnerUp == null) return java.util.Optional.empty();
        long gap = Math.abs(runnerUp.unitPriceMinor() - winner.unitPriceMinor());
        if (Math.multiplyExact(gap, 10_000L) > Math.multiplyExact(winner.unitPriceMinor(), (long) NARROW_MARGIN_BASIS_POINTS)) {
            return java.util.Optional.empty();
        }
        return flag(Indicator.NARROW_WINNING_MARGIN, lot.subject(), "winning price " + winner.unitPriceMinor()
                + " of " + winner.supplier() + " within " + gap + " of the runner-up " + runnerUp.supplier()
                + " (" + runnerUp.unitPriceMinor() + "); margin limit " + NARROW_MARGIN_BASIS_POINTS + " bp");
    }

    /** Price above Q3 + 1.5 x IQR of past prices for the item (quartiles by linear interpolation). */
    public static java.util.Optional<RedFlag> priceAboveHistory(ContractFacts c) {
        if (c.pastUnitPrices().size() < PRICE_HISTORY_MIN) return java.util.Optional.empty();
        long[] sorted = c.pastUnitPrices().stream().mapToLong(Long::longValue).sorted().toArray();
        long q1x4 = quartileTimesFour(sorted, 1);
        long q3x4 = quartileTimesFour(sorted, 3);
        // fence = Q3 + 1.5 (Q3 - Q1); times 8: 2 Q3x4 + 3 (Q3x4 - Q1x4)
        long fenceX8 = 2 * q3x4 + 3 * (q3x4 - q1x4);
        if (Math.multiplyExact(c.unitPriceMinor(), 8L) <= fenceX8) return java.util.Optional.empty();
        return flag(Indicator.PRICE_ABOVE_HISTORY, c.subject(), "unit price " + c.unitPriceMinor() + " above Q3 + 1.5 IQR = "
                + fenceX8 / 8 + " of " + sorted.length + " past prices for " + c.item() + " (Q1 " + q1x4 / 4
                + ", Q3 " + q3x4 / 4 + ")");
    }

    /** The q-th quartile (1 or 3) times four, exactly: position (n-1) q / 4, interpolated in quarters. */
    static long quartileTimesFour(long[] sorted, int q) {
        long position4 = (long) (sorted.length - 1) * q;
        int low = (int) (position4 / 4);
        long fraction4 = position4 % 4;
        long next = low + 1 < sorted.length ? sorted[low + 1] : sorted[low];
        return 4 * sorted[low] + fraction4 * (next - sorted[low]);
    }

    public static java.util.Optional<RedFlag> prepaymentOverCap(ContractFacts c) {
        if (Math.multiplyExact(c.prepaymentMinor(), 10_000L)
                <= Math.multiplyExact(c.valueMinor(), (long) c.prepaymentCapBasisPoints())) {
            return java.util.Optional.empty();
        }
        return flag(Indicator.PREPAYMENT_OVER_CAP, c.subject(), "prepayment " + c.prepaymentMinor() + " " + c.currency()
                + " over the cap of " + c.prepaymentCapBasisPoints() + " bp of " + c.valueMinor());
    }

    public static java.util.Optional<RedFlag> overdueAfterPrepayment(ContractFacts c, LocalDate today) {
        if (c.prepaidMinor() <= 0) return java.util.Optional.empty();
        long due = 0;
        for (Week w : c.schedule()) if (w.weekStart().isBefore(today)) due += w.quantity();
        if (c.deliveredQuantity() >= due) return java.util.Optional.empty();
        return flag(Indicator.OVERDUE_AFTER_PREPAYMENT, c.subject(), (due - c.deliveredQuantity())
                + " units overdue (due " + due + ", delivered " + c.deliveredQuantity() + ") after a prepayment of "
                + c.prepaidMinor() + " " + c.currency());
    }

    /**
     * Two or more EUR contracts of the same buyer, supplier and item, each just under the threshold,
     * signed within the window of each other: flagged on each of them.
     */
    public static List<RedFlag> splitUnderThreshold(List<ContractFacts> contracts) {
        long floor = SPLIT_THRESHOLD_EUR_MINOR - SPLIT_THRESHOLD_EUR_MINOR * SPLIT_BAND_BASIS_POINTS / 10_000;
        Map<String, List<ContractFacts>> groups = new LinkedHashMap<>();
        for (ContractFacts c : contracts) {
            if (!"EUR".equals(c.currency()) || c.valueMinor() < floor || c.valueMinor() >= SPLIT_THRESHOLD_EUR_MINOR) continue;
            groups.computeIfAbsent(c.buyer() + "|" + c.supplier() + "|" + c.item(), k -> new ArrayList<>()).add(c);
        }
        List<RedFlag> out = new ArrayList<>();
        for (List<ContractFacts> group : groups.values()) {
            for (ContractFacts c : group) {
                List<ContractFacts> near = group.stream().filter(o -> o != c
                        && Math.abs(o.signedAtMillis() - c.signedAtMillis()) <= SPLIT_WINDOW_MILLIS).toList();
                if (near.isEmpty()) continue;
                long total = c.valueMinor() + near.stream().mapToLong(ContractFacts::valueMinor).sum();
                out.add(new RedFlag(Indicator.SPLIT_UNDER_THRESHOLD, c.subject(), (near.size() + 1)
                        + " contracts of " + c.buyer() + " with " + c.supplier() + " for " + c.item()
                        + " each just under " + SPLIT_THRESHOLD_EUR_MINOR + " EUR minor, together " + total + " ("
                        + String.join(", ", near.stream().map(ContractFacts::subject).toList()) + ")"));
            }
        }
        return out;
    }

    private static java.util.Optional<RedFlag> flag(Indicator indicator, String subject, String evidence) {
        return java.util.Optional.of(new RedFlag(indicator, subject, evidence));
    }
}
