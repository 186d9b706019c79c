package org.quartermaster.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 6962 / RFC 9162 known-answer vectors. Leaves, roots and proofs are the ones published
 * in transparency-dev/merkle (testonly/constants.go and proof/verify_test.go), themselves
 * taken from Google's certificate-transparency reference tests. Their leaf numbers are
 * 1-based; ours are 0-based indices.
 */
class KnownAnswerTest {

    static final List<byte[]> LEAVES = List.of(Hex.bytes(""), Hex.bytes("00"), Hex.bytes("10"),
            Hex.bytes("2021"), Hex.bytes("3031"), Hex.bytes("40414243"),
            Hex.bytes("5051525354555657"), Hex.bytes("606162636465666768696a6b6c6d6e6f"));

    /** Roots for tree sizes 1..8 (index 0 is size 1). */
    static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    static final String EMPTY_ROOT =
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    record InclusionVector(long index, long size, List<String> proof) {
    }

    record ConsistencyVector(long first, long second, List<String> proof) {
    }

    static final List<InclusionVector> INCLUSION = List.of(
            new InclusionVector(0, 1, List.of()),
            new InclusionVector(0, 8, List.of(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new InclusionVector(5, 8, List.of(
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new InclusionVector(2, 3, List.of(
                    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new InclusionVector(1, 5, List.of(
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

    static final List<ConsistencyVector> CONSISTENCY = List.of(
            new ConsistencyVector(1, 1, List.of()),
            new ConsistencyVector(1, 8, List.of(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new ConsistencyVector(6, 8, List.of(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new ConsistencyVector(2, 5, List.of(
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new ConsistencyVector(6, 7, List.of(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    static MerkleTree eightLeafTree() {
        MerkleTree tree = new MerkleTree(new InMemoryNodeStore());
        LEAVES.forEach(tree::append);
        return tree;
    }

    @Test
    void emptyTreeRootIsSha256OfTheEmptyString() {
        assertThat(Hex.of(TreeHasher.emptyRoot())).isEqualTo(EMPTY_ROOT);
        assertThat(Hex.of(new MerkleTree(new InMemoryNodeStore()).rootHash())).isEqualTo(EMPTY_ROOT);
    }

    @Test
    void rootsOfSizesOneToEightMatchPublishedVectors() {
        MerkleTree tree = new MerkleTree(new InMemoryNodeStore());
        for (int size = 1; size <= 8; size++) {
            tree.append(LEAVES.get(size - 1));
            assertThat(Hex.of(tree.rootHash())).as("current root at size %d", size)
                    .isEqualTo(ROOTS.get(size - 1));
        }
        for (int size = 1; size <= 8; size++) {
            assertThat(Hex.of(tree.rootHash(size))).as("historic root at size %d", size)
                    .isEqualTo(ROOTS.get(size - 1));
        }
    }

    @Test
    void inclusionProofsMatchAndVerifyAgainstPublishedVectors() {
        MerkleTree tree = eightLeafTree();
        for (InclusionVector v : INCLUSION) {
            List<String> produced = tree.inclusionProof(v.index(), v.size()).stream()
                    .map(Hex::of).toList();
            assertThat(produced).as("proof for %s", v).isEqualTo(v.proof());
            byte[] leafHash = new TreeHasher().leaf(LEAVES.get((int) v.index()));
            byte[] root = Hex.bytes(ROOTS.get((int) v.size() - 1));
            assertThat(ProofVerifier.verifyInclusion(leafHash, v.index(), v.size(),
                    v.proof().stream().map(Hex::bytes).toList(), root)).as("%s", v).isTrue();
        }
    }

    @Test
    void consistencyProofsMatchAndVerifyAgainstPublishedVectors() {
        MerkleTree tree = eightLeafTree();
        for (ConsistencyVector v : CONSISTENCY) {
            List<String> produced = tree.consistencyProof(v.first(), v.second()).stream()
                    .map(Hex::of).toList();
            assertThat(produced).as("proof for %s", v).isEqualTo(v.proof());
            assertThat(ProofVerifier.verifyConsistency(v.first(), v.second(),
                    Hex.bytes(ROOTS.get((int) v.first() - 1)),
                    Hex.bytes(ROOTS.get((int) v.second() - 1)),
                    v.proof().stream().map(Hex::bytes).toList())).as("%s", v).isTrue();
        }
    }

    @Test
    void storedSubtreesMatchPublishedNodeHashes() {
        // testonly/constants.go NodeHashes(): level 2 and level 3 of the 8-leaf tree.
        NodeStore store = new InMemoryNodeStore();
        MerkleTree tree = new MerkleTree(store);
        LEAVES.forEach(tree::append);
        assertThat(Hex.of(store.get(2, 1)))
                .isEqualTo("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(Hex.of(store.get(3, 0))).isEqualTo(ROOTS.get(7));
    }
}
