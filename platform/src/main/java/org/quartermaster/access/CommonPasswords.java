package org.quartermaster.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The shipped list of the 10,000 most common passwords ({@code access/common-passwords.txt}). */
public final class CommonPasswords {
    static final String RESOURCE = "/access/common-passwords.txt";
    private static volatile Set<String> loaded;

    private CommonPasswords() {}

    /** The list, lower case; loaded once. */
    public static Set<String> all() {
        Set<String> set = loaded;
        if (set == null) {
            set = load();
            loaded = set;
        }
        return set;
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            Set<String> out = new HashSet<>(16_384);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) out.add(line.toLowerCase(Locale.ROOT));
            }
            return Set.copyOf(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }
}
