package org.quartermaster.needs;

import java.time.LocalDate;

/** Filters of the need list; null fields do not filter. */
public record NeedFilter(String status, String item, String requester, String destination, Integer priority,
                         LocalDate dueBefore) {
    public static final NeedFilter ALL = new NeedFilter(null, null, null, null, null, null);
}
