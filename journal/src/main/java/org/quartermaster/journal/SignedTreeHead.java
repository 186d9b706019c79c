package org.quartermaster.journal;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/**
 * A tree head with its Ed25519 signature over {@link TreeHead#signedBytes()}.
 */
public record SignedTreeHead(TreeHead head, byte[] signature) {

    /** An Ed25519 signature is 64 bytes (RFC 8032). */
    public static final int SIGNATURE_BYTES = 64;

    public SignedTreeHead {
        if (head == null) {
            throw new IllegalArgumentException("head must not be null");
        }
        if (signature == null || signature.length != SIGNATURE_BYTES) {
            throw new IllegalArgumentException("signature must be 64 bytes");
        }
        signature = signature.clone();
    }

    public SignedTreeHead(long treeSize, byte[] rootHash, long timestampMillis, byte[] signature) {
        this(new TreeHead(treeSize, rootHash, timestampMillis), signature);
    }

    public long treeSize() {
        return head.treeSize();
    }

    public byte[] rootHash() {
        return head.rootHash();
    }

    public long timestampMillis() {
        return head.timestampMillis();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /**
     * True when the signature is a valid Ed25519 signature of this head by {@code key};
     * false for any other key, a tampered field or a malformed key (never throws).
     */
    public boolean verify(PublicKey key) {
        if (key == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(JournalKeys.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(head.signedBytes());
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A key of another algorithm or a malformed signature is a failed check, not a crash.
            return false;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedTreeHead s && s.head.equals(head)
                && java.util.Arrays.equals(s.signature, signature);
    }

    @Override
    public int hashCode() {
        return head.hashCode() * 31 + java.util.Arrays.hashCode(signature);
    }
}
