package org.quartermaster.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.quartermaster.Quartermaster;
import org.quartermaster.audit.Verifier;
import org.quartermaster.journal.JournalKeys;
import org.quartermaster.journal.OfflineVerifier;
import org.quartermaster.journal.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code qm verify}: online against a database (the journal, every signed head, and the state
 * replayed from the events), or offline against an exported bundle. Exit 0 when everything
 * verifies, 1 at the first divergence, which is printed with its event number, table and row.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify the journal: Merkle tree, signed heads, and the state replayed from the events.")
final class VerifyCommand implements Callable<Integer> {
    @Option(names = "--bundle", paramLabel = "FILE", description = "verify this exported bundle offline instead")
    Path bundle;

    @Option(names = "--key", paramLabel = "FILE.der",
            description = "the trusted public key (X.509 DER); default: the data directory's key, or the bundle's own")
    Path key;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws Exception {
        Optional<PublicKey> trusted = key == null ? Optional.empty()
                : Optional.of(JournalKeys.publicKeyFrom(Files.readAllBytes(key)));
        return bundle != null ? offline(trusted) : online(trusted);
    }

    private int offline(Optional<PublicKey> trusted) throws Exception {
        if (!Files.isRegularFile(bundle)) throw new IllegalArgumentException("no bundle at " + bundle);
        Verification result = OfflineVerifier.verify(bundle, trusted);
        switch (result) {
            case Verification.Verified v -> {
                System.out.printf("verified: %d events, %d signed heads, root %s%n", v.events(), v.heads(), v.rootHex());
                if (trusted.isEmpty()) System.out.println("note: checked against the key inside the bundle; pass --key to pin the key you trust");
                return 0;
            }
            case Verification.Divergence d -> {
                System.out.println("FAILED at event " + (d.eventNumber() + 1) + ": " + d.describe());
                return 1;
            }
        }
    }

    private int online(Optional<PublicKey> trusted) {
        Path data = Path.of("qm-data");
        try (Quartermaster app = store.platform(data)) {
            PublicKey k = trusted.orElse(app.journal().keys().publicKey());
            System.err.print("verifying the journal and replaying the state of " + store.describe(data) + " ...");
            Verifier.Report report = app.verify(k);
            System.err.println();
            switch (report) {
                case Verifier.Report.Verified v -> {
                    System.out.printf("verified: %d events, %d signed heads (%d newer events not yet signed)%n",
                            v.events(), v.heads(), v.unsignedEvents());
                    v.stateDigests().forEach((table, digest) ->
                            System.out.printf("  state %-24s replayed = stored, sha256 %s%n", table, digest));
                    if (!v.eventTypesNotReplayed().isEmpty()) {
                        System.out.println("  events checked in the journal but not replayed into state: "
                                + v.eventTypesNotReplayed());
                    }
                    return 0;
                }
                case Verifier.Report.Diverged d -> {
                    System.out.println("FAILED: " + d.describe());
                    return 1;
                }
            }
        }
    }
}
