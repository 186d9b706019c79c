package org.quartermaster.catalog.model;

import java.util.regex.Pattern;
import org.quartermaster.shared.Checks;

/**
 * This item can serve a need for {@code servesItem} (e.g. a round that fits the requested
 * gun); {@code penalty} (0..1000) weighs how much worse a substitute it is.
 */
public record Compatibility(String servesItem, int penalty) {
    public static final int PENALTY_MAX = 1000;

    public Compatibility {
        Checks.matches("compatibleWith.item", servesItem, ItemCode.SHAPE, ItemCode.DESCRIPTION);
        if (penalty < 0 || penalty > PENALTY_MAX) {
            throw new org.quartermaster.shared.InvalidField("compatibleWith.penalty",
                    "must be between 0 and " + PENALTY_MAX);
        }
    }

    /** Item codes, shared by items and references to them. */
    public static final class ItemCode {
        public static final Pattern SHAPE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");
        public static final String DESCRIPTION = "an item code: 2 to 40 capitals, digits or dashes";

        private ItemCode() {}
    }
}
