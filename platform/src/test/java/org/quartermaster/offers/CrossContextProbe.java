package org.quartermaster.offers;

import org.quartermaster.needs.jdbc.NeedsTable;

/** A deliberate breach, compiled only in tests, that the architecture rules must report. */
final class CrossContextProbe {
    private CrossContextProbe() {}

    static NeedsTable table() {
        return new NeedsTable();
    }
}
