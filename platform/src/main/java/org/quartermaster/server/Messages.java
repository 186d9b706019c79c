package org.quartermaster.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The UI's texts in one language, read once from {@code i18n/messages[_lang].properties} (UTF-8).
 * A key missing from a translation falls back to English, so a new key never shows a blank; the
 * bundles test keeps the translations complete.
 */
public final class Messages {
    /** The languages of the UI, English first (the fallback). */
    public static final List<String> LANGUAGES = List.of("en", "uk", "fr");

    private static final Map<String, Messages> BY_LANGUAGE = LANGUAGES.stream()
            .collect(Collectors.toUnmodifiableMap(l -> l, Messages::load));

    private final String language;
    private final Map<String, String> texts;

    private Messages(String language, Map<String, String> texts) {
        this.language = language;
        this.texts = texts;
    }

    /** The texts of {@code language}; an unsupported language gets English. */
    public static Messages of(String language) {
        return BY_LANGUAGE.getOrDefault(language, BY_LANGUAGE.get("en"));
    }

    public String language() {
        return language;
    }

    /** The text of {@code key}; an unknown key is shown as itself, so the gap is visible, not blank. */
    public String get(String key) {
        String text = texts.get(key);
        if (text != null) return text;
        if (!"en".equals(language)) return of("en").get(key);
        return key;
    }

    /** The keys this language defines itself (not through the fallback). */
    public java.util.Set<String> keys() {
        return texts.keySet();
    }

    private static Messages load(String language) {
        String name = "en".equals(language) ? "/i18n/messages.properties" : "/i18n/messages_" + language + ".properties";
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("message bundle " + name + " is missing");
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new IllegalStateException("message bundle " + name + " cannot be read", e);
        }
        Map<String, String> texts = properties.stringPropertyNames().stream()
                .collect(Collectors.toUnmodifiableMap(k -> k, properties::getProperty));
        return new Messages(language, texts);
    }
}
