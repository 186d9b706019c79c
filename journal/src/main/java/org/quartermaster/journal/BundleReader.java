package org.quartermaster.journal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Streams a bundle written by {@link BundleWriter}. Every length is checked against its
 * limit before anything is allocated, so a hostile file cannot exhaust memory.
 */
public final class BundleReader implements AutoCloseable {

    private final DataInputStream in;
    private final byte[] publicKey;
    private boolean ended;

    /** Reads the header. */
    public BundleReader(InputStream source) throws IOException {
        this.in = new DataInputStream(new BufferedInputStream(source, 1 << 16));
        try {
            byte[] magic = in.readNBytes(BundleFormat.MAGIC.length);
            if (!Arrays.equals(magic, BundleFormat.MAGIC)) {
                throw new BundleFormatException("bundle must start with "
                        + new String(BundleFormat.MAGIC, java.nio.charset.StandardCharsets.US_ASCII));
            }
            int keyLength = in.readInt();
            if (keyLength <= 0 || keyLength > BundleFormat.PUBLIC_KEY_BYTES_MAX) {
                throw new BundleFormatException("public key length must be 1.."
                        + BundleFormat.PUBLIC_KEY_BYTES_MAX + ", got " + keyLength);
            }
            this.publicKey = in.readNBytes(keyLength);
            if (publicKey.length != keyLength) {
                throw new BundleFormatException("bundle is truncated in the public key");
            }
        } catch (EOFException e) {
            throw new BundleFormatException("bundle is truncated in the header");
        }
    }

    /** The X.509 encoded public key the bundle carries. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * The next record; after {@link BundleRecord.End} there are none.
     *
     * @throws BundleFormatException on a truncated file, an unknown record or data after the end
     */
    public BundleRecord next() throws IOException {
        if (ended) {
            throw new IllegalStateException("no records after the end record");
        }
        try {
            int tag = in.read();
            return switch (tag) {
                case BundleFormat.EVENT -> readEvent();
                case BundleFormat.HEAD -> readHead();
                case BundleFormat.END -> readEnd();
                case -1 -> throw new BundleFormatException("bundle is truncated: no end record");
                default -> throw new BundleFormatException("unknown record tag " + tag);
            };
        } catch (EOFException e) {
            throw new BundleFormatException("bundle is truncated inside a record");
        }
    }

    private BundleRecord readEvent() throws IOException {
        int length = in.readInt();
        if (length < 0 || length > JournalEvent.ENCODED_BYTES_MAX) {
            throw new BundleFormatException("event length must be 0.."
                    + JournalEvent.ENCODED_BYTES_MAX + ", got " + length);
        }
        byte[] event = new byte[length];
        in.readFully(event);
        byte[] leafHash = new byte[TreeHasher.HASH_BYTES];
        in.readFully(leafHash);
        return new BundleRecord.Event(event, leafHash);
    }

    private BundleRecord readHead() throws IOException {
        long size = in.readLong();
        long time = in.readLong();
        byte[] root = new byte[TreeHasher.HASH_BYTES];
        in.readFully(root);
        byte[] signature = new byte[SignedTreeHead.SIGNATURE_BYTES];
        in.readFully(signature);
        if (size < 0 || time < 0) {
            throw new BundleFormatException("head size and time must be >= 0");
        }
        return new BundleRecord.Head(new SignedTreeHead(size, root, time, signature));
    }

    private BundleRecord readEnd() throws IOException {
        long events = in.readLong();
        long heads = in.readLong();
        if (in.read() != -1) {
            throw new BundleFormatException("bundle must end after the end record");
        }
        ended = true;
        return new BundleRecord.End(events, heads);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
