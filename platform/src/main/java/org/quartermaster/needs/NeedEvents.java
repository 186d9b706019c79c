package org.quartermaster.needs;

import java.time.LocalDate;
import java.util.List;

/** Journal payloads of the needs context (past tense, one per kind of change). */
public final class NeedEvents {
    private NeedEvents() {}

    public record NeedFiled(String id, String requester, String item, long quantity, String priority,
                            LocalDate dueDate, String destination, String justification, String status,
                            List<String> releasableTo) {}

    public record NeedChanged(String id, long quantity, String priority, LocalDate dueDate, String destination,
                              String justification, String status, long version) {}

    public record NeedStatusChanged(String id, String from, String to, long coveredQuantity,
                                    long deliveredQuantity, String cause, long version) {}

    /** Who a need is released to changed (a lowering was approved by a second person). */
    public record NeedReleasabilityChanged(String id, List<String> releasableTo, long version) {}
}
