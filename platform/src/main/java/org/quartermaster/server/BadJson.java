package org.quartermaster.server;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.quartermaster.shared.InvalidField;

/**
 * A body that is not the JSON the route takes. {@code field} is null for a syntax error (400)
 * and names the field for a shape error (422).
 */
final class BadJson extends RuntimeException {
    private final String field;

    BadJson(String message, String field) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }

    static RuntimeException of(JsonProcessingException e) {
        if (e instanceof JsonParseException p) {
            var at = p.getLocation();
            return new BadJson("malformed JSON at line " + at.getLineNr() + ", column " + at.getColumnNr()
                    + ": " + p.getOriginalMessage(), null);
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof InvalidField f) {
            return f;
        }
        if (e instanceof JsonMappingException m) {
            String field = path(m);
            if (m instanceof UnrecognizedPropertyException u) {
                return new BadJson("is not a field of this request (known: " + u.getKnownPropertyIds() + ")",
                        field.isEmpty() ? u.getPropertyName() : field);
            }
            if (m instanceof InvalidFormatException f) {
                return new BadJson("has the wrong value or type: " + describe(f.getValue()) + " is not "
                        + simple(f.getTargetType()), field);
            }
            if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
                return new BadJson(field.isEmpty() ? "the JSON body must be an object"
                        : "must be " + simple(mi.getTargetType()), field.isEmpty() ? null : field);
            }
            if (m.getCause() instanceof InvalidField f) return f;
            if (m.getCause() instanceof java.time.DateTimeException) {
                return new BadJson("must be a date like 2026-12-31", field);
            }
            return new BadJson("has the wrong shape: " + m.getOriginalMessage(), field.isEmpty() ? null : field);
        }
        return new BadJson("malformed JSON: " + e.getOriginalMessage(), null);
    }

    private static String path(JsonMappingException m) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : m.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) out.append('.');
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    private static String simple(Class<?> type) {
        if (type == null) return "of the right type";
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) return "true or false";
        if (type == String.class) return "a string";
        if (type == java.time.LocalDate.class) return "a date like 2026-12-31";
        if (type.isEnum()) return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        if (java.util.Collection.class.isAssignableFrom(type)) return "an array";
        return "an object";
    }
}
