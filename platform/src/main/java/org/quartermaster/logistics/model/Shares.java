package org.quartermaster.logistics.model;

import java.util.ArrayList;
import java.util.List;

/** How a line's received units are counted for the needs it serves: in order, each up to its share. */
public final class Shares {
    private Shares() {}

    /** A need's share of a line. */
    public record Share(String need, long quantity) {}

    /**
     * Splits {@code received} over {@code shares} in order; the sum of the result never exceeds
     * {@code received} nor any share. Units beyond all shares count for no need.
     */
    public static List<Share> split(long received, List<Share> shares) {
        if (received < 0) throw new IllegalArgumentException("received must not be negative");
        List<Share> out = new ArrayList<>();
        long left = received;
        for (Share s : shares) {
            long take = Math.min(left, s.quantity());
            out.add(new Share(s.need(), take));
            left -= take;
        }
        return out;
    }
}
