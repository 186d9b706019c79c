package org.quartermaster.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InMemoryNodeStoreTest {

    @Test
    void treeSpanningSeveralPagesServesOldRootsAndProofs() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        InMemoryNodeStore store = new InMemoryNodeStore();
        MerkleTree tree = new MerkleTree(store);
        TreeHasher hasher = new TreeHasher();
        Map<Long, byte[]> rootsSeen = new HashMap<>();
        int leaves = 100_000; // 3 pages of 32768 leaf hashes
        for (int i = 0; i < leaves; i++) {
            tree.append(ByteBuffer.allocate(8).putLong(i).array());
            if (random.nextInt(5000) == 0 || i == leaves - 1) {
                rootsSeen.put(tree.size(), tree.rootHash());
            }
        }
        assertThat(store.count(0)).isEqualTo(leaves);
        assertThat(store.count(1)).isEqualTo(leaves / 2);
        for (Map.Entry<Long, byte[]> seen : rootsSeen.entrySet()) {
            long size = seen.getKey();
            String why = "seed " + seed + " size " + size;
            assertThat(tree.rootHash(size)).as(why).isEqualTo(seen.getValue());
            long index = random.nextLong(size);
            byte[] leaf = hasher.leaf(ByteBuffer.allocate(8).putLong(index).array());
            assertThat(ProofVerifier.verifyInclusion(leaf, index, size,
                    tree.inclusionProof(index, size), seen.getValue())).as(why).isTrue();
            assertThat(ProofVerifier.verifyConsistency(size, leaves, seen.getValue(),
                    tree.rootHash(), tree.consistencyProof(size, leaves))).as(why).isTrue();
        }
    }

    @Test
    void refusesOutOfOrderWritesAndMissingReads() {
        InMemoryNodeStore store = new InMemoryNodeStore();
        byte[] hash = new byte[TreeHasher.HASH_BYTES];
        assertThatThrownBy(() -> store.put(0, 1, hash, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in order");
        store.put(0, 0, hash, 0);
        assertThatThrownBy(() -> store.get(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must have been stored");
        assertThatThrownBy(() -> store.get(64, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("level must be");
    }
}
