package org.quartermaster.journal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9162 section 2.1.1 hashing: leaf = SHA-256(0x00 || data), node = SHA-256(0x01 || l || r).
 * One instance holds one reusable {@link MessageDigest}, so it is not thread-safe: give each
 * thread its own. Methods write into caller buffers so the hot path allocates nothing.
 */
public final class TreeHasher {

    /** Bytes in a SHA-256 hash. */
    public static final int HASH_BYTES = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private final MessageDigest digest;

    public TreeHasher() {
        this.digest = newSha256();
    }

    /** A fresh SHA-256 digest; every JDK must provide one, so absence is a broken platform. */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK must provide SHA-256", e);
        }
    }

    /** The root of the empty tree: SHA-256 of the empty string (RFC 9162 section 2.1.1). */
    public static byte[] emptyRoot() {
        return newSha256().digest();
    }

    /** Writes the leaf hash of {@code data[offset, offset+length)} to {@code out[outOffset..]}. */
    public void leaf(byte[] data, int offset, int length, byte[] out, int outOffset) {
        digest.update(LEAF_PREFIX);
        digest.update(data, offset, length);
        finish(out, outOffset);
    }

    /** Returns the leaf hash of the whole of {@code data}. */
    public byte[] leaf(byte[] data) {
        byte[] out = new byte[HASH_BYTES];
        leaf(data, 0, data.length, out, 0);
        return out;
    }

    /** Writes the interior node hash of two 32-byte children to {@code out[outOffset..]}. */
    public void node(byte[] left, int leftOffset, byte[] right, int rightOffset,
                     byte[] out, int outOffset) {
        digest.update(NODE_PREFIX);
        digest.update(left, leftOffset, HASH_BYTES);
        digest.update(right, rightOffset, HASH_BYTES);
        finish(out, outOffset);
    }

    /** Returns the interior node hash of two 32-byte children. */
    public byte[] node(byte[] left, byte[] right) {
        byte[] out = new byte[HASH_BYTES];
        node(left, 0, right, 0, out, 0);
        return out;
    }

    private void finish(byte[] out, int outOffset) {
        try {
            digest.digest(out, outOffset, HASH_BYTES);
        } catch (DigestException e) {
            // Only thrown when the output window is too small, which the callers rule out.
            throw new IllegalStateException("output buffer must hold 32 bytes", e);
        }
    }
}
