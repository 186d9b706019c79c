package org.quartermaster.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bundle round trip and offline verification: every single-byte change of an event, and every
 * deletion, reordering and insertion, is detected at the right event number.
 */
class BundleVerifierTest {

    static final int EVENTS = 300;
    static final int HEAD_EVERY = 25;

    private final long seed = Long.getLong("qm.seed", System.nanoTime());  // -Dqm.seed=S replays a failure
    private final Random random = new Random(seed);
    private final JournalKeys keys = JournalKeys.generate();
    private final List<byte[]> events = new ArrayList<>();
    private final List<SignedTreeHead> heads = new ArrayList<>();

    BundleVerifierTest() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        Journal journal = new Journal(new MerkleTree(new InMemoryNodeStore()), keys,
                new SigningPolicy(HEAD_EVERY, Duration.ofHours(1)), clock, 0);
        for (int i = 0; i < EVENTS - 7; i++) {
            JournalEvent event = Fixtures.event(i, random);
            events.add(event.encode());
            journal.append(event).signedHead().ifPresent(heads::add);
        }
        for (int i = EVENTS - 7; i < EVENTS; i++) {
            JournalEvent event = Fixtures.event(i, random);
            events.add(event.encode());
            journal.append(event);
        }
        heads.add(journal.signNow()); // an export always ends with a head over everything
    }

    /** Writes events (with their genuine leaf hashes unless given) and heads at their place. */
    private byte[] bundle(List<byte[]> eventBytes, List<byte[]> leafHashes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BundleWriter writer = new BundleWriter(out, keys.publicKeyBytes())) {
            int head = 0;
            for (int i = 0; i < eventBytes.size(); i++) {
                writer.writeEvent(eventBytes.get(i), leafHashes.get(i));
                while (head < heads.size() && heads.get(head).treeSize() == i + 1) {
                    writer.writeHead(heads.get(head++));
                }
            }
        }
        return out.toByteArray();
    }

    private List<byte[]> genuineLeafHashes() {
        TreeHasher hasher = new TreeHasher();
        return events.stream().map(hasher::leaf).toList();
    }

    private Verification verify(byte[] bundle) throws IOException {
        return OfflineVerifier.verify(new ByteArrayInputStream(bundle),
                Optional.of(keys.publicKey()));
    }

    @Test
    void roundTripsAndVerifies() throws IOException {
        byte[] bundle = bundle(events, genuineLeafHashes());
        try (BundleReader reader = new BundleReader(new ByteArrayInputStream(bundle))) {
            assertThat(reader.publicKey()).isEqualTo(keys.publicKeyBytes());
            int eventIndex = 0;
            int headIndex = 0;
            BundleRecord record = reader.next();
            while (!(record instanceof BundleRecord.End)) {
                if (record instanceof BundleRecord.Event e) {
                    assertThat(e.eventBytes()).isEqualTo(events.get(eventIndex++));
                } else if (record instanceof BundleRecord.Head h) {
                    assertThat(h.head()).isEqualTo(heads.get(headIndex++));
                }
                record = reader.next();
            }
            BundleRecord.End end = (BundleRecord.End) record;
            assertThat(eventIndex).isEqualTo(EVENTS);
            assertThat(headIndex).isEqualTo(heads.size());
            assertThat(end.events()).isEqualTo(EVENTS);
            assertThat(end.heads()).isEqualTo(heads.size());
        }
        assertThat(JournalEvent.decode(events.get(5)).encode()).isEqualTo(events.get(5));
        assertThat(verify(bundle)).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void detectsEverySampledSingleByteChangeAtItsEvent() throws IOException {
        List<byte[]> leafHashes = genuineLeafHashes();
        int tried = 0;
        int detected = 0;
        for (int trial = 0; trial < 300; trial++) {
            int victim = random.nextInt(EVENTS);
            List<byte[]> tampered = new ArrayList<>(events);
            byte[] changed = events.get(victim).clone();
            int at = random.nextInt(changed.length);
            changed[at] ^= (byte) (1 + random.nextInt(255));
            tampered.set(victim, changed);
            Verification result = verify(bundle(tampered, leafHashes));
            tried++;
            String why = "seed " + seed + " event " + victim + " byte " + at + ": " + result;
            assertThat(result).as(why).isInstanceOf(Verification.Divergence.class);
            // A flip that turns the victim's sequence into its predecessor's is reported as the
            // pair (victim - 1, victim) carrying one sequence: the pair names the victim too.
            long reported = result instanceof Verification.SequenceRepeated pair ? pair.eventNumber() + 1
                    : ((Verification.Divergence) result).eventNumber();
            assertThat(reported).as(why).isEqualTo(victim);
            detected++;
        }
        System.out.printf("single-byte changes: tried=%d detected=%d%n", tried, detected);
    }

    @Test
    void changeWithForgedLeafHashIsCaughtByTheCoveringHead() throws IOException {
        int victim = 77;
        List<byte[]> tampered = new ArrayList<>(events);
        byte[] changed = events.get(victim).clone();
        changed[changed.length - 2] ^= 1;
        tampered.set(victim, changed);
        List<byte[]> leafHashes = new ArrayList<>(genuineLeafHashes());
        leafHashes.set(victim, new TreeHasher().leaf(changed));
        Verification result = verify(bundle(tampered, leafHashes));
        assertThat(result).isEqualTo(new Verification.HeadRootMismatch(75, 3, 100));
    }

    @Test
    void detectsDeletionAtTheDeletedPosition() throws IOException {
        int victim = 1 + random.nextInt(EVENTS - 2);
        List<byte[]> tampered = new ArrayList<>(events);
        tampered.remove(victim);
        List<byte[]> hashes = new ArrayList<>(genuineLeafHashes());
        hashes.remove(victim);
        assertFirstDivergence(bundle(tampered, hashes), victim, "delete " + victim);
    }

    @Test
    void detectsReorderingAtTheFirstMovedEvent() throws IOException {
        int first = random.nextInt(EVENTS - 1);
        int second = first + 1 + random.nextInt(EVENTS - first - 1);
        List<byte[]> tampered = new ArrayList<>(events);
        List<byte[]> hashes = new ArrayList<>(genuineLeafHashes());
        java.util.Collections.swap(tampered, first, second);
        java.util.Collections.swap(hashes, first, second);
        assertFirstDivergence(bundle(tampered, hashes), first, "swap " + first + "," + second);
    }

    @Test
    void detectsInsertionOfForgedAndReplayedEvents() throws IOException {
        int position = 10 + random.nextInt(EVENTS - 20);
        byte[] forged = Fixtures.event(position, new Random(seed + 1)).encode();
        byte[] replayed = events.get(position - 5);
        for (byte[] inserted : List.of(forged, replayed)) {
            List<byte[]> tampered = new ArrayList<>(events);
            List<byte[]> hashes = new ArrayList<>(genuineLeafHashes());
            tampered.add(position, inserted);
            hashes.add(position, new TreeHasher().leaf(inserted));
            // Shift heads is impossible for the forger; bundle() places genuine heads by size.
            assertInsertionFound(bundle(tampered, hashes), position, "insert at " + position);
        }
    }

    @Test
    void detectsTruncationWrongKeyAndGarbage() throws IOException {
        byte[] bundle = bundle(events, genuineLeafHashes());
        byte[] truncated = java.util.Arrays.copyOf(bundle, bundle.length - 100);
        assertThat(verify(truncated)).isInstanceOf(Verification.BundleMalformed.class);
        Verification wrongKey = OfflineVerifier.verify(new ByteArrayInputStream(bundle),
                Optional.of(JournalKeys.generate().publicKey()));
        assertThat(wrongKey).isInstanceOf(Verification.KeyRejected.class);
        byte[] garbage = new byte[500];
        random.nextBytes(garbage);
        assertThat(verify(garbage)).isInstanceOf(Verification.BundleMalformed.class);
    }

    @Test
    void unsignedTailIsReported() throws IOException {
        List<byte[]> withExtra = new ArrayList<>(events);
        withExtra.add(Fixtures.event(EVENTS, random).encode());
        List<byte[]> hashes = new ArrayList<>(genuineLeafHashes());
        hashes.add(new TreeHasher().leaf(withExtra.get(EVENTS)));
        Verification result = verify(bundle(withExtra, hashes));
        assertThat(result).isInstanceOf(Verification.Unsigned.class);
        assertThat(((Verification.Divergence) result).eventNumber()).isEqualTo(EVENTS);
    }

    /**
     * An inserted event is named exactly, unless it is the last event before a signed head: the
     * head's root then fails first, and the verifier names the range [last good head, head size),
     * which must contain the insertion (the precision limit documented in the README).
     */
    private void assertInsertionFound(byte[] bundle, long position, String what) throws IOException {
        Verification result = verify(bundle);
        String why = "seed " + seed + " " + what + ": " + result;
        assertThat(result).as(why).isInstanceOf(Verification.Divergence.class);
        if (result instanceof Verification.HeadRootMismatch m) {
            assertThat(position).as(why).isBetween(m.eventNumber(), m.treeSize() - 1);
        } else {
            assertThat(((Verification.Divergence) result).eventNumber()).as(why).isEqualTo(position);
        }
    }

    private void assertFirstDivergence(byte[] bundle, long expected, String what)
            throws IOException {
        Verification result = verify(bundle);
        String why = "seed " + seed + " " + what + ": " + result;
        assertThat(result).as(why).isInstanceOf(Verification.Divergence.class);
        assertThat(((Verification.Divergence) result).eventNumber()).as(why).isEqualTo(expected);
    }
}
