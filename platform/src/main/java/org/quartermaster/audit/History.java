package org.quartermaster.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A record's journal history as people read it: when, who, what happened, and what changed. */
public final class History {
    /** How many events a record page shows; older ones stay in the feed. */
    public static final int EVENTS_SHOWN_MAX = 200;

    private History() {}

    /** One event. {@code from}/{@code to} are set for status changes; {@code fields} list the rest. */
    public record Entry(long sequence, Instant time, String actor, String organisation, String type, String from,
                        String to, String cause, List<Map.Entry<String, String>> fields, String hash) {}

    /** The history of {@code entityId}, oldest first. */
    public static List<Entry> of(Journal journal, String entityId) {
        return of(journal, entityId, org.quartermaster.shared.Actor.SYSTEM);
    }

    /** The history of {@code entityId} as {@code viewer} may read it, oldest first. */
    public static List<Entry> of(Journal journal, String entityId, org.quartermaster.shared.Actor viewer) {
        return journal.forEntity(entityId, EVENTS_SHOWN_MAX, viewer).stream().map(History::entry).toList();
    }

    static Entry entry(JournalEvent e) {
        JsonNode payload = payload(e.body());
        String from = text(payload, "from");
        String to = text(payload, "to");
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        if (from == null) {
            payload.properties().forEach(p -> {
                String value = value(p.getValue());
                if (!"id".equals(p.getKey()) && !value.isEmpty()) fields.add(Map.entry(p.getKey(), value));
            });
        }
        return new Entry(e.sequence(), e.time(), e.actor(), e.organisation(), e.type(), from, to,
                text(payload, "cause"), List.copyOf(fields), e.hash());
    }

    private static JsonNode payload(String body) {
        JsonNode event = CanonicalJson.read(body);
        JsonNode payload = event.get("payload");
        return payload == null || !payload.isObject() ? CanonicalJson.read("{}") : payload;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static String value(JsonNode node) {
        if (node == null || node.isNull()) return "";
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(n -> parts.add(n.asText()));
            return String.join(", ", parts);
        }
        return node.isContainerNode() ? node.toString() : node.asText();
    }
}
