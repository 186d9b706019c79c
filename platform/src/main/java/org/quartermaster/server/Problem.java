package org.quartermaster.server;

import java.util.List;

/**
 * An RFC 9457 problem body. {@code errors} points at the offending fields with JSON pointers
 * (body) or names the query parameter.
 */
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";

    /** One offending input: {@code pointer} for a body field, {@code parameter} for a query parameter. */
    public record FieldError(String pointer, String parameter, String detail) {}

    /** Turns a field name such as {@code lines[3].item} into the JSON pointer {@code /lines/3/item}. */
    public static String pointer(String field) {
        if (field == null || field.isEmpty()) return "";
        String path = field.replace("[", ".").replace("]", "");
        StringBuilder out = new StringBuilder();
        for (String part : path.split("\\.")) {
            if (part.isEmpty()) continue;
            out.append('/').append(part.replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }
}
