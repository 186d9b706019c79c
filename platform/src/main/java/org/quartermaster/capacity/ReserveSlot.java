package org.quartermaster.capacity;

import java.time.LocalDate;
import java.util.Set;

/**
 * Reserve {@code quantity} units of production line {@code line} in {@code week} (a Monday) for
 * {@code reserver}'s contract or call-off ({@code referenceKind} CONTRACT or CALL_OFF, and its
 * public id). {@code framework} marks capacity held under a framework agreement. The
 * reservation is always released to the supplier as well as to {@code releasableTo}.
 */
public record ReserveSlot(String line, LocalDate week, Long quantity, String reserver, String referenceKind,
                          String referenceId, boolean framework, Set<String> releasableTo) {}
