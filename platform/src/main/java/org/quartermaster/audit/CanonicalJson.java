package org.quartermaster.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Canonical JSON of journal payloads: object keys sorted, no whitespace, dates as ISO strings,
 * integers only (money and quantities are integral; a floating point value is refused).
 */
public final class CanonicalJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .build();

    private CanonicalJson() {}

    /** The canonical text of {@code value} (a record, map or JSON tree). */
    public static String write(Object value) {
        JsonNode tree = MAPPER.valueToTree(value);
        try {
            return MAPPER.writeValueAsString(sorted(tree));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("canonical JSON cannot be written", e);
        }
    }

    /** The canonical tree of {@code value}: keys sorted, floating point refused. */
    static JsonNode tree(Object value) {
        return sorted(MAPPER.valueToTree(value));
    }

    /**
     * Writes a value whose trees are already canonical (from {@link #tree}) and whose maps are
     * sorted by key: no second conversion to a tree.
     */
    static String writeSorted(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("canonical JSON cannot be written", e);
        }
    }

    public static byte[] bytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isFloatingPointNumber()) {
            throw new IllegalArgumentException("journal payloads hold integers only, got " + node);
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode out = MAPPER.createObjectNode();
            for (String name : names) out.set(name, sorted(node.get(name)));
            return out;
        }
        if (node.isArray()) {
            var out = MAPPER.createArrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) out.add(sorted(it.next()));
            return out;
        }
        return node;
    }
}
