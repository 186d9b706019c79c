package org.quartermaster.access.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * What a new password must satisfy, as named rules in a list (a new rule is one entry). Length
 * counts code points, so a password of emoji is measured as a person sees it.
 */
public final class PasswordRules {
    public static final int LENGTH_MIN = 8;
    public static final int LENGTH_MAX = 128;

    /** One rule: {@code holds(password, userName)} must be true, else {@code message} is shown. */
    public record PasswordRule(String name, String message, BiPredicate<String, String> holds) {}

    private final List<PasswordRule> rules;

    /** @param commonPasswords lower-case common passwords that are refused whatever their case */
    public PasswordRules(Set<String> commonPasswords) {
        this.rules = List.of(
                new PasswordRule("at least the minimum length",
                        "must be at least " + LENGTH_MIN + " characters", (p, u) -> length(p) >= LENGTH_MIN),
                new PasswordRule("at most the maximum length",
                        "must be at most " + LENGTH_MAX + " characters", (p, u) -> length(p) <= LENGTH_MAX),
                new PasswordRule("not a common password",
                        "is one of the most common passwords; choose another",
                        (p, u) -> !commonPasswords.contains(p.toLowerCase(Locale.ROOT))),
                new PasswordRule("not the user name",
                        "must not be the user name", (p, u) -> u == null || !p.equalsIgnoreCase(u)));
    }

    /** The first rule {@code password} breaks, or empty when it is acceptable. Null breaks the first. */
    public Optional<PasswordRule> firstBroken(String password, String userName) {
        if (password == null) return Optional.of(rules.get(0));
        return rules.stream().filter(r -> !r.holds().test(password, userName)).findFirst();
    }

    public List<PasswordRule> rules() {
        return rules;
    }

    private static int length(String p) {
        return p.codePointCount(0, p.length());
    }
}
