package org.quartermaster.server;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.server.RouteTable.Route;

/**
 * The OpenAPI 3.1 document, derived from the route table and the request and response records,
 * so it always lists every route exactly as served.
 */
final class OpenApi {
    private final Map<String, Object> schemas = new LinkedHashMap<>();

    static Map<String, Object> document(List<Route> routes, String version) {
        return new OpenApi().build(routes, version);
    }

    private Map<String, Object> build(List<Route> routes, String version) {
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Route r : routes) {
            if (r.html()) continue;
            String path = r.path().replaceAll("\\{([^}]+)}", "{$1}");
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(path, k -> new LinkedHashMap<>());
            item.put(r.method().name().toLowerCase(java.util.Locale.ROOT), operation(r));
        }
        schemas.put("Problem", schema(Problem.class));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Quartermaster API", "version", version,
                "description", "Coordination of multinational defence procurement and military aid. Every POST "
                        + "takes an optional Idempotency-Key header; errors are RFC 9457 problem+json."));
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", schemas));
        return doc;
    }

    private Map<String, Object> operation(Route r) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("tags", List.of(r.tag()));
        op.put("summary", r.summary());
        op.put("operationId", r.method().name().toLowerCase(java.util.Locale.ROOT) + r.path()
                .replaceAll("[^A-Za-z0-9]+", "_"));
        List<Map<String, Object>> params = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(r.path());
        while (m.find()) {
            params.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
        }
        for (RouteTable.Param p : r.params()) {
            params.add(Map.of("name", p.name(), "in", "query", "required", false, "description", p.description(),
                    "schema", typeSchema(p.type())));
        }
        if ("POST".equals(r.method().name())) {
            params.add(Map.of("name", Idempotency.HEADER, "in", "header", "required", false,
                    "description", "same key and body: the first response again, no second effect",
                    "schema", Map.of("type", "string", "maxLength", 200)));
        }
        if (!params.isEmpty()) op.put("parameters", params);
        if (r.request() != null) {
            op.put("requestBody", Map.of("required", true, "content",
                    Map.of("application/json", Map.of("schema", ref(r.request())))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("description", "success");
        if (r.response() == Export.class) {
            ok.put("description", "the file, as an attachment (Content-Disposition), streamed");
            Map<String, Object> text = Map.of("schema", Map.of("type", "string"));
            ok.put("content", Map.of(Export.Format.CSV.mediaType().split(";")[0], text,
                    Export.Format.JSON.mediaType().split(";")[0], text));
        } else if (r.response() != null) {
            ok.put("content", Map.of(r.response() == String.class ? "text/plain" : "application/json",
                    Map.of("schema", r.response() == String.class ? Map.of("type", "string") : ref(r.response()))));
        }
        responses.put(String.valueOf(r.status()), ok);
        Map<String, Object> problem = Map.of("description", "a problem (RFC 9457)",
                "content", Map.of(Problem.CONTENT_TYPE, Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
        responses.put("4XX", problem);
        op.put("responses", responses);
        return op;
    }

    private Map<String, Object> ref(Class<?> type) {
        if (!type.isRecord()) return typeSchema(type);
        String name = type.getSimpleName();
        if (!schemas.containsKey(name)) {
            schemas.put(name, Map.of());
            schemas.put(name, schema(type));
        }
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    private Map<String, Object> schema(Class<?> record) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (RecordComponent c : record.getRecordComponents()) props.put(c.getName(), typeSchema(c.getGenericType()));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "object");
        s.put("additionalProperties", false);
        s.put("properties", props);
        return s;
    }

    private Map<String, Object> typeSchema(Type type) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (java.util.Collection.class.isAssignableFrom(raw)) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("type", "array");
                s.put("items", typeSchema(p.getActualTypeArguments()[0]));
                if (java.util.Set.class.isAssignableFrom(raw)) s.put("uniqueItems", true);
                return s;
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", typeSchema(p.getActualTypeArguments()[1]));
            }
            return typeSchema(raw);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) return Map.of("type", "string");
        if (c == long.class || c == Long.class) return Map.of("type", "integer", "format", "int64");
        if (c == int.class || c == Integer.class) return Map.of("type", "integer", "format", "int32");
        if (c == boolean.class || c == Boolean.class) return Map.of("type", "boolean");
        if (c == java.time.LocalDate.class) return Map.of("type", "string", "format", "date");
        if (c == java.time.Instant.class) return Map.of("type", "string", "format", "date-time");
        if (c.isEnum()) {
            return Map.of("type", "string", "enum",
                    java.util.Arrays.stream(c.getEnumConstants()).map(Object::toString).toList());
        }
        if (c.isRecord()) return ref(c);
        return Map.of("type", "object");
    }
}
