package org.quartermaster.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque cursors over a monotonic row sequence; the caller never sees the raw number. */
public final class Cursor {
    private Cursor() {}

    public static String encode(long sequence) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("s" + sequence).getBytes(StandardCharsets.US_ASCII));
    }

    /** Decodes a cursor from {@code after}; null or blank means the start. */
    public static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) return 0;
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!raw.startsWith("s")) throw new InvalidField("after", "is not a cursor this server issued");
            long value = Long.parseLong(raw.substring(1));
            if (value < 0) throw new InvalidField("after", "is not a cursor this server issued");
            return value;
        } catch (IllegalArgumentException e) {
            if (e instanceof InvalidField invalid) throw invalid;
            throw new InvalidField("after", "is not a cursor this server issued");
        }
    }

    /** Checks a requested page size. */
    public static int limit(Integer requested) {
        if (requested == null) return Limits.PAGE_SIZE_DEFAULT;
        if (requested < 1 || requested > Limits.PAGE_SIZE_MAX) {
            throw new InvalidField("limit", "must be between 1 and " + Limits.PAGE_SIZE_MAX);
        }
        return requested;
    }
}
