package org.quartermaster.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Small helpers for {@link StateContribution}s: payload values as plain row values. */
public final class StateRows {
    private StateRows() {}

    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A text field where the payload writes "" for "none". */
    public static String optionalText(JsonNode node, String field) {
        String v = text(node, field);
        return v == null || v.isEmpty() ? null : v;
    }

    public static Long number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asLong();
    }

    public static Boolean flag(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asBoolean();
    }

    /** An array of strings as one sorted, comma-separated value. */
    public static String sortedList(JsonNode node, String field) {
        JsonNode v = node.get(field);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) v.forEach(x -> out.add(x.asText()));
        return sorted(out);
    }

    public static String sorted(Collection<String> values) {
        return String.join(",", new TreeSet<>(values));
    }

    /** A comma-separated stored value, sorted. */
    public static String sorted(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isEmpty()) return "";
        return sorted(List.of(commaSeparated.split(",")));
    }
}
