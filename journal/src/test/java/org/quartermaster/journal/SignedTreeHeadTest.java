package org.quartermaster.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedTreeHeadTest {

    private final JournalKeys keys = JournalKeys.generate();
    private final byte[] root = new TreeHasher().leaf(new byte[] {1, 2, 3});

    @Test
    void signedHeadVerifiesWithItsKey() {
        SignedTreeHead head = keys.sign(new TreeHead(7, root, 1_700_000_000_000L));
        assertThat(head.verify(keys.publicKey())).isTrue();
    }

    @Test
    void rejectsEveryTamperedFieldAndSignature() {
        SignedTreeHead head = keys.sign(new TreeHead(7, root, 1_700_000_000_000L));
        byte[] sig = head.signature();
        assertThat(new SignedTreeHead(8, root, head.timestampMillis(), sig)
                .verify(keys.publicKey())).as("size").isFalse();
        assertThat(new SignedTreeHead(7, ExhaustiveProofTest.flip(root, 9),
                head.timestampMillis(), sig).verify(keys.publicKey())).as("root").isFalse();
        assertThat(new SignedTreeHead(7, root, head.timestampMillis() + 1, sig)
                .verify(keys.publicKey())).as("time").isFalse();
        for (int bit = 0; bit < sig.length * 8; bit += 37) {
            byte[] bad = sig.clone();
            bad[bit / 8] ^= (byte) (1 << bit % 8);
            assertThat(new SignedTreeHead(head.head(), bad).verify(keys.publicKey()))
                    .as("signature bit %d", bit).isFalse();
        }
        assertThat(head.verify(JournalKeys.generate().publicKey())).as("other key").isFalse();
        assertThat(head.verify(null)).isFalse();
    }

    @Test
    void signedBytesAreCanonical() {
        TreeHead head = new TreeHead(258, root, 3);
        byte[] bytes = head.signedBytes();
        assertThat(bytes).hasSize(TreeHead.SIGNED_BYTES);
        // prefix, then size 258 as u64 big-endian: ... 0x01 0x02
        int at = TreeHead.SIGNED_PREFIX.length;
        assertThat(bytes[at + 6]).isEqualTo((byte) 1);
        assertThat(bytes[at + 7]).isEqualTo((byte) 2);
        assertThat(bytes[at + 15]).isEqualTo((byte) 3);
    }

    @Test
    void keyPersistsOwnerOnlyAndReloads(@TempDir Path dir) throws IOException {
        Path keyDir = dir.resolve("keys");
        JournalKeys first = JournalKeys.loadOrGenerate(keyDir);
        JournalKeys again = JournalKeys.loadOrGenerate(keyDir);
        assertThat(again.publicKeyBytes()).isEqualTo(first.publicKeyBytes());
        SignedTreeHead head = again.sign(new TreeHead(1, root, 5));
        assertThat(head.verify(first.publicKey())).isTrue();
        Path privateFile = keyDir.resolve(JournalKeys.PRIVATE_FILE);
        if (Files.getFileStore(privateFile).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(privateFile)).isEqualTo(
                    Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
        assertThatThrownBy(() -> first.save(keyDir)).isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void refusesMismatchedKeyFiles(@TempDir Path dir) throws IOException {
        JournalKeys.generate().save(dir.resolve("a"));
        JournalKeys.generate().save(dir.resolve("b"));
        Files.copy(dir.resolve("b").resolve(JournalKeys.PUBLIC_FILE),
                dir.resolve("a").resolve(JournalKeys.PUBLIC_FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> JournalKeys.load(dir.resolve("a"))).isInstanceOf(IOException.class)
                .hasMessageContaining("must match");
    }

    @Test
    void policySignsEveryNEventsOrAfterTime() {
        SigningPolicy policy = new SigningPolicy(100, Duration.ofSeconds(10));
        assertThat(policy.due(99, Duration.ofSeconds(1))).isFalse();
        assertThat(policy.due(100, Duration.ZERO)).isTrue();
        assertThat(policy.due(1, Duration.ofSeconds(10))).isTrue();
        assertThat(policy.due(0, Duration.ofHours(1))).as("nothing to sign").isFalse();
        assertThatThrownBy(() -> new SigningPolicy(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 1");
    }
}
