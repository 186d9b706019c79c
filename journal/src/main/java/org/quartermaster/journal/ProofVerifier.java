package org.quartermaster.journal;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure verifiers of RFC 9162 proofs, step by step as sections 2.1.3.2 and 2.1.4.2 say.
 * They never throw on bad input: any malformed argument (null, a hash that is not 32 bytes,
 * negative or impossible sizes, a proof of the wrong length) makes them return {@code false}.
 */
public final class ProofVerifier {

    private ProofVerifier() {
    }

    /**
     * RFC 9162 section 2.1.3.2: does {@code proof} show that the leaf with hash
     * {@code leafHash} sits at {@code leafIndex} in the tree of {@code treeSize} leaves whose
     * root is {@code rootHash}?
     */
    public static boolean verifyInclusion(byte[] leafHash, long leafIndex, long treeSize,
                                          List<byte[]> proof, byte[] rootHash) {
        if (!isHash(leafHash) || !isHash(rootHash) || !isWellFormed(proof)) {
            return false;
        }
        // Step 1: the index must lie inside the tree (also rules out treeSize <= 0).
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        TreeHasher hasher = new TreeHasher();
        long fn = leafIndex;            // step 2
        long sn = treeSize - 1;
        byte[] r = leafHash.clone();    // step 3
        for (byte[] p : proof) {        // step 4
            if (sn == 0) {              // 4a: the proof is longer than the path
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {                    // 4b
                hasher.node(p, 0, r, 0, r, 0);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                hasher.node(r, 0, p, 0, r, 0);
            }
            fn >>>= 1;                  // 4c
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, rootHash);  // step 5
    }

    /**
     * RFC 9162 section 2.1.4.2: does {@code proof} show that the tree of {@code first} leaves
     * with root {@code firstHash} is a prefix of the tree of {@code second} leaves with root
     * {@code secondHash}? The RFC algorithm covers {@code 0 < first < second}; outside it, per
     * section 2.1.4.1, equal sizes need an empty proof and equal roots, and size 0 (the empty
     * tree, root SHA-256("")) needs an empty proof.
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstHash,
                                            byte[] secondHash, List<byte[]> proof) {
        if (!isHash(firstHash) || !isHash(secondHash) || !isWellFormed(proof)) {
            return false;
        }
        if (first < 0 || second < first) {
            return false;
        }
        if (first == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(firstHash, TreeHasher.emptyRoot());
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstHash, secondHash);
        }
        return verifyProperConsistency(first, second, firstHash, secondHash, proof);
    }

    private static boolean verifyProperConsistency(long first, long second, byte[] firstHash,
                                                   byte[] secondHash, List<byte[]> proof) {
        if (proof.isEmpty()) {                                  // step 1
            return false;
        }
        List<byte[]> path = proof;
        if (Long.bitCount(first) == 1) {                        // step 2
            path = new ArrayList<>(proof.size() + 1);
            path.add(firstHash);
            path.addAll(proof);
        }
        long fn = first - 1;                                    // step 3
        long sn = second - 1;
        while ((fn & 1) == 1) {                                 // step 4
            fn >>>= 1;
            sn >>>= 1;
        }
        TreeHasher hasher = new TreeHasher();
        byte[] fr = path.get(0).clone();                        // step 5
        byte[] sr = path.get(0).clone();
        for (int i = 1; i < path.size(); i++) {                 // step 6
            byte[] c = path.get(i);
            if (sn == 0) {                                      // 6a
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {                    // 6b
                hasher.node(c, 0, fr, 0, fr, 0);
                hasher.node(c, 0, sr, 0, sr, 0);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                hasher.node(sr, 0, c, 0, sr, 0);
            }
            fn >>>= 1;                                          // 6c
            sn >>>= 1;
        }
        return MessageDigest.isEqual(fr, firstHash)             // step 7
                && MessageDigest.isEqual(sr, secondHash) && sn == 0;
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == TreeHasher.HASH_BYTES;
    }

    private static boolean isWellFormed(List<byte[]> proof) {
        if (proof == null || proof.size() > MerkleTree.PROOF_NODES_MAX + 1) {
            return false;
        }
        for (byte[] node : proof) {
            if (!isHash(node)) {
                return false;
            }
        }
        return true;
    }
}
