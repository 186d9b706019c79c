package org.quartermaster.journal;

import java.nio.charset.StandardCharsets;

/** Constants of the bundle file format; see {@code journal/README.md}. */
final class BundleFormat {

    static final byte[] MAGIC = "QMJRNL01".getBytes(StandardCharsets.US_ASCII);
    static final byte EVENT = 'E';
    static final byte HEAD = 'H';
    static final byte END = 'Z';
    /** An X.509 Ed25519 key is 44 bytes; anything much larger is not one. */
    static final int PUBLIC_KEY_BYTES_MAX = 1024;

    private BundleFormat() {
    }
}
