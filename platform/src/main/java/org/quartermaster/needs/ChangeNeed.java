package org.quartermaster.needs;

import java.time.LocalDate;

/** Change the open terms of a need at a known version; null fields stay as they are. */
public record ChangeNeed(Long quantity, String priority, LocalDate dueDate, String destination,
                         String justification, long version) {
}
