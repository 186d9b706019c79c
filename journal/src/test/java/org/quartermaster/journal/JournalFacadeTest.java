package org.quartermaster.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JournalFacadeTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);
    private final JournalKeys keys = JournalKeys.generate();
    private final ManualClock clock = new ManualClock();
    private final Journal journal = new Journal(new MerkleTree(new InMemoryNodeStore()), keys,
            new SigningPolicy(10, Duration.ofSeconds(30)), clock, 0);

    @Test
    void signsEveryTenEventsOrAfterThirtySeconds() {
        List<Long> signedSizes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            journal.append(Fixtures.event(i, random)).signedHead()
                    .ifPresent(h -> signedSizes.add(h.treeSize()));
        }
        assertThat(signedSizes).containsExactly(10L, 20L);
        clock.now = clock.now.plusSeconds(31);
        SignedTreeHead late = journal.signIfDue().orElseThrow();
        assertThat(late.treeSize()).isEqualTo(25);
        assertThat(late.verify(keys.publicKey())).isTrue();
        assertThat(late.rootHash()).isEqualTo(journal.rootHash(25));
        clock.now = clock.now.plusSeconds(60);
        assertThat(journal.signIfDue()).as("no unsigned events").isEmpty();
    }

    @Test
    void refusesOutOfOrderSequence() {
        journal.append(Fixtures.event(0, random));
        assertThatThrownBy(() -> journal.append(Fixtures.event(5, random)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sequence must be 1");
    }

    @Test
    void inclusionProofOfAnEventChecksAgainstTheLatestHead() {
        for (int i = 0; i < 23; i++) {
            journal.append(Fixtures.event(i, random));
        }
        SignedTreeHead head = journal.signNow();
        for (int i = 0; i < 23; i++) {
            assertThat(ProofVerifier.verifyInclusion(journal.leafHash(i), i, head.treeSize(),
                    journal.inclusionProof(i, head.treeSize()), head.rootHash()))
                    .as("seed %d event %d", seed, i).isTrue();
        }
    }

    @Test
    void prehashedVerificationAgreesWithPlainVerification() {
        List<byte[]> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            JournalEvent event = Fixtures.event(i, random);
            events.add(event.encode());
            journal.append(event);
        }
        SignedTreeHead head = journal.signNow();
        TreeHasher hasher = new TreeHasher();
        JournalVerifier plain = new JournalVerifier(keys.publicKey());
        JournalVerifier prehashed = new JournalVerifier(keys.publicKey());
        JournalVerifier lying = new JournalVerifier(keys.publicKey());
        for (int i = 0; i < events.size(); i++) {
            byte[] e = events.get(i);
            plain.event(e, 0, e.length);
            prehashed.eventPrehashed(e, 0, e.length, hasher.leaf(e), 0, null);
            byte[] wrong = i == 13 ? hasher.leaf(new byte[] {1}) : hasher.leaf(e);
            lying.eventPrehashed(e, 0, e.length, wrong, 0, null);
        }
        plain.head(head);
        prehashed.head(head);
        lying.head(head);
        assertThat(plain.finish()).isInstanceOf(Verification.Verified.class);
        assertThat(prehashed.finish()).isEqualTo(plain.finish());
        assertThat(lying.finish()).isEqualTo(new Verification.HeadRootMismatch(0, 0, 40));
    }
}
