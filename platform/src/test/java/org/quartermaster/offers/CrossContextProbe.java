package org.quartermaster.offers;

import org.quartermaster.needs.model.Need;

/** A deliberate breach, compiled only in tests, that the architecture rules must report. */
final class CrossContextProbe {
    private CrossContextProbe() {}

    static long keyOf(Need need) {
        return need.key();
    }
}
