package org.quartermaster.journal;

import java.util.ArrayList;
import java.util.List;

/**
 * Independent reference: RFC 9162 MTH, PATH and PROOF written straight from the recursive
 * definitions over the full list of leaf inputs, with no stored nodes and no shortcuts.
 */
final class ReferenceTree {
    private final List<byte[]> leaves;
    private final TreeHasher hasher = new TreeHasher();

    ReferenceTree(List<byte[]> leaves) {
        this.leaves = leaves;
    }

    byte[] mth(int start, int end) {
        int n = end - start;
        if (n == 0) {
            return TreeHasher.emptyRoot();
        }
        if (n == 1) {
            return hasher.leaf(leaves.get(start));
        }
        int k = Integer.highestOneBit(n - 1);
        return hasher.node(mth(start, start + k), mth(start + k, end));
    }

    List<byte[]> path(int m, int start, int end) {
        int n = end - start;
        List<byte[]> out = new ArrayList<>();
        if (n <= 1) {
            return out;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m < k) {
            out.addAll(path(m, start, start + k));
            out.add(mth(start + k, end));
        } else {
            out.addAll(path(m - k, start + k, end));
            out.add(mth(start, start + k));
        }
        return out;
    }

    List<byte[]> proof(int m, int n) {
        return m == 0 || m == n ? List.of() : subproof(m, 0, n, true);
    }

    private List<byte[]> subproof(int m, int start, int end, boolean b) {
        int n = end - start;
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(mth(start, end));
            }
            return out;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m <= k) {
            out.addAll(subproof(m, start, start + k, b));
            out.add(mth(start + k, end));
        } else {
            out.addAll(subproof(m - k, start + k, end, false));
            out.add(mth(start, start + k));
        }
        return out;
    }
}
