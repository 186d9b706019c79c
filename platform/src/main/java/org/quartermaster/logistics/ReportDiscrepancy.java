package org.quartermaster.logistics;

import java.util.List;

/** A problem with one line (SHORT, DAMAGED, WRONG_ITEM, UNSERVICEABLE) and its attached files. */
public record ReportDiscrepancy(Integer line, String kind, Long quantity, String note, String organisation,
                                String person, List<Attachment> attachments) {

    /** A photo or document, its bytes in base64. */
    public record Attachment(String name, String mediaType, String contentBase64) {}
}
