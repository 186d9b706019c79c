package org.quartermaster.journal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Optional;

/**
 * {@code qm verify} offline: verifies a bundle file against the key it carries and, when the
 * auditor has one, against the key they trust. Never throws on a bad bundle: every problem is
 * a {@link Verification.Divergence}.
 */
public final class OfflineVerifier {

    private OfflineVerifier() {
    }

    /** Verifies the bundle at {@code bundle}; an unreadable file is an {@link IOException}. */
    public static Verification verify(Path bundle, Optional<PublicKey> trustedKey)
            throws IOException {
        try (InputStream in = Files.newInputStream(bundle)) {
            return verify(in, trustedKey);
        }
    }

    /** Verifies a bundle stream; see {@link #verify(Path, Optional)}. */
    public static Verification verify(InputStream bundle, Optional<PublicKey> trustedKey)
            throws IOException {
        BundleReader reader;
        try {
            reader = new BundleReader(bundle);
        } catch (BundleFormatException e) {
            return new Verification.BundleMalformed(0, e.getMessage());
        }
        PublicKey key;
        try {
            key = JournalKeys.publicKeyFrom(reader.publicKey());
        } catch (IllegalArgumentException e) {
            return new Verification.KeyRejected("bundle key is not an X.509 Ed25519 key");
        }
        if (trustedKey.isPresent()
                && !MessageDigest.isEqual(trustedKey.get().getEncoded(), key.getEncoded())) {
            return new Verification.KeyRejected("bundle key is not the trusted journal key");
        }
        return verifyRecords(reader, new JournalVerifier(key));
    }

    private static Verification verifyRecords(BundleReader reader, JournalVerifier verifier)
            throws IOException {
        long heads = 0;
        try {
            while (!verifier.diverged()) {
                BundleRecord record = reader.next();
                switch (record) {
                    case BundleRecord.Event e -> verifier.event(e.eventBytes(), 0,
                            e.eventBytes().length, e.recordedLeafHash());
                    case BundleRecord.Head h -> {
                        verifier.head(h.head());
                        heads++;
                    }
                    case BundleRecord.End end -> {
                        if (end.events() != verifier.events() || end.heads() != heads) {
                            verifier.fail(new Verification.BundleMalformed(verifier.events(),
                                    "trailer counts " + end.events() + " events, " + end.heads()
                                            + " heads; the file holds " + verifier.events()
                                            + " and " + heads));
                        }
                        return verifier.finish();
                    }
                }
            }
        } catch (BundleFormatException e) {
            verifier.fail(new Verification.BundleMalformed(verifier.events(), e.getMessage()));
        }
        return verifier.finish();
    }
}
