package org.quartermaster.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.quartermaster.journal.CanonicalJson;
import org.quartermaster.journal.JournalEvent;

/**
 * Encoded journal events packed in large byte pages: no object per event, so 10 million
 * events cost their bytes plus 12 bytes of index each. Generated deterministically from a
 * seed; payloads are canonical JSON of 200-400 bytes shaped like real need/offer changes.
 */
final class EventCorpus {

    private static final int PAGE_BYTES = 64 << 20;
    private static final String[] TYPES = {"NeedFiled", "NeedPrioritised", "OfferMade",
        "OfferAccepted", "PledgeCommitted", "ShipmentDispatched", "DeliveryAccepted",
        "ContractAwarded", "PaymentReleased"};
    private static final String[] ORGS = {"UKR-MOD", "UKR-DPA", "DEU-BMVG", "POL-MON", "NLD-MOD",
        "FRA-DGA", "EU-EPF", "NATO-NSPA", "UDCG", "GBR-MOD", "CZE-MOD", "NOR-MOD"};
    private static final String[] ITEMS = {"155mm HE M107", "M777 barrel", "Generator 30kVA",
        "First aid kit IFAK", "Night vision PVS-14", "Counter-drone jammer", "Fuel truck 10kL"};

    final byte[][] pages;
    final long[] positions;  // page << 32 | offset
    final int[] lengths;
    final long totalBytes;

    private EventCorpus(byte[][] pages, long[] positions, int[] lengths, long totalBytes) {
        this.pages = pages;
        this.positions = positions;
        this.lengths = lengths;
        this.totalBytes = totalBytes;
    }

    int size() {
        return lengths.length;
    }

    byte[] page(int event) {
        return pages[(int) (positions[event] >>> 32)];
    }

    int offset(int event) {
        return (int) positions[event];
    }

    static EventCorpus generate(int events, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] pages = new byte[16][];
        int page = 0;
        int used = 0;
        pages[0] = new byte[PAGE_BYTES];
        long[] positions = new long[events];
        int[] lengths = new int[events];
        long total = 0;
        for (int i = 0; i < events; i++) {
            byte[] encoded = event(i, random).encode();
            if (used + encoded.length > PAGE_BYTES) {
                page++;
                if (page == pages.length) {
                    pages = Arrays.copyOf(pages, pages.length * 2);
                }
                pages[page] = new byte[PAGE_BYTES];
                used = 0;
            }
            System.arraycopy(encoded, 0, pages[page], used, encoded.length);
            positions[i] = (long) page << 32 | used;
            lengths[i] = encoded.length;
            used += encoded.length;
            total += encoded.length;
        }
        return new EventCorpus(Arrays.copyOf(pages, page + 1), positions, lengths, total);
    }

    static JournalEvent event(long sequence, SplittableRandom random) {
        String org = ORGS[random.nextInt(ORGS.length)];
        String type = TYPES[random.nextInt(TYPES.length)];
        String payload = payload(sequence, org, random);
        if (sequence % 100_000 == 0) {
            // Spot check that the hand-built payload is already canonical JSON.
            String canonical = new String(CanonicalJson.canonicalize(payload),
                    StandardCharsets.UTF_8);
            if (!canonical.equals(payload)) {
                throw new IllegalStateException("bench payload must be canonical: " + payload);
            }
        }
        return new JournalEvent(sequence, 1_767_225_600_000L + sequence * 37,
                "user-" + random.nextInt(5000) + "@" + org.toLowerCase(), org, type,
                "need-" + Long.toString(random.nextLong(1L << 40), 36),
                payload.getBytes(StandardCharsets.UTF_8));
    }

    // Keys in sorted order so the text is canonical as built (checked above on a sample).
    private static String payload(long sequence, String org, SplittableRandom random) {
        StringBuilder b = new StringBuilder(400);
        b.append("{\"destination\":\"").append(ORGS[random.nextInt(ORGS.length)])
                .append("-depot-").append(random.nextInt(300))
                .append("\",\"dueDate\":\"2026-").append(10 + random.nextInt(3)).append('-')
                .append(10 + random.nextInt(18))
                .append("\",\"item\":{\"name\":\"").append(ITEMS[random.nextInt(ITEMS.length)])
                .append("\",\"nsn\":\"").append(1000 + random.nextInt(9000)).append("-")
                .append(10 + random.nextInt(90)).append("-").append(100 + random.nextInt(900))
                .append("-").append(1000 + random.nextInt(9000))
                .append("\"},\"justification\":\"");
        int words = 2 + random.nextInt(12);
        for (int w = 0; w < words; w++) {
            b.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        b.append("\",\"org\":\"").append(org)
                .append("\",\"priority\":").append(1 + random.nextInt(5))
                .append(",\"quantity\":").append(1 + random.nextInt(50_000))
                .append(",\"releasability\":[\"").append(org).append("\",\"NATO\"]")
                .append(",\"sequence\":").append(sequence)
                .append(",\"unitPriceMinor\":").append(random.nextLong(1_000_000_000L))
                .append('}');
        return b.toString();
    }

    private static final String[] WORDS = {"urgent", "winter", "front", "brigade", "artillery",
        "replacement", "attrition", "stock", "depleted", "rotation", "training", "spare",
        "parts", "maintenance", "air", "defence", "logistics", "hub", "east", "sector"};
}
