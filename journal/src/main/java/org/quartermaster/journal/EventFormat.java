package org.quartermaster.journal;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * Structural check of an encoded {@link JournalEvent} without building one: the verifier runs
 * it on every event, so it walks the length prefixes in place and allocates nothing unless a
 * text field must be checked as UTF-8.
 */
final class EventFormat {

    private static final int TEXT_FIELDS = 4;
    private static final int HEADER_BYTES = 1 + 8 + 8;

    private EventFormat() {
    }

    /** Null when {@code bytes[offset, offset+length)} is one well-formed event, else why not. */
    static String check(byte[] bytes, int offset, int length) {
        if (length < HEADER_BYTES + TEXT_FIELDS * 2 + 4) {
            return "shorter than the fixed header";
        }
        if (bytes[offset] != JournalEvent.ENCODING_VERSION) {
            return "encoding version must be " + JournalEvent.ENCODING_VERSION + ", got "
                    + bytes[offset];
        }
        if (sequence(bytes, offset) < 0 || readLong(bytes, offset + 9) < 0) {
            return "sequence and time must be >= 0";
        }
        int end = offset + length;
        int at = offset + HEADER_BYTES;
        for (int field = 0; field < TEXT_FIELDS; field++) {
            if (at + 2 > end) {
                return "text field " + field + " is truncated";
            }
            int textLength = (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
            at += 2;
            if (textLength > JournalEvent.TEXT_BYTES_MAX || at + textLength > end) {
                return "text field " + field + " length " + textLength + " is out of bounds";
            }
            if (!isUtf8(bytes, at, textLength)) {
                return "text field " + field + " is not UTF-8";
            }
            at += textLength;
        }
        if (at + 4 > end) {
            return "payload length is truncated";
        }
        long payloadLength = readInt(bytes, at) & 0xffffffffL;
        at += 4;
        if (payloadLength > JournalEvent.PAYLOAD_BYTES_MAX || at + payloadLength != end) {
            return "payload length " + payloadLength + " does not match the event length";
        }
        return null;
    }

    static long sequence(byte[] bytes, int offset) {
        return readLong(bytes, offset + JournalEvent.SEQUENCE_OFFSET);
    }

    private static boolean isUtf8(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] < 0) {
                return strictUtf8(bytes, offset, length); // rare: only then decode for real
            }
        }
        return true;
    }

    private static boolean strictUtf8(byte[] bytes, int offset, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static long readLong(byte[] b, int at) {
        return (long) readInt(b, at) << 32 | readInt(b, at + 4) & 0xffffffffL;
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8
                | b[at + 3] & 0xff;
    }
}
