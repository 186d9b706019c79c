package org.quartermaster.planner;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a plan against its input before it is returned: every allocation takes an existing
 * source of the right item (or a declared substitute) no earlier than it is ready, travels an
 * existing lane with its transit time, is handed over within the horizon and no earlier than it
 * arrives; offers, weekly production capacity, absorption limits and (when enforced) fund
 * budgets are respected; each need's allocated plus short quantity equals its quantity.
 * A violation is a broken invariant of the planner: {@link IllegalStateException}.
 */
public final class PlanChecker {

    private final Indexed in;
    private final long[] offerUsed;
    private final long[] lineUsed;
    private final int[] laneAt;
    private final Map<String, Integer> offerIndex = new HashMap<>();
    private final Map<String, Integer> lineIndex = new HashMap<>();

    PlanChecker(Indexed in) {
        this.in = in;
        offerUsed = new long[in.offers.size()];
        lineUsed = new long[in.lineItem.length * in.horizon];
        laneAt = new int[Math.max(in.originCount * in.destinationCount, 1)];
        java.util.Arrays.fill(laneAt, -1);
        for (int k = 0; k < in.laneOrigin.length; k++) {
            laneAt[in.laneOrigin[k] * in.destinationCount + in.laneDestination[k]] = k;
        }
        for (int k = 0; k < in.offers.size(); k++) {
            offerIndex.put(in.offers.get(k).id(), k);
        }
        for (int l = 0; l < in.lineItem.length; l++) {
            lineIndex.put(in.input.productionLines().get(l).id(), l);
        }
    }

    /** Checks a whole plan against its input (the slow path with id lookups, for callers and tests). */
    public static void check(PlanInput input, List<Allocation> allocations, List<Shortfall> shortfalls) {
        Indexed in = new Indexed(input);
        Map<String, Integer> needIndex = new HashMap<>();
        for (int k = 0; k < input.needs().size(); k++) {
            needIndex.put(input.needs().get(k).id(), k);
        }
        int[] allocNeed = new int[allocations.size()];
        for (int k = 0; k < allocNeed.length; k++) {
            allocNeed[k] = lookup(needIndex, allocations.get(k).needId());
        }
        int[] shortNeed = new int[shortfalls.size()];
        for (int k = 0; k < shortNeed.length; k++) {
            shortNeed[k] = lookup(needIndex, shortfalls.get(k).needId());
        }
        int[] all = new int[input.needs().size()];
        for (int k = 0; k < all.length; k++) {
            all[k] = k;
        }
        PlanChecker checker = new PlanChecker(in);
        checker.check(all, allocations, allocNeed, shortfalls, shortNeed);
        checker.checkBudgets(allocations);
    }

    private static int lookup(Map<String, Integer> needIndex, String needId) {
        Integer k = needIndex.get(needId);
        if (k == null) {
            throw new IllegalStateException("plan names unknown need " + needId);
        }
        return k;
    }

    /**
     * Checks the allocations and shortfalls of the need lines {@code needs} (one component). The
     * served quantities are counted in an array of the component's size, not the instance's, so a
     * re-plan checks in time proportional to the component it redid.
     */
    void check(int[] needs, List<Allocation> allocations, int[] allocNeed, List<Shortfall> shortfalls,
               int[] shortNeed) {
        int[] sorted = needs.clone();
        Arrays.sort(sorted);
        long[] served = new long[sorted.length];
        Map<Long, long[]> absorbed = new HashMap<>();
        for (int k = 0; k < allocations.size(); k++) {
            Allocation a = allocations.get(k);
            int need = allocNeed[k];
            checkAllocation(a, need, absorbed);
            served[position(sorted, need)] += a.quantity();
        }
        for (int k = 0; k < shortfalls.size(); k++) {
            Shortfall s = shortfalls.get(k);
            require(s.quantity() > 0, () -> "shortfall of need " + s.needId() + " must be positive");
            require(s.needId().equals(in.input.needs().get(shortNeed[k]).id()), () -> "shortfall must name its need");
            served[position(sorted, shortNeed[k])] += s.quantity();
        }
        for (int p = 0; p < sorted.length; p++) {
            Need n = in.input.needs().get(sorted[p]);
            long total = served[p];
            require(total == n.quantity(), () -> "need " + n.id() + ": allocated + short = "
                    + total + " must equal quantity " + n.quantity());
        }
    }

    /** Where {@code need} is in the sorted need lines being checked. */
    private int position(int[] sorted, int need) {
        int p = Arrays.binarySearch(sorted, need);
        require(p >= 0, () -> "need " + in.input.needs().get(need).id() + " must be among the need lines checked");
        return p;
    }

