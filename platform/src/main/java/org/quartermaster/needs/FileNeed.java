package org.quartermaster.needs;

import java.time.LocalDate;
import java.util.Set;

/** File a need line (as a DRAFT; {@code submit} files it straight as OPEN). Codes name the references. */
public record FileNeed(String requester, String item, long quantity, String priority, LocalDate dueDate,
                       String destination, String justification, Set<String> releasableTo, boolean submit) {
}
