package org.quartermaster.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The journal facade: appends events to the tree and signs a head whenever the
 * {@link SigningPolicy} says one is due. Heads are returned to the caller, who stores them
 * (in the same transaction as the event). Not thread-safe: one writer, like the tree.
 */
public final class Journal {

    /** What an append produced: the event's leaf index and the head signed after it, if any. */
    public record Appended(long leafIndex, Optional<SignedTreeHead> signedHead) {
    }

    private final MerkleTree tree;
    private final JournalKeys keys;
    private final SigningPolicy policy;
    private final Clock clock;
    private long lastHeadSize;
    private Instant lastHeadTime;

    /**
     * A journal over {@code tree} (possibly reopened with events) whose last signed head had
     * {@code lastHeadSize} events.
     */
    public Journal(MerkleTree tree, JournalKeys keys, SigningPolicy policy, Clock clock,
                   long lastHeadSize) {
        if (lastHeadSize < 0 || lastHeadSize > tree.size()) {
            throw new IllegalArgumentException("lastHeadSize must be in [0, tree size]");
        }
        this.tree = tree;
        this.keys = keys;
        this.policy = policy;
        this.clock = clock;
        this.lastHeadSize = lastHeadSize;
        this.lastHeadTime = clock.instant();
    }

    /**
     * Appends {@code event}, whose sequence must be the next leaf index.
     *
     * @throws IllegalArgumentException if the sequence is not {@link MerkleTree#size()}
     */
    public Appended append(JournalEvent event) {
        if (event.sequence() != tree.size()) {
            throw new IllegalArgumentException("event sequence must be " + tree.size()
                    + ", got " + event.sequence());
        }
        long index = tree.append(event.encode());
        return new Appended(index, signIfDue());
    }

    /** Signs a head now if there are unsigned events and the policy says so. */
    public Optional<SignedTreeHead> signIfDue() {
        Duration since = Duration.between(lastHeadTime, clock.instant());
        if (!policy.due(tree.size() - lastHeadSize, since)) {
            return Optional.empty();
        }
        return Optional.of(signNow());
    }

    /** Signs a head at the current size now (e.g. for an export or at shutdown). */
    public SignedTreeHead signNow() {
        Instant now = clock.instant();
        SignedTreeHead head = keys.sign(new TreeHead(tree.size(), tree.rootHash(),
                now.toEpochMilli()));
        lastHeadSize = tree.size();
        lastHeadTime = now;
        return head;
    }

    public long size() {
        return tree.size();
    }

    public byte[] leafHash(long index) {
        return tree.leafHash(index);
    }

    public List<byte[]> inclusionProof(long index, long treeSize) {
        return tree.inclusionProof(index, treeSize);
    }

    public List<byte[]> consistencyProof(long first, long second) {
        return tree.consistencyProof(first, second);
    }

    public byte[] rootHash(long treeSize) {
        return tree.rootHash(treeSize);
    }
}
