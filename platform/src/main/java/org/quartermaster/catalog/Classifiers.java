package org.quartermaster.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * The official reference lists, loaded once from the jar: CPV 2008 codes with English and
 * Ukrainian names, and UN/CEFACT Recommendation 20 unit codes. A CPV code is valid when it is
 * in the list; its check digit is never computed (the published codes do not all follow it).
 */
public final class Classifiers {
    private static final Classifiers INSTANCE = load();

    private final Map<String, String> cpvEnglish;
    private final Map<String, String> cpvUkrainian;
    private final Map<String, Unit> units;

    /** A unit of measure: its Rec 20 code, name and symbol. */
    public record Unit(String code, String name, String symbol) {}

    private Classifiers(Map<String, String> cpvEnglish, Map<String, String> cpvUkrainian, Map<String, Unit> units) {
        this.cpvEnglish = cpvEnglish;
        this.cpvUkrainian = cpvUkrainian;
        this.units = units;
    }

    public static Classifiers get() {
        return INSTANCE;
    }

    public boolean isCpv(String code) {
        return code != null && cpvEnglish.containsKey(code);
    }

    /** The CPV name in {@code language} ("uk" for Ukrainian, English otherwise). */
    public Optional<String> cpvName(String code, String language) {
        Map<String, String> names = "uk".equals(language) ? cpvUkrainian : cpvEnglish;
        return Optional.ofNullable(names.get(code));
    }

    public boolean isUnit(String code) {
        return code != null && units.containsKey(code);
    }

    public Optional<Unit> unit(String code) {
        return Optional.ofNullable(units.get(code));
    }

    public int cpvCount() {
        return cpvEnglish.size();
    }

    private static Classifiers load() {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, String> english = read(mapper, "cpv_en.json", new TypeReference<>() {});
        Map<String, String> ukrainian = read(mapper, "cpv_uk.json", new TypeReference<>() {});
        Map<String, Map<String, String>> all = read(mapper, "units_all.json", new TypeReference<>() {});
        Map<String, Map<String, String>> recommended = read(mapper, "units_recommended.json", new TypeReference<>() {});
        var units = new java.util.HashMap<String, Unit>();
        all.forEach((code, u) -> units.put(code, new Unit(code, u.get("name"), u.getOrDefault("symbol", ""))));
        recommended.forEach((code, u) -> units.put(code, new Unit(code, u.get("name_en"), u.getOrDefault("symbol_en", ""))));
        if (english.size() < 9000 || !english.keySet().equals(ukrainian.keySet()) || units.size() < 1000) {
            throw new IllegalStateException("classifier resources are incomplete");
        }
        return new Classifiers(Map.copyOf(english), Map.copyOf(ukrainian), Map.copyOf(units));
    }

    private static <T> T read(ObjectMapper mapper, String name, TypeReference<T> type) {
        try (InputStream in = Classifiers.class.getResourceAsStream("/classifiers/" + name)) {
            if (in == null) throw new IllegalStateException("classifier resource " + name + " is missing");
            return mapper.readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("classifier resource " + name + " cannot be read", e);
        }
    }
}
