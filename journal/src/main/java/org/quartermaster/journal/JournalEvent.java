package org.quartermaster.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One journal event: sequence number (0-based, equal to its leaf index), time (epoch millis),
 * actor, organisation, event type, entity id and the canonical JSON payload as opaque bytes.
 *
 * <p>{@link #encode()} is the leaf input of the Merkle tree, so every field is covered by the
 * tree. The encoding is length-prefixed and therefore unambiguous (big-endian):
 * {@code version u8 = 1 | sequence u64 | timeMillis u64 | actor, organisation, type, entityId
 * each as u16 length + UTF-8 | payload as u32 length + bytes}.
 */
public record JournalEvent(long sequence, long timeMillis, String actor, String organisation,
                           String type, String entityId, byte[] payload) {

    public static final byte ENCODING_VERSION = 1;
    /** Longest actor, organisation, type or entity id, in UTF-8 bytes. */
    public static final int TEXT_BYTES_MAX = 1024;
    /** Largest payload: a journal event records one change, not a document store. */
    public static final int PAYLOAD_BYTES_MAX = 1 << 20;
    /** Largest encoded event: all of the above plus headers. */
    public static final int ENCODED_BYTES_MAX = 1 + 8 + 8 + 4 * (2 + TEXT_BYTES_MAX) + 4
            + PAYLOAD_BYTES_MAX;
    /** Offset of the sequence number in the encoding, for checks that skip decoding. */
    static final int SEQUENCE_OFFSET = 1;

    public JournalEvent {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0, got " + sequence);
        }
        if (timeMillis < 0) {
            throw new IllegalArgumentException("timeMillis must be >= 0, got " + timeMillis);
        }
        checkText("actor", actor);
        checkText("organisation", organisation);
        checkText("type", type);
        checkText("entityId", entityId);
        if (payload == null || payload.length > PAYLOAD_BYTES_MAX) {
            throw new IllegalArgumentException("payload must be present and at most "
                    + PAYLOAD_BYTES_MAX + " bytes");
        }
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The canonical encoding: the bytes hashed as this event's Merkle leaf. */
    public byte[] encode() {
        byte[][] texts = {utf8(actor), utf8(organisation), utf8(type), utf8(entityId)};
        int length = 1 + 8 + 8 + 4 + payload.length;
        for (byte[] text : texts) {
            length += 2 + text.length;
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        out.put(ENCODING_VERSION).putLong(sequence).putLong(timeMillis);
        for (byte[] text : texts) {
            out.putShort((short) text.length).put(text);
        }
        out.putInt(payload.length).put(payload);
        return out.array();
    }

    /**
     * Decodes {@link #encode()} output.
     *
     * @throws IllegalArgumentException if the bytes are not exactly one well-formed event
     */
    public static JournalEvent decode(byte[] bytes) {
        String problem = EventFormat.check(bytes, 0, bytes.length);
        if (problem != null) {
            throw new IllegalArgumentException("event bytes must be well formed: " + problem);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.get();
        long sequence = in.getLong();
        long timeMillis = in.getLong();
        String actor = text(in);
        String organisation = text(in);
        String type = text(in);
        String entityId = text(in);
        byte[] payload = new byte[in.getInt()];
        in.get(payload);
        return new JournalEvent(sequence, timeMillis, actor, organisation, type, entityId,
                payload);
    }

    private static String text(ByteBuffer in) {
        byte[] bytes = new byte[Short.toUnsignedInt(in.getShort())];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void checkText(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (utf8(value).length > TEXT_BYTES_MAX) {
            throw new IllegalArgumentException(name + " must be at most " + TEXT_BYTES_MAX
                    + " UTF-8 bytes");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JournalEvent e && e.sequence == sequence
                && e.timeMillis == timeMillis && e.actor.equals(actor)
                && e.organisation.equals(organisation) && e.type.equals(type)
                && e.entityId.equals(entityId) && Arrays.equals(e.payload, payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequence) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "JournalEvent[sequence=" + sequence + ", timeMillis=" + timeMillis + ", actor="
                + actor + ", organisation=" + organisation + ", type=" + type + ", entityId="
                + entityId + ", payload=" + payload.length + " bytes]";
    }
}