    /*
     * The hot path runs once per allocation (a million at the largest size): plain ifs, no
     * message suppliers, so nothing is allocated unless a check fails.
     */
    private void checkAllocation(Allocation a, int need, Map<Long, long[]> absorbed) {
        Need n = in.input.needs().get(need);
        if (!a.needId().equals(n.id())) throw failed(a, n, "must name its need");
        if (a.quantity() <= 0) throw failed(a, n, "must be positive");
        Integer suppliedIndex = in.itemIndex.get(a.suppliedItem());
        if (suppliedIndex == null) throw failed(a, n, "must supply a known item, not " + a.suppliedItem());
        int item = suppliedIndex;
        if (item != in.needItem[need] && !substitutes(item, in.needItem[need])) {
            throw failed(a, n, a.suppliedItem() + " must be the needed item or a declared substitute");
        }
        int ready = a.sourceKind() == SourceKind.OFFER ? offer(a, n, item) : production(a, n, item);
        if (a.shipWeek() < ready) throw failed(a, n, "must ship no earlier than week " + ready);
        Integer origin = in.originIndex.get(a.origin());
        if (origin == null) throw failed(a, n, "must come from a known origin");
        int lane = laneAt[origin * in.destinationCount + in.needDestination[need]];
        if (lane < 0) throw failed(a, n, "must travel an existing lane");
        if (a.arrivalWeek() != a.shipWeek() + in.input.lanes().get(lane).transitWeeks()) {
            throw failed(a, n, "must arrive after the lane's transit time");
        }
        if (a.handoverWeek() < a.arrivalWeek() || a.handoverWeek() >= in.horizon) {
            throw failed(a, n, "must be handed over after arrival and within the horizon");
        }
        if (a.latenessWeeks() != a.handoverWeek() - n.dueWeek() || a.latenessWeeks() < 0) {
            throw failed(a, n, "must be handed over in or after its due week, lateness counted exactly");
        }
        long limit = in.absorption[in.needDestination[need] * in.itemCount + item];
        if (limit >= 0) {
            long[] weekly = absorbed.computeIfAbsent((long) in.needDestination[need] * in.itemCount + item,
                    key -> new long[in.horizon]);
            weekly[a.handoverWeek()] += a.quantity();
            if (weekly[a.handoverWeek()] > limit) {
                throw failed(a, n, "must respect the absorption limit " + limit + " in week " + a.handoverWeek());
            }
        }
    }

    private static IllegalStateException failed(Allocation a, Need n, String what) {
        return new IllegalStateException("plan check failed: allocation of " + a.quantity() + " to need " + n.id()
                + " " + what);
    }

    private boolean substitutes(int item, int needed) {
        for (int k = 0; k < in.compatSubstitute.length; k++) {
            if (in.compatSubstitute[k] == item && in.compatNeeded[k] == needed) {
                return true;
            }
        }
        return false;
    }

    private int offer(Allocation a, Need n, int item) {
        Integer k = offerIndex.get(a.sourceId());
        if (k == null) throw failed(a, n, "must come from a known offer, not " + a.sourceId());
        Offer offer = in.offers.get(k);
        if (in.offerItem[k] != item || !offer.origin().equals(a.origin())) {
            throw failed(a, n, "must take the offer's item at the offer's origin");
        }
        offerUsed[k] += a.quantity();
        if (offerUsed[k] > offer.quantity()) throw failed(a, n, "must not over-allocate offer " + offer.id());
        if (a.startWeek() != offer.availableWeek()) throw failed(a, n, "must start when the offer is available");
        return offer.availableWeek();
    }

    private int production(Allocation a, Need n, int item) {
        Integer l = lineIndex.get(a.sourceId());
        if (l == null) throw failed(a, n, "must come from a known production line, not " + a.sourceId());
        ProductionLine line = in.input.productionLines().get(l);
        if (in.lineItem[l] != item || !line.origin().equals(a.origin())) {
            throw failed(a, n, "must take the line's item at the line's origin");
        }
        if (a.startWeek() < 0 || a.startWeek() + line.leadTimeWeeks() >= in.horizon) {
            throw failed(a, n, "must start production inside the horizon");
        }
        int slot = l * in.horizon + a.startWeek();
        lineUsed[slot] += a.quantity();
        if (lineUsed[slot] > line.capacityPerWeek()) {
            throw failed(a, n, "must not exceed the capacity of line " + line.id() + " in week " + a.startWeek());
        }
        return a.startWeek() + line.leadTimeWeeks();
    }

    /** Each fund's money committed per week stays within its budget. */
    void checkBudgets(List<Allocation> allocations) {
        int funds = in.input.funds().size();
        if (funds == 0) {
            return;
        }
        long[] spend = new long[funds * in.horizon];
        for (Allocation a : allocations) {
            if (a.sourceKind() != SourceKind.PRODUCTION) {
                continue;
            }
            int l = lineIndex.get(a.sourceId());
            int f = in.lineFund[l];
            if (f >= 0) {
                spend[f * in.horizon + a.startWeek()] += a.quantity() * in.input.productionLines().get(l).unitPrice();
                FundBudget fund = in.input.funds().get(f);
                require(spend[f * in.horizon + a.startWeek()] <= fund.amountPerWeek(), () ->
                        "fund " + fund.id() + " must not spend more than its budget in week " + a.startWeek());
            }
        }
    }

    /** The message is built only on failure: the checker runs on every allocation of every plan. */
    private static void require(boolean holds, java.util.function.Supplier<String> message) {
        if (!holds) {
            throw new IllegalStateException("plan check failed: " + message.get());
        }
    }
}
