package org.quartermaster.planner;

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
 *
 * <p>One check per allocation, on dense indices ({@link #checkAllocation}). The planner feeds it
 * the primitive rows its plan's allocations are built from ({@link #check(Disaggregator)}); the
 * public {@link #check(PlanInput, List, List)} resolves a list of allocation records' names to
 * indices first (an unknown name is itself a failure) and runs the same check.
 */
public final class PlanChecker {

    private final Indexed in;
    private final long[] offerUsed;
    private final long[] lineUsed;
    private final int[] laneAt;
    /** Units handed over per week by destination x item, for the items with an absorption limit. */
    private final long[][] absorbed;

    PlanChecker(Indexed in) {
        this.in = in;
        offerUsed = new long[in.offers.size()];
        lineUsed = new long[in.lineItem.length * in.horizon];
        laneAt = new int[Math.max(in.originCount * in.destinationCount, 1)];
        java.util.Arrays.fill(laneAt, -1);
        for (int k = 0; k < in.laneOrigin.length; k++) {
            laneAt[in.laneOrigin[k] * in.destinationCount + in.laneDestination[k]] = k;
        }
        absorbed = new long[in.absorption.length][];
    }

    /** Checks a whole plan against its input (the slow path with id lookups, for callers and tests). */
    public static void check(PlanInput input, List<Allocation> allocations, List<Shortfall> shortfalls) {
        Indexed in = new Indexed(input);
        Map<String, Integer> needIndex = new HashMap<>();
        for (int k = 0; k < input.needs().size(); k++) {
            needIndex.put(input.needs().get(k).id(), k);
        }
        Map<String, Integer> offerIndex = new HashMap<>();
        for (int k = 0; k < in.offers.size(); k++) {
            offerIndex.put(in.offers.get(k).id(), k);
        }
        Map<String, Integer> lineIndex = new HashMap<>();
        for (int l = 0; l < in.lineItem.length; l++) {
            lineIndex.put(input.productionLines().get(l).id(), l);
        }
        PlanChecker checker = new PlanChecker(in);
        long[] served = new long[input.needs().size()];
        long[] spend = new long[input.funds().size() * in.horizon];
        for (Allocation a : allocations) {
            int need = lookup(needIndex, a.needId());
            Need n = input.needs().get(need);
            Integer item = in.itemIndex.get(a.suppliedItem());
            if (item == null) throw failed(a.quantity(), n, "must supply a known item, not " + a.suppliedItem());
            Integer origin = in.originIndex.get(a.origin());
            if (origin == null) throw failed(a.quantity(), n, "must come from a known origin");
            boolean offer = a.sourceKind() == SourceKind.OFFER;
            Integer source = (offer ? offerIndex : lineIndex).get(a.sourceId());
            if (source == null) {
                throw failed(a.quantity(), n, "must come from a known " + (offer ? "offer" : "production line")
                        + ", not " + a.sourceId());
            }
            checker.checkAllocation(need, in.needItem[need], in.needDestination[need], in.needDue[need], offer, source,
                    item, origin, a.quantity(), a.startWeek(), a.shipWeek(),
                    a.arrivalWeek(), a.handoverWeek(), a.latenessWeeks());
            served[need] += a.quantity();
            if (!offer) {
                checker.spend(spend, source, a.startWeek(), a.quantity());
            }
        }
        for (Shortfall s : shortfalls) {
            int need = lookup(needIndex, s.needId());
            require(s.quantity() > 0, () -> "shortfall of need " + s.needId() + " must be positive");
            served[need] += s.quantity();
        }
        for (int k = 0; k < served.length; k++) {
            checker.requireServed(k, served[k]);
        }
    }

    private static int lookup(Map<String, Integer> needIndex, String needId) {
        Integer k = needIndex.get(needId);
        if (k == null) {
            throw new IllegalStateException("plan names unknown need " + needId);
        }
        return k;
    }

    /**
     * Checks the allocation and shortfall rows of one component. The served quantities are
     * counted per position in the component's need lines, so a re-plan checks in time
     * proportional to the component it redid.
     */
    void check(Disaggregator d) {
        int[] needs = d.needs;
        int count = needs.length;
        // The component's need lines, read in index order into arrays by position; this also
        // checks that the rows' positions name each of the component's need lines exactly once.
        int[] needed = new int[count];
        int[] destination = new int[count];
        int[] due = new int[count];
        long[] quantity = new long[count];
        int j = 0;
        for (int item : d.items()) {
            for (int q = in.needsByItemStart[item]; q < in.needsByItemStart[item + 1]; q++, j++) {
                int need = in.needsByItem[q];
                int p = j < count ? d.positionOf[j] : -1;
                if (p < 0 || p >= count || needs[p] != need) {
                    throw new IllegalStateException("plan check failed: need " + in.input.needs().get(need).id()
                            + " must be split exactly once");
                }
                needed[p] = in.needItem[need];
                destination[p] = in.needDestination[need];
                due[p] = in.needDue[need];
                quantity[p] = in.needQuantity[need];
            }
        }
        if (j != count) {
            throw new IllegalStateException("plan check failed: the split must cover the component's need lines");
        }
        Chunks ch = d.chunks;
        long[] served = new long[count];
        for (int k = 0; k < d.allocCount; k++) {
            int r = d.allocChunk[k];
            int pos = d.allocPos[k];
            long q = d.allocQty[k];
            checkAllocation(needs[pos], needed[pos], destination[pos], due[pos], ch.kind[r] == Chunks.OFFER,
                    ch.sourceRef[r], d.suppliedItem(r), d.origin(r), q, ch.startWeek[r], ch.shipWeek[r],
                    d.arrivalWeek(r), ch.handoverWeek[r], ch.lateness[r]);
            served[pos] += q;
        }
        for (int k = 0; k < d.shortCount; k++) {
            int need = needs[d.shortPos[k]];
            require(d.shortQty[k] > 0, () -> "shortfall of need " + in.input.needs().get(need).id() + " must be positive");
            served[d.shortPos[k]] += d.shortQty[k];
        }
        for (int p = 0; p < count; p++) {
            if (served[p] != quantity[p]) {
                requireServed(needs[p], served[p]);
            }
        }
    }

    private void requireServed(int need, long total) {
        if (total != in.needQuantity[need]) {
            Need n = in.input.needs().get(need);
            throw new IllegalStateException("plan check failed: need " + n.id() + ": allocated + short = "
                    + total + " must equal quantity " + n.quantity());
        }
    }

    /*
     * The hot path runs once per allocation (a million at the largest size): primitive arguments
     * and plain ifs, so nothing is allocated unless a check fails.
     */
    private void checkAllocation(int need, int needed, int destination, int due, boolean offer, int source, int item,
                                 int origin, long q, int startWeek, int shipWeek, int arrivalWeek, int handoverWeek,
                                 int latenessWeeks) {
        if (q <= 0) throw failed(q, need, "must be positive");
        if (item != needed && !substitutes(item, needed)) {
            throw failed(q, need, in.input.items().get(item).id() + " must be the needed item or a declared substitute");
        }
        int ready = offer ? offer(need, source, item, origin, q, startWeek)
                : production(need, source, item, origin, q, startWeek);
        if (shipWeek < ready) throw failed(q, need, "must ship no earlier than week " + ready);
        int lane = laneAt[origin * in.destinationCount + destination];
        if (lane < 0) throw failed(q, need, "must travel an existing lane");
        if (arrivalWeek != shipWeek + in.input.lanes().get(lane).transitWeeks()) {
            throw failed(q, need, "must arrive after the lane's transit time");
        }
        if (handoverWeek < arrivalWeek || handoverWeek >= in.horizon) {
            throw failed(q, need, "must be handed over after arrival and within the horizon");
        }
        if (latenessWeeks != handoverWeek - due || latenessWeeks < 0) {
            throw failed(q, need, "must be handed over in or after its due week, lateness counted exactly");
        }
        int key = destination * in.itemCount + item;
        long limit = in.absorption[key];
        if (limit >= 0) {
            long[] weekly = absorbed[key];
            if (weekly == null) {
                weekly = new long[in.horizon];
                absorbed[key] = weekly;
            }
            weekly[handoverWeek] += q;
            if (weekly[handoverWeek] > limit) {
                throw failed(q, need, "must respect the absorption limit " + limit + " in week " + handoverWeek);
            }
        }
    }

    private IllegalStateException failed(long q, int need, String what) {
        return failed(q, in.input.needs().get(need), what);
    }

    private static IllegalStateException failed(long q, Need n, String what) {
        return new IllegalStateException("plan check failed: allocation of " + q + " to need " + n.id() + " " + what);
    }

    private boolean substitutes(int item, int needed) {
        for (int k = 0; k < in.compatSubstitute.length; k++) {
            if (in.compatSubstitute[k] == item && in.compatNeeded[k] == needed) {
                return true;
            }
        }
        return false;
    }

    private int offer(int need, int k, int item, int origin, long q, int startWeek) {
        Offer offer = in.offers.get(k);
        if (in.offerItem[k] != item || in.offerOrigin[k] != origin) {
            throw failed(q, need, "must take the offer's item at the offer's origin");
        }
        offerUsed[k] += q;
        if (offerUsed[k] > offer.quantity()) throw failed(q, need, "must not over-allocate offer " + offer.id());
        if (startWeek != offer.availableWeek()) throw failed(q, need, "must start when the offer is available");
        return offer.availableWeek();
    }

    private int production(int need, int l, int item, int origin, long q, int startWeek) {
        ProductionLine line = in.input.productionLines().get(l);
        if (in.lineItem[l] != item || in.lineOrigin[l] != origin) {
            throw failed(q, need, "must take the line's item at the line's origin");
        }
        if (startWeek < 0 || startWeek + line.leadTimeWeeks() >= in.horizon) {
            throw failed(q, need, "must start production inside the horizon");
        }
        int slot = l * in.horizon + startWeek;
        lineUsed[slot] += q;
        if (lineUsed[slot] > line.capacityPerWeek()) {
            throw failed(q, need, "must not exceed the capacity of line " + line.id() + " in week " + startWeek);
        }
        return startWeek + line.leadTimeWeeks();
    }

    /** Each fund's money committed per week stays within its budget, over the rows of all components. */
    void checkBudgets(Disaggregator[] results, int[] comps) {
        if (in.input.funds().isEmpty()) {
            return;
        }
        long[] spend = new long[in.input.funds().size() * in.horizon];
        for (int c : comps) {
            Disaggregator d = results[c];
            Chunks ch = d.chunks;
            for (int k = 0; k < d.allocCount; k++) {
                int r = d.allocChunk[k];
                if (ch.kind[r] == Chunks.PRODUCTION) {
                    spend(spend, ch.sourceRef[r], ch.startWeek[r], d.allocQty[k]);
                }
            }
        }
    }

    private void spend(long[] spend, int l, int startWeek, long q) {
        int f = in.lineFund[l];
        if (f < 0) {
            return;
        }
        int slot = f * in.horizon + startWeek;
        spend[slot] += q * in.input.productionLines().get(l).unitPrice();
        if (spend[slot] > in.input.funds().get(f).amountPerWeek()) {
            throw new IllegalStateException("plan check failed: fund " + in.input.funds().get(f).id()
                    + " must not spend more than its budget in week " + startWeek);
        }
    }

    /** The message is built only on failure: the checker runs on every allocation of every plan. */
    private static void require(boolean holds, java.util.function.Supplier<String> message) {
        if (!holds) {
            throw new IllegalStateException("plan check failed: " + message.get());
        }
    }
}
