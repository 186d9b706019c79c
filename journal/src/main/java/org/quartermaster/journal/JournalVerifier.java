package org.quartermaster.journal;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.HexFormat;

/**
 * Streaming offline verification: feed events and signed heads in journal order, then call
 * {@link #finish()}. It recomputes the tree from the event bytes, checks every head's
 * signature and root at its size, and stops at the first divergence.
 *
 * <p>Checks, in stream order: each event is well formed and carries its position as sequence
 * number; at each head the signature verifies and the root of the recorded leaf hashes equals
 * the signed root, which authenticates those hashes; an event whose bytes do not hash to its
 * authenticated recorded hash is reported as changed at its own number. Memory is O(log n):
 * only the right border of the tree is kept. Not thread-safe.
 */
public final class JournalVerifier {

    private final PublicKey key;
    private final TreeHasher hasher = new TreeHasher();
    private final byte[][] border = new byte[InMemoryNodeStore.LEVELS_MAX][TreeHasher.HASH_BYTES];
    private final byte[] leaf = new byte[TreeHasher.HASH_BYTES];
    private final byte[] node = new byte[TreeHasher.HASH_BYTES];
    private long events;
    private long heads;
    private long lastHeadSize;
    private long firstChangedEvent = -1;
    private Verification.Divergence divergence;

    /** Verifies against {@code key}, the journal's Ed25519 public key. */
    public JournalVerifier(PublicKey key) {
        if (key == null) {
            throw new IllegalArgumentException("key must not be null");
        }
        this.key = key;
    }

    /** True once a divergence was found; later input is ignored. */
    public boolean diverged() {
        return divergence != null;
    }

    /** Feeds one event without a recorded leaf hash (the tree is built from its bytes). */
    public void event(byte[] bytes, int offset, int length) {
        event(bytes, offset, length, null);
    }

    /**
     * Feeds one event with the leaf hash the journal recorded for it (may be null). The tree
     * is built from the recorded hashes when present, so that a signed head authenticates them.
     */
    public void event(byte[] bytes, int offset, int length, byte[] recordedLeafHash) {
        if (divergence != null) {
            return;
        }
        if (!checkStructure(bytes, offset, length)) {
            return;
        }
        hasher.leaf(bytes, offset, length, leaf, 0);
        addEvent(recordedLeafHash);
    }

    /**
     * Feeds one event whose leaf hash {@code leafHash[leafHashOffset..+32)} the caller already
     * computed with {@link TreeHasher#leaf} over exactly these bytes, typically on other
     * threads: leaves are independent, so hashing them in parallel is safe, while the order
     * dependent checks (sequence, tree, heads) stay here on one thread.
     */
    public void eventPrehashed(byte[] bytes, int offset, int length, byte[] leafHash,
                               int leafHashOffset, byte[] recordedLeafHash) {
        if (divergence != null) {
            return;
        }
        if (!checkStructure(bytes, offset, length)) {
            return;
        }
        System.arraycopy(leafHash, leafHashOffset, leaf, 0, TreeHasher.HASH_BYTES);
        addEvent(recordedLeafHash);
    }

    private void addEvent(byte[] recordedLeafHash) {
        if (recordedLeafHash != null) {
            if (firstChangedEvent < 0 && !MessageDigest.isEqual(leaf, recordedLeafHash)) {
                firstChangedEvent = events;
            }
            System.arraycopy(recordedLeafHash, 0, leaf, 0, TreeHasher.HASH_BYTES);
        }
        addLeaf(leaf);
        events++;
    }

    /** Feeds a signed head; it must come right after the event that completes its size. */
    public void head(SignedTreeHead head) {
        if (divergence != null) {
            return;
        }
        long size = head.treeSize();
        if (size != events) {
            divergence = new Verification.Unsigned(Math.min(size, events), "signed head "
                    + heads + " claims size " + size + " but sits after " + events + " events");
        } else if (!head.verify(key)) {
            divergence = new Verification.HeadSignatureInvalid(lastHeadSize, heads, size);
        } else if (!MessageDigest.isEqual(rootHash(), head.rootHash())) {
            divergence = new Verification.HeadRootMismatch(lastHeadSize, heads, size);
        } else if (firstChangedEvent >= 0) {
            divergence = new Verification.EventChanged(firstChangedEvent, size);
        } else {
            lastHeadSize = size;
        }
        heads++;
    }

    /** The result: the first divergence, or {@link Verification.Verified}. */
    public Verification finish() {
        if (divergence != null) {
            return divergence;
        }
        if (lastHeadSize != events) {
            return new Verification.Unsigned(lastHeadSize, "events " + lastHeadSize + ".."
                    + (events - 1) + " are not covered by any signed head");
        }
        return new Verification.Verified(events, heads, HexFormat.of().formatHex(rootHash()));
    }

    /** Records a divergence found outside the stream (e.g. a malformed bundle). */
    void fail(Verification.Divergence found) {
        if (divergence == null) {
            divergence = found;
        }
    }

    /** Events fed so far. */
    public long events() {
        return events;
    }

    private boolean checkStructure(byte[] bytes, int offset, int length) {
        String problem = EventFormat.check(bytes, offset, length);
        if (problem != null) {
            divergence = new Verification.EventMalformed(events, problem);
            return false;
        }
        long sequence = EventFormat.sequence(bytes, offset);
        if (sequence == events) {
            return true;
        }
        divergence = sequence == events - 1 ? new Verification.SequenceRepeated(events - 1)
                : new Verification.SequenceBroken(events, sequence);
        return false;
    }

    // Same right-border fold as MerkleTree.appendLeafHash, without a store.
    private void addLeaf(byte[] leafHash) {
        System.arraycopy(leafHash, 0, node, 0, TreeHasher.HASH_BYTES);
        int level = 0;
        long index = events;
        while ((index & 1) == 1) {
            hasher.node(border[level], 0, node, 0, node, 0);
            level++;
            index >>>= 1;
        }
        System.arraycopy(node, 0, border[level], 0, TreeHasher.HASH_BYTES);
    }

    private byte[] rootHash() {
        if (events == 0) {
            return TreeHasher.emptyRoot();
        }
        byte[] root = null;
        for (int level = 0; level < InMemoryNodeStore.LEVELS_MAX; level++) {
            if ((events >>> level & 1) == 1) {
                root = root == null ? border[level].clone() : hasher.node(border[level], root);
            }
        }
        return root;
    }
}
