package org.quartermaster.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * For every tree size 1..64, every inclusion and consistency proof verifies and every
 * corrupted variant is rejected; proofs and roots also equal an independent reference.
 */
class ExhaustiveProofTest {

    static final int SIZE_MAX = 64;

    private final List<byte[]> leaves = new ArrayList<>();
    private final MerkleTree tree = new MerkleTree(new InMemoryNodeStore());
    private final byte[][] roots = new byte[SIZE_MAX + 1][];
    private final Tally tally = new Tally();

    ExhaustiveProofTest() {
        for (int i = 0; i < SIZE_MAX; i++) {
            byte[] leaf = ("event-" + i).getBytes(StandardCharsets.UTF_8);
            leaves.add(leaf);
            tree.append(leaf);
        }
        ReferenceTree reference = new ReferenceTree(leaves);
        for (int size = 0; size <= SIZE_MAX; size++) {
            roots[size] = reference.mth(0, size);
        }
    }

    /** Counts of proofs that verified, variants rejected, and variants wrongly accepted. */
    static final class Tally {
        long good;
        long rejected;
        final List<String> falseAccepts = new ArrayList<>();

        void expectAccepted(boolean accepted, String what) {
            assertThat(accepted).as("valid proof must verify: %s", what).isTrue();
            good++;
        }

        void expectRejected(boolean accepted, String what) {
            if (accepted) {
                falseAccepts.add(what);
            } else {
                rejected++;
            }
        }
    }

