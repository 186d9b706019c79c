package org.quartermaster.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A client that kept an old signed head detects a rewritten history. */
class OldHeadClientTest {

    @Test
    void clientWithOldHeadDetectsRewrittenHistory() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        JournalKeys keys = JournalKeys.generate();
        MerkleTree honest = new MerkleTree(new InMemoryNodeStore());
        for (int i = 0; i < 40; i++) {
            honest.append(Fixtures.event(i, random).encode());
        }
        SignedTreeHead old = keys.sign(new TreeHead(40, honest.rootHash(), 1000));

        // The operator rewrites event 17 and rebuilds the tree, then keeps appending.
        MerkleTree rewritten = new MerkleTree(new InMemoryNodeStore());
        Random replay = new Random(seed);
        for (int i = 0; i < 60; i++) {
            JournalEvent event = Fixtures.event(i, replay);
            if (i == 17) {
                event = new JournalEvent(17, event.timeMillis(), "someone-else",
                        event.organisation(), event.type(), event.entityId(), event.payload());
            }
            rewritten.append(event.encode());
        }
        SignedTreeHead fresh = keys.sign(new TreeHead(60, rewritten.rootHash(), 2000));
        assertThat(fresh.verify(keys.publicKey())).isTrue();

        // The client checks the new head against its old one: the proof cannot connect them.
        List<byte[]> proof = rewritten.consistencyProof(40, 60);
        assertThat(ProofVerifier.verifyConsistency(old.treeSize(), fresh.treeSize(),
                old.rootHash(), fresh.rootHash(), proof)).as("seed %d", seed).isFalse();

        // The honest continuation of the same history does connect.
        for (int i = 40; i < 60; i++) {
            honest.append(Fixtures.event(i, random).encode());
        }
        assertThat(ProofVerifier.verifyConsistency(40, 60, old.rootHash(), honest.rootHash(),
                honest.consistencyProof(40, 60))).as("seed %d", seed).isTrue();
    }
}
