package org.quartermaster.planner;

import java.util.List;

/**
 * The cost construction, shared by the network and the explanations.
 *
 * <p>Let M be the most money one unit can cost on any route (largest unit price + largest lane
 * cost + largest substitution penalty) and K = M + 1. A unit of priority p delivered w weeks
 * late costs {@code weight(p) * K * w}: one week of lateness outweighs any money difference for
 * that unit. A unit short is charged as if it arrived in week H (one past the horizon), i.e.
 * {@code weight(p) * K * (H - due)}: exactly one lateness week above the latest possible
 * delivery, so serving a unit always beats leaving it short, yet the largest arc cost stays
 * {@code 16 K} (a narrow range, which keeps the simplex fast). Money is added at face value.
 */
record CostModel(int horizonWeeks, long moneyPerUnitMax, long latenessUnit) {

    static CostModel of(int horizonWeeks, List<Compatibility> compatibilities, List<Offer> offers,
                        List<ProductionLine> lines, List<Lane> lanes) {
        long price = 0;
        for (Offer offer : offers) {
            price = Math.max(price, offer.unitPrice());
        }
        for (ProductionLine line : lines) {
            price = Math.max(price, line.unitPrice());
        }
        long lane = 0;
        for (Lane l : lanes) {
            lane = Math.max(lane, l.costPerUnit());
        }
        long penalty = 0;
        for (Compatibility c : compatibilities) {
            penalty = Math.max(penalty, c.penaltyPerUnit());
        }
        long money = Math.addExact(Math.addExact(price, lane), penalty);
        return new CostModel(horizonWeeks, money, Math.addExact(money, 1));
    }

    /** Cost of one unit of priority {@code p} being late by one week. */
    long latenessPerWeek(Priority p) {
        return Math.multiplyExact(p.weight(), latenessUnit);
    }

    /** Cost of one unit of priority {@code p}, due in {@code dueWeek}, left short. */
    long shortfallCost(Priority p, int dueWeek) {
        return Math.multiplyExact(latenessPerWeek(p), horizonWeeks - dueWeek);
    }
}
