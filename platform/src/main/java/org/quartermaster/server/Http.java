package org.quartermaster.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import org.quartermaster.shared.InvalidField;

/** Small helpers of every handler: strict bodies in, JSON out, typed query parameters. */
public final class Http {
    /** The request attribute that keeps the exact response text (for idempotent replays). */
    static final String RESPONSE_BODY = "qm.responseBody";

    private Http() {}

    /** Reads the body as {@code type}; any mistake becomes a problem pointing at the field. */
    public static <T> T body(Context ctx, Class<T> type) {
        requireJson(ctx);
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) throw new BadJson("a JSON body is required", null);
        try {
            T value = Json.MAPPER.readValue(bytes, type);
            if (value == null) throw new BadJson("the JSON body must be an object", null);
            return value;
        } catch (JsonProcessingException e) {
            throw BadJson.of(e);
        } catch (java.io.IOException e) {
            throw new BadJson("the body cannot be read: " + e.getMessage(), null);
        }
    }

    /**
     * Refuses a body declared as anything but JSON (415). A body without a Content-Type is read
     * as JSON: it is still parsed strictly, so nothing passes by accident.
     */
    static void requireJson(Context ctx) {
        String declared = ctx.header("Content-Type");
        if (declared == null || declared.isBlank()) return;
        String media = declared.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"))) return;
        throw new io.javalin.http.HttpResponseException(415,
                "the body must be application/json, not " + media.replaceAll("[^a-z0-9/+.-]", "?"));
    }

    /**
     * Refuses U+0000 in the path or a query parameter before any handler runs: no id or filter
     * can hold it, and PostgreSQL cannot even compare text with it.
     */
    static void refuseNulCharacters(Context ctx) {
        if (ctx.path().indexOf('\0') >= 0) throw new org.quartermaster.shared.NotFound("path", "with U+0000");
        ctx.queryParamMap().forEach((name, values) -> {
            for (String value : values) {
                if (value.indexOf('\0') >= 0 || name.indexOf('\0') >= 0) {
                    throw new InvalidField(name.replace('\0', '?'), "must not contain U+0000");
                }
            }
        });
    }

    /** Writes {@code value} as JSON with {@code status}. */
    public static void json(Context ctx, int status, Object value) {
        String text = Json.write(value);
        ctx.attribute(RESPONSE_BODY, text);
        ctx.status(status).contentType("application/json").result(text);
    }

    public static void created(Context ctx, String location, Object value) {
        ctx.header("Location", location);
        json(ctx, 201, value);
    }

    public static Integer intParam(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return null;
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidField(name, "must be a whole number");
        }
    }

    public static Boolean boolParam(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return null;
        return switch (raw.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidField(name, "must be true or false");
        };
    }

    public static java.time.LocalDate dateParam(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return null;
        try {
            return java.time.LocalDate.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidField(name, "must be a date like 2026-12-31");
        }
    }

    public static <E extends Enum<E>> E enumParam(Context ctx, String name, Class<E> type) {
        String raw = param(ctx, name);
        if (raw == null) return null;
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidField(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    public static String param(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    /** A required, non-negative {@code version} from the body of a state change. */
    public static long version(Long version) {
        if (version == null) throw new InvalidField("version", "is required (the version you last read)");
        if (version < 1) throw new InvalidField("version", "must be at least 1");
        return version;
    }
}
