package org.quartermaster.logistics;

import java.util.List;

/**
 * The receiving organisation's proof of delivery: per line the units received in good order, and
 * what was wrong. Signed with the organisation's key on behalf of {@code person}.
 */
public record ConfirmReceipt(String organisation, String person, List<Received> lines,
                             List<ReportDiscrepancy> discrepancies) {

    public record Received(Integer line, Long received) {}
}