    @Test
    void everyInclusionProofVerifiesAndEveryCorruptionIsRejected() {
        ReferenceTree reference = new ReferenceTree(leaves);
        TreeHasher hasher = new TreeHasher();
        for (int size = 1; size <= SIZE_MAX; size++) {
            assertThat(tree.rootHash(size)).as("root at %d", size).isEqualTo(roots[size]);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = tree.inclusionProof(index, size);
                assertThat(proof).as("proof (%d, %d)", index, size)
                        .usingElementComparator(java.util.Arrays::compare)
                        .containsExactlyElementsOf(reference.path(index, 0, size));
                byte[] leaf = hasher.leaf(leaves.get(index));
                String what = "inclusion(" + index + "," + size + ")";
                tally.expectAccepted(ProofVerifier.verifyInclusion(leaf, index, size, proof,
                        roots[size]), what);
                corruptInclusion(leaf, index, size, proof, what);
            }
        }
        report("inclusion");
    }

    private void corruptInclusion(byte[] leaf, long index, long size, List<byte[]> proof,
                                  String what) {
        byte[] root = roots[(int) size];
        for (long wrongIndex : new long[] {index - 1, index + 1, index ^ 2, size, -1}) {
            tally.expectRejected(ProofVerifier.verifyInclusion(leaf, wrongIndex, size, proof,
                    root), what + " index " + wrongIndex);
        }
        for (long wrongSize : new long[] {size * 2, size / 2, 0, -size}) {
            tally.expectRejected(ProofVerifier.verifyInclusion(leaf, index, wrongSize, proof,
                    root), what + " size " + wrongSize);
        }
        // A wrong size with the genuine root of that size: proving membership in another head.
        for (long wrongSize = index + 1; wrongSize <= SIZE_MAX; wrongSize++) {
            if (wrongSize != size) {
                tally.expectRejected(ProofVerifier.verifyInclusion(leaf, index, wrongSize, proof,
                        roots[(int) wrongSize]), what + " head of size " + wrongSize);
            }
        }
        tally.expectRejected(ProofVerifier.verifyInclusion(flip(root, 0), index, size, proof,
                root), what + " wrong leaf");
        tally.expectRejected(ProofVerifier.verifyInclusion(leaf, index, size, proof,
                flip(root, 255)), what + " wrong root");
        for (List<byte[]> bad : structuralCorruptions(proof, root)) {
            tally.expectRejected(ProofVerifier.verifyInclusion(leaf, index, size, bad, root),
                    what + " proof " + describe(bad, proof));
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndEveryCorruptionIsRejected() {
        ReferenceTree reference = new ReferenceTree(leaves);
        for (int second = 1; second <= SIZE_MAX; second++) {
            for (int first = 0; first <= second; first++) {
                List<byte[]> proof = tree.consistencyProof(first, second);
                assertThat(proof).as("proof (%d, %d)", first, second)
                        .usingElementComparator(java.util.Arrays::compare)
                        .containsExactlyElementsOf(reference.proof(first, second));
                String what = "consistency(" + first + "," + second + ")";
                tally.expectAccepted(ProofVerifier.verifyConsistency(first, second,
                        roots[first], roots[second], proof), what);
                corruptConsistency(first, second, proof, what);
            }
        }
        report("consistency");
    }

    private void corruptConsistency(int first, int second, List<byte[]> proof, String what) {
        byte[] r1 = roots[first];
        byte[] r2 = roots[second];
        if (first != second) {
            tally.expectRejected(ProofVerifier.verifyConsistency(first, second, r2, r1, proof),
                    what + " swapped roots");
        }
        for (long wrong : new long[] {first - 1L, first + 1L, first ^ 2, -1, second + 1L}) {
            // The empty tree is a prefix of every tree: (0, n) with the empty root is true.
            if (wrong != first && wrong != 0) {
                byte[] wrongRoot = wrong >= 0 && wrong <= SIZE_MAX ? roots[(int) wrong] : r1;
                // (n, n) with equal roots and an empty proof is also a true statement.
                if (!(wrong == second && proof.isEmpty())) {
                    tally.expectRejected(ProofVerifier.verifyConsistency(wrong, second,
                            wrongRoot, r2, proof), what + " first " + wrong + " with its root");
                }
                tally.expectRejected(ProofVerifier.verifyConsistency(wrong, second, r1, r2,
                        proof), what + " first " + wrong);
            }
        }
        for (long wrong : new long[] {second * 2L, second / 2L, second - 1L, second + 1L}) {
            if (wrong != second && wrong != first && first != 0) {
                byte[] wrongRoot = wrong >= 0 && wrong <= SIZE_MAX ? roots[(int) wrong] : r2;
                tally.expectRejected(ProofVerifier.verifyConsistency(first, wrong, r1,
                        wrongRoot, proof), what + " second " + wrong + " with its root");
            }
        }
        tally.expectRejected(ProofVerifier.verifyConsistency(first, second, flip(r1, 7), r2,
                proof), what + " wrong first root");
        if (first != 0) {
            tally.expectRejected(ProofVerifier.verifyConsistency(first, second, r1,
                    flip(r2, 7), proof), what + " wrong second root");
        }
        for (List<byte[]> bad : structuralCorruptions(proof, r1)) {
            tally.expectRejected(ProofVerifier.verifyConsistency(first, second, r1, r2, bad),
                    what + " proof " + describe(bad, proof));
        }
    }

    /** Flipped bit in each node (every bit position class), extra and missing nodes. */
    static List<List<byte[]>> structuralCorruptions(List<byte[]> proof, byte[] someHash) {
        List<List<byte[]>> out = new ArrayList<>();
        for (int i = 0; i < proof.size(); i++) {
            for (int bit : new int[] {0, 3, 100, 255}) {
                List<byte[]> copy = new ArrayList<>(proof);
                copy.set(i, flip(proof.get(i), bit));
                out.add(copy);
            }
            List<byte[]> missing = new ArrayList<>(proof);
            missing.remove(i);
            out.add(missing);
        }
        for (byte[] extra : new byte[][] {someHash, TreeHasher.emptyRoot()}) {
            List<byte[]> appended = new ArrayList<>(proof);
            appended.add(extra);
            out.add(appended);
            List<byte[]> prepended = new ArrayList<>(proof);
            prepended.add(0, extra);
            out.add(prepended);
        }
        if (!proof.isEmpty()) {
            List<byte[]> duplicated = new ArrayList<>(proof);
            duplicated.add(0, proof.get(0));
            out.add(duplicated);
            List<byte[]> shortNode = new ArrayList<>(proof);
            shortNode.set(0, new byte[31]);
            out.add(shortNode);
        }
        return out;
    }

    static byte[] flip(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    private static String describe(List<byte[]> bad, List<byte[]> proof) {
        return "of " + bad.size() + " nodes (genuine " + proof.size() + ")";
    }

    private void report(String kind) {
        System.out.printf("%s proofs, sizes 1..%d: good=%d rejected=%d falseAccepts=%d%n",
                kind, SIZE_MAX, tally.good, tally.rejected, tally.falseAccepts.size());
        assertThat(tally.falseAccepts).as("corrupted %s proofs accepted", kind).isEmpty();
        assertThat(tally.rejected).as("corruptions tried").isGreaterThan(tally.good);
    }

    @Test
    void malformedInputsAreRejectedWithoutExceptions() {
        byte[] h = roots[1];
        assertThat(ProofVerifier.verifyInclusion(null, 0, 1, List.of(), h)).isFalse();
        assertThat(ProofVerifier.verifyInclusion(h, 0, 1, null, h)).isFalse();
        assertThat(ProofVerifier.verifyInclusion(h, 0, 1, List.of(), null)).isFalse();
        assertThat(ProofVerifier.verifyInclusion(h, 0, 0, List.of(), h)).isFalse();
        assertThat(ProofVerifier.verifyInclusion(h, Long.MAX_VALUE, Long.MIN_VALUE, List.of(), h))
                .isFalse();
        assertThat(ProofVerifier.verifyConsistency(1, 1, h, null, List.of())).isFalse();
        assertThat(ProofVerifier.verifyConsistency(2, 1, h, h, List.of())).isFalse();
        assertThat(ProofVerifier.verifyConsistency(Long.MIN_VALUE, Long.MAX_VALUE, h, h,
                List.of(h))).isFalse();
        List<byte[]> tooLong = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            tooLong.add(h);
        }
        assertThat(ProofVerifier.verifyConsistency(3, Long.MAX_VALUE, h, h, tooLong)).isFalse();
        assertThat(ProofVerifier.verifyInclusion(h, 3, Long.MAX_VALUE, tooLong, h)).isFalse();
    }

    @Test
    void randomLargerTreesAgreeWithReference() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<byte[]> big = new ArrayList<>();
        MerkleTree bigTree = new MerkleTree(new InMemoryNodeStore());
        for (int i = 0; i < 3000; i++) {
            byte[] leaf = new byte[random.nextInt(40)];
            random.nextBytes(leaf);
            big.add(leaf);
            bigTree.append(leaf);
        }
        ReferenceTree reference = new ReferenceTree(big);
        TreeHasher hasher = new TreeHasher();
        for (int trial = 0; trial < 200; trial++) {
            int size = 1 + random.nextInt(big.size());
            int index = random.nextInt(size);
            int first = random.nextInt(size + 1);
            byte[] root = reference.mth(0, size);
            String why = "seed " + seed + " size " + size + " index " + index + " first " + first;
            assertThat(bigTree.rootHash(size)).as(why).isEqualTo(root);
            assertThat(ProofVerifier.verifyInclusion(hasher.leaf(big.get(index)), index, size,
                    bigTree.inclusionProof(index, size), root)).as(why).isTrue();
            assertThat(ProofVerifier.verifyConsistency(first, size, reference.mth(0, first),
                    root, bigTree.consistencyProof(first, size))).as(why).isTrue();
        }
    }

    @Test
    void reopenedTreeContinuesFromStoredNodes() {
        InMemoryNodeStore store = new InMemoryNodeStore();
        MerkleTree first = new MerkleTree(store);
        for (int i = 0; i < 37; i++) {
            first.append(leaves.get(i));
        }
        MerkleTree reopened = new MerkleTree(store, 37);
        for (int i = 37; i < SIZE_MAX; i++) {
            reopened.append(leaves.get(i));
        }
        assertThat(reopened.rootHash()).isEqualTo(roots[SIZE_MAX]);
    }
}
