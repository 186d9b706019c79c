package org.quartermaster.journal;

import java.io.IOException;

/** A bundle file that does not follow the format (truncated, unknown record, over a limit). */
public final class BundleFormatException extends IOException {

    public BundleFormatException(String message) {
        super(message);
    }
}
