package org.quartermaster.planner;

import java.util.List;

/**
 * A fund that pays for production started on its eligible lines: in any week, the money
 * committed (units started x unit price) on those lines may not exceed {@code amountPerWeek}.
 * A production line is paid by at most one fund; lines in no fund are unconstrained.
 */
public record FundBudget(String id, long amountPerWeek, List<String> eligibleProductionLines) {
    public FundBudget {
        Checks.id(id, "fund id");
        Checks.nonNegative(amountPerWeek, "fund " + id + " amount per week");
        if (eligibleProductionLines == null || eligibleProductionLines.isEmpty()) {
            throw new IllegalArgumentException("fund " + id + " must name at least one eligible production line");
        }
        eligibleProductionLines = List.copyOf(eligibleProductionLines);
    }
}
