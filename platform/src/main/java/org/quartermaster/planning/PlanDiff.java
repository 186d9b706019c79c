package org.quartermaster.planning;

import java.util.List;

/** What changed for each need between two plans (only needs whose allocation or shortfall changed). */
public record PlanDiff(String from, String to, List<NeedChange> changes) {

    public record NeedChange(String need, long allocatedBefore, long allocatedAfter, long shortBefore,
                             long shortAfter) {}
}
