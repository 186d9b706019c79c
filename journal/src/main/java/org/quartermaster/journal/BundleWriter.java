package org.quartermaster.journal;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Streams a journal bundle: header with the public key, then events and signed heads in
 * journal order, then a trailer with the counts. Heads must be written right after the event
 * that completes their size, so a reader can check each head the moment it arrives.
 */
public final class BundleWriter implements AutoCloseable {

    private final DataOutputStream out;
    private final TreeHasher hasher = new TreeHasher();
    private final byte[] leafHash = new byte[TreeHasher.HASH_BYTES];
    private long events;
    private long heads;
    private long lastHeadSize;
    private boolean closed;

    /** Writes the header to {@code sink}; {@code publicKeyX509} is the journal's key. */
    public BundleWriter(OutputStream sink, byte[] publicKeyX509) throws IOException {
        if (publicKeyX509 == null || publicKeyX509.length == 0
                || publicKeyX509.length > BundleFormat.PUBLIC_KEY_BYTES_MAX) {
            throw new IllegalArgumentException("public key must be 1.."
                    + BundleFormat.PUBLIC_KEY_BYTES_MAX + " bytes");
        }
        this.out = new DataOutputStream(new BufferedOutputStream(sink, 1 << 16));
        out.write(BundleFormat.MAGIC);
        out.writeInt(publicKeyX509.length);
        out.write(publicKeyX509);
    }

    /** Writes an event, computing its leaf hash (use when the leaf hash is not stored). */
    public void writeEvent(byte[] eventBytes) throws IOException {
        hasher.leaf(eventBytes, 0, eventBytes.length, leafHash, 0);
        writeEvent(eventBytes, leafHash);
    }

    /**
     * Writes an event with the leaf hash the journal stored for it. Exports should pass the
     * stored hash, not a recomputed one: then the verifier can tell exactly which event's
     * bytes no longer match what the signed tree committed to.
     */
    public void writeEvent(byte[] eventBytes, byte[] recordedLeafHash) throws IOException {
        if (eventBytes.length > JournalEvent.ENCODED_BYTES_MAX) {
            throw new IllegalArgumentException("event must be at most "
                    + JournalEvent.ENCODED_BYTES_MAX + " bytes");
        }
        if (recordedLeafHash.length != TreeHasher.HASH_BYTES) {
            throw new IllegalArgumentException("leaf hash must be 32 bytes");
        }
        out.writeByte(BundleFormat.EVENT);
        out.writeInt(eventBytes.length);
        out.write(eventBytes);
        out.write(recordedLeafHash);
        events++;
    }

    /** Writes a signed head; its size must equal the number of events written so far. */
    public void writeHead(SignedTreeHead head) throws IOException {
        if (head.treeSize() != events) {
            throw new IllegalArgumentException("head size must equal events written ("
                    + events + "), got " + head.treeSize());
        }
        if (heads > 0 && head.treeSize() < lastHeadSize) {
            throw new IllegalArgumentException("heads must not shrink");
        }
        out.writeByte(BundleFormat.HEAD);
        out.writeLong(head.treeSize());
        out.writeLong(head.timestampMillis());
        out.write(head.rootHash());
        out.write(head.signature());
        lastHeadSize = head.treeSize();
        heads++;
    }

    /** Writes the trailer and flushes; does not close the underlying stream's owner. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        out.writeByte(BundleFormat.END);
        out.writeLong(events);
        out.writeLong(heads);
        out.flush();
        out.close();
    }
}
