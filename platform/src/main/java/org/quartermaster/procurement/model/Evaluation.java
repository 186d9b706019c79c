package org.quartermaster.procurement.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ranks the opened bids of each lot. Lowest price: admissible bids by unit price, ties by earlier
 * submission. Weighted: each criterion's score 0..100 (price by formula, others the mean of the
 * evaluators' scores, rounded down) times its weight; the total is in basis-point points
 * (0..1,000,000), highest first, ties by lower price then earlier submission. Integers only.
 */
public final class Evaluation {
    private Evaluation() {}

    /** An opened bid as evaluation sees it; {@code scores} maps criterion to each evaluator's score. */
    public record Entry(long bidKey, int lot, String supplier, long unitPriceMinor, long submittedAt,
                        boolean disqualified, Map<String, List<Integer>> scores) {}

    /** The place of one admissible bid: rank 1 wins the lot. */
    public record Ranked(long bidKey, int lot, String supplier, long unitPriceMinor, int rank, long score) {}

    /** Why a lot cannot be evaluated (no admissible bid, a criterion not scored by anyone). */
    public record Gap(int lot, String reason) {}

    public record Result(List<Ranked> ranked, List<Gap> gaps) {
        public Map<Integer, Ranked> winners() {
            Map<Integer, Ranked> out = new TreeMap<>();
            for (Ranked r : ranked) if (r.rank() == 1) out.put(r.lot(), r);
            return out;
        }
    }

    public static Result evaluate(EvaluationMethod method, List<Criterion> criteria, List<Integer> lots,
                                  List<Entry> entries) {
        Map<Integer, List<Entry>> byLot = new HashMap<>();
        for (Entry e : entries) if (!e.disqualified()) byLot.computeIfAbsent(e.lot(), k -> new ArrayList<>()).add(e);
        List<Ranked> ranked = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        for (int lot : lots) {
            List<Entry> admissible = byLot.getOrDefault(lot, List.of());
            if (admissible.isEmpty()) {
                gaps.add(new Gap(lot, "no admissible bid"));
                continue;
            }
            if (method == EvaluationMethod.LOWEST_PRICE) {
                rankByPrice(admissible, ranked);
            } else {
                rankWeighted(lot, criteria, admissible, ranked, gaps);
            }
        }
        return new Result(List.copyOf(ranked), List.copyOf(gaps));
    }

    private static void rankByPrice(List<Entry> admissible, List<Ranked> out) {
        List<Entry> sorted = new ArrayList<>(admissible);
        sorted.sort(Comparator.comparingLong(Entry::unitPriceMinor).thenComparingLong(Entry::submittedAt)
                .thenComparingLong(Entry::bidKey));
        for (int i = 0; i < sorted.size(); i++) {
            Entry e = sorted.get(i);
            out.add(new Ranked(e.bidKey(), e.lot(), e.supplier(), e.unitPriceMinor(), i + 1, e.unitPriceMinor()));
        }
    }

    private static void rankWeighted(int lot, List<Criterion> criteria, List<Entry> admissible, List<Ranked> out,
                                     List<Gap> gaps) {
        long lowest = Long.MAX_VALUE;
        for (Entry e : admissible) lowest = Math.min(lowest, e.unitPriceMinor());
        record Scored(Entry entry, long score) {}
        List<Scored> scored = new ArrayList<>();
        for (Entry e : admissible) {
            long total = 0;
            for (Criterion c : criteria) {
                long points;
                if (c.name().equals(Criterion.PRICE)) {
                    points = Math.multiplyExact(lowest, 100L) / e.unitPriceMinor();
                } else {
                    List<Integer> given = e.scores().getOrDefault(c.name(), List.of());
                    if (given.isEmpty()) {
                        gaps.add(new Gap(lot, "criterion " + c.name() + " is not scored for the bid of " + e.supplier()));
                        return;
                    }
                    long sum = 0;
                    for (int s : given) sum += s;
                    points = sum / given.size();
                }
                total += points * c.weightBasisPoints();
            }
            scored.add(new Scored(e, total));
        }
        scored.sort(Comparator.comparingLong((Scored s) -> -s.score())
                .thenComparingLong(s -> s.entry().unitPriceMinor())
                .thenComparingLong(s -> s.entry().submittedAt()).thenComparingLong(s -> s.entry().bidKey()));
        for (int i = 0; i < scored.size(); i++) {
            Entry e = scored.get(i).entry();
            out.add(new Ranked(e.bidKey(), e.lot(), e.supplier(), e.unitPriceMinor(), i + 1, scored.get(i).score()));
        }
    }
}
