package org.quartermaster.procurement.model;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What a supplier offers for one lot: the unit price in the procedure's currency (minor units),
 * the weeks until first delivery and a free note. It exists in clear only in the supplier's
 * request and after the opening; in between it is sealed ({@link BidSeal}).
 */
public record BidContent(long unitPriceMinor, int deliveryWeeks, String note) {
    public static final int NOTE_LENGTH_MAX = 4_000;
    public static final int DELIVERY_WEEKS_MAX = 520;
    private static final String VERSION = "bid-v1";

    public BidContent {
        if (unitPriceMinor <= 0) throw new IllegalArgumentException("unitPriceMinor must be greater than zero");
        if (unitPriceMinor > org.quartermaster.shared.Money.AMOUNT_MINOR_MAX) {
            throw new IllegalArgumentException("unitPriceMinor must be at most " + org.quartermaster.shared.Money.AMOUNT_MINOR_MAX);
        }
        if (deliveryWeeks < 0 || deliveryWeeks > DELIVERY_WEEKS_MAX) {
            throw new IllegalArgumentException("deliveryWeeks must be 0 to " + DELIVERY_WEEKS_MAX);
        }
        note = note == null ? "" : note;
        if (note.length() > NOTE_LENGTH_MAX) throw new IllegalArgumentException("note must be at most 4000 characters");
    }

    /** One canonical byte form: the commitment is over exactly these bytes (with a salt). */
    public byte[] canonical() {
        String text = VERSION + "|" + unitPriceMinor + "|" + deliveryWeeks + "|"
                + Base64.getEncoder().encodeToString(note.getBytes(StandardCharsets.UTF_8));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The inverse of {@link #canonical}; anything else is a broken seal (an internal error). */
    public static BidContent parse(byte[] canonical) {
        String[] parts = new String(canonical, StandardCharsets.UTF_8).split("\\|", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) throw new IllegalStateException("not a sealed bid");
        return new BidContent(Long.parseLong(parts[1]), Integer.parseInt(parts[2]),
                new String(Base64.getDecoder().decode(parts[3]), StandardCharsets.UTF_8));
    }
}
