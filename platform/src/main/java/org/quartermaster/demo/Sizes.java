package org.quartermaster.demo;

import org.quartermaster.shared.InvalidField;

/** How many need lines and offers a scenario has; the reference world (parties, catalogue) is fixed. */
public record Sizes(int needs, int offers) {
    public static final Sizes DEFAULT = new Sizes(3_000, 1_500);
    /** Large enough for a stress demo, small enough to load in a minute on a laptop. */
    public static final int NEEDS_MAX = 200_000;
    public static final int OFFERS_MAX = 200_000;

    public Sizes {
        if (needs < 0 || needs > NEEDS_MAX) throw new InvalidField("needs", "must be between 0 and " + NEEDS_MAX);
        if (offers < 0 || offers > OFFERS_MAX) throw new InvalidField("offers", "must be between 0 and " + OFFERS_MAX);
    }
}
