package org.quartermaster.planner;

/**
 * Attributes a shortfall to what limited it, from the optimal flow of its component. An honest
 * best effort, checked in this order: an absorption limit of the item at the destination that
 * is reached in some week; idle capacity of a line paid by a fund (budget); stock or capacity of the item (or a substitute) left unused, which
 * can only mean it could not be brought there in time (lane); production lines of the item all at capacity; else the stock
 * and production that exist were all needed elsewhere (or there are none).
 */
final class ShortfallReasons {

    private final Indexed in;
    private final boolean[] absorptionReached;
    private final boolean[] itemUnused;
    private final boolean[] itemHasLine;
    private final boolean[] itemBudgetBound;

    ShortfallReasons(Indexed in, ComponentSolution solution) {
        this.in = in;
        ComponentNetwork net = solution.net;
        long[] flow = solution.flow;
        absorptionReached = new boolean[in.absorption.length];
        itemUnused = new boolean[in.itemCount];
        itemHasLine = new boolean[in.itemCount];
        itemBudgetBound = new boolean[in.itemCount];
        for (int a = 0; a < net.network.arcCount(); a++) {
            switch (net.arcKind[a]) {
                case ComponentNetwork.ABSORB -> {
                    if (flow[a] == net.network.capacity(a)) {
                        absorptionReached[net.arcRef[a]] = true;
                    }
                }
                case ComponentNetwork.DUMP -> itemUnused[net.arcRef[a]] |= flow[a] > 0;
                case ComponentNetwork.IDLE -> {
                    // Idle capacity of a line paid by a fund is what the budget held back.
                    int line = net.arcRef[a];
                    if (in.lineFund[line] >= 0) {
                        itemBudgetBound[in.lineItem[line]] |= flow[a] > 0;
                    } else {
                        itemUnused[in.lineItem[line]] |= flow[a] > 0;
                    }
                }
                case ComponentNetwork.PRODUCE -> itemHasLine[in.lineItem[net.arcRef[a]]] = true;
                default -> { }
            }
        }
    }

    ShortfallReason reason(int chain) {
        int item = in.chainItem[chain];
        int d = in.chainDestination[chain];
        if (absorptionReached[d * in.itemCount + item]) {
            return ShortfallReason.ABSORPTION;
        }
        if (itemBudgetBound[item]) {
            return ShortfallReason.BUDGET;
        }
        if (itemUnused[item] || substituteUnused(item)) {
            return ShortfallReason.LANE;
        }
        return itemHasLine[item] ? ShortfallReason.CAPACITY : ShortfallReason.STOCK;
    }

    private boolean substituteUnused(int item) {
        for (int k = 0; k < in.compatNeeded.length; k++) {
            if (in.compatNeeded[k] == item && itemUnused[in.compatSubstitute[k]]) {
                return true;
            }
        }
        return false;
    }
}
