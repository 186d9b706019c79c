package org.quartermaster.server;

import io.javalin.http.Context;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What every template gets: the request's language, its texts ({@code t.get("key")}), the
 * current path (for the navigation) and formatting of numbers and times in that language.
 * The language comes from the {@code lang} cookie set by the switch, else the browser's
 * Accept-Language, else English.
 */
public final class Ui {
    public static final String COOKIE = "lang";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Messages messages;
    private final String path;
    private final Locale locale;
    private final org.quartermaster.shared.Actor actor;
    private final String csrf;

    public Ui(Messages messages, String path) {
        this(messages, path, Actors.ANONYMOUS, null);
    }

    public Ui(Messages messages, String path, org.quartermaster.shared.Actor actor, String csrf) {
        this.messages = messages;
        this.path = path;
        this.locale = Locale.forLanguageTag(messages.language());
        this.actor = actor == null ? Actors.ANONYMOUS : actor;
        this.csrf = csrf;
    }

    /** The UI of this request. */
    public static Ui of(Context ctx) {
        return new Ui(Messages.of(language(ctx)), ctx.path(), Actors.of(ctx), Actors.csrf(ctx));
    }

    /** Who is signed in ({@link Actors#ANONYMOUS} when nobody): the header shows it. */
    public org.quartermaster.shared.Actor who() {
        return actor;
    }

    public boolean signedIn() {
        return !actor.roles().isEmpty() && !actor.isSystem();
    }

    /** True when the signed-in actor holds {@code role} (for showing links; the server decides access). */
    public boolean holds(String role) {
        return actor.roles().contains(role);
    }

    /** The CSRF token every form of this session carries in its hidden {@code _csrf} field ("" without a session). */
    public String csrf() {
        return csrf == null ? "" : csrf;
    }

    static String language(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        if (cookie != null && Messages.LANGUAGES.contains(cookie)) return cookie;
        String accept = ctx.header("Accept-Language");
        if (accept == null || accept.isBlank()) return Messages.LANGUAGES.get(0);
        try {
            String chosen = Locale.lookupTag(Locale.LanguageRange.parse(accept), Messages.LANGUAGES);
            return chosen == null ? Messages.LANGUAGES.get(0) : chosen;
        } catch (IllegalArgumentException malformed) {
            return Messages.LANGUAGES.get(0);
        }
    }

    public String lang() {
        return messages.language();
    }

    public String path() {
        return path;
    }

    /** True when the current page belongs to the section at {@code prefix} (for the navigation). */
    public boolean in(String prefix) {
        return "/".equals(prefix) ? "/".equals(path) : path.startsWith(prefix);
    }

    public String get(String key) {
        return messages.get(key);
    }

    /** The text of {@code key} with {@code {0}}, {@code {1}}... filled in. */
    public String get(String key, Object... args) {
        return new MessageFormat(messages.get(key), locale).format(args);
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** {@code part} of {@code whole} in whole percent, 0 when there is no whole. */
    public long percent(long part, long whole) {
        return whole <= 0 ? 0 : Math.min(100, Math.round(100.0 * part / whole));
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
