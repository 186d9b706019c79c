package org.quartermaster.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The access context's boundaries, read from its import lines (a whole-classpath ArchUnit import
 * costs tens of seconds on a busy machine; imports say the same for this rule): a pure model,
 * and other contexts only through their base packages.
 */
class AccessArchitectureTest {
    static final Path SOURCES = Path.of("src/main/java/org/quartermaster/access");

    private static List<String> importsOf(Path dir) throws IOException {
        return importsOf(dir, null);
    }

    /** Imports of the sources under {@code dir}, leaving out those under {@code except} (null: none). */
    private static List<String> importsOf(Path dir, Path except) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> except == null || !p.startsWith(except)).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.startsWith("import ")) out.add(f.getFileName() + ": " + line);
                }
            }
        }
        return out;
    }

    @Test
    void theModelImportsOnlyTheJdkAndTheSharedKernel() throws IOException {
        List<String> imports = importsOf(SOURCES.resolve("model"));
        assertThat(imports).isNotEmpty();
        assertThat(imports).allMatch(i -> i.matches(".*: import (static )?(java\\.|javax\\.crypto\\."
                + "|org\\.quartermaster\\.access\\.model\\.|org\\.quartermaster\\.shared\\.).*"));
    }

    @Test
    void accessReachesNoOtherContextsInternalsNorTheServer() throws IOException {
        List<String> imports = importsOf(SOURCES, SOURCES.resolve("web"));
        assertThat(imports).isNotEmpty();
        assertThat(imports).noneMatch(i -> i.matches(".*import (static )?org\\.quartermaster\\."
                + "(parties\\.jdbc|needs|offers|catalog|server|cli)\\..*"));
    }

    /** The web adapter (the server's gate, login and user pages) may use the server, but no other context. */
    @Test
    void theWebAdapterUsesTheServerAndNoOtherContext() throws IOException {
        List<String> imports = importsOf(SOURCES.resolve("web"));
        assertThat(imports).isNotEmpty();
        assertThat(imports).noneMatch(i -> i.matches(".*import (static )?org\\.quartermaster\\."
                + "(parties|needs|offers|catalog|planning|funds|cli)\\..*"));
    }
}
