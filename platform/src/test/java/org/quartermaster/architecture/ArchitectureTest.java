package org.quartermaster.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of DESIGN.md as tests. Contexts are found, not listed: every top-level package
 * under {@code org.quartermaster} except the infrastructure ones below is a context, so a context
 * added later is held to the same rules without editing this class.
 */
class ArchitectureTest {
    static final String ROOT = "org.quartermaster";
    /** Top-level packages that are infrastructure, not bounded contexts. */
    static final Set<String> INFRASTRUCTURE = Set.of("shared", "store", "server", "cli", "demo");
    /**
     * A context's internal layers; its base package is its API. Its {@code model} records are
     * published too: facades return them as immutable values, and other contexts may read them
     * (never construct persistence or routes from them).
     */
    static final Set<String> INTERNAL = Set.of("jdbc", "web");
    /** Packages that may wire a context's web routes into the server. */
    static final Set<String> WIRING = Set.of("server", "cli");

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** The context of a class, or null for infrastructure and the root package. */
    static String contextOf(JavaClass c) {
        String top = segment(c, 0);
        return top == null || INFRASTRUCTURE.contains(top) ? null : top;
    }

    /** The internal layer of a context class ({@code model}, {@code jdbc}, {@code web}), or null for its API. */
    static String layerOf(JavaClass c) {
        String second = segment(c, 1);
        return contextOf(c) != null && second != null && INTERNAL.contains(second) ? second : null;
    }

    private static String segment(JavaClass c, int index) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(ROOT + ".")) return null;
        String[] parts = pkg.substring(ROOT.length() + 1).split("\\.");
        return index < parts.length ? parts[index] : null;
    }

    static boolean isWiring(JavaClass c) {
        String top = segment(c, 0);
        return c.getName().equals(ROOT + ".Quartermaster") || (top != null && WIRING.contains(top));
    }

    @Test
    void findsTheContextsOfTheFoundation() {
        Set<String> contexts = new TreeSet<>();
        for (JavaClass c : MAIN) if (contextOf(c) != null) contexts.add(contextOf(c));
        assertThat(contexts).contains("catalog", "parties", "needs", "offers", "audit");
    }

    @Test
    void modelImportsNoFramework() {
        noClasses().that().resideInAPackage(ROOT + "..model..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.jdbi..", "com.fasterxml..",
                        "java.sql..", "javax.sql..", "org.flywaydb..", "picocli..", "org.eclipse.jetty..", "com.zaxxer..",
                        "gg.jte..", "io.micrometer..", ROOT + ".store..", ROOT + ".server..", ROOT + ".cli..")
                .because("the domain model is plain Java: records, sealed states and rules")
                .check(MAIN);
    }

    @Test
    void contextInternalsAreUsedOnlyByTheirOwnContext() {
        internalsRule().check(MAIN);
    }

    @Test
    void theInternalsRuleReportsADeliberateBreach() throws ClassNotFoundException {
        JavaClasses probe = new ClassFileImporter().importClasses(
                Class.forName(ROOT + ".offers.CrossContextProbe"), org.quartermaster.needs.jdbc.NeedsTable.class);
        assertThat(internalsRule().evaluate(probe).hasViolation()).isTrue();
    }

    static com.tngtech.archunit.lang.ArchRule internalsRule() {
        return classes().that().resideInAPackage(ROOT + "..")
                .should(new ArchCondition<JavaClass>("use another context only through its base-package API") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = d.getTargetClass();
                            String layer = layerOf(target);
                            if (layer == null) continue;
                            boolean sameContext = contextOf(target).equals(contextOf(origin));
                            boolean wiresRoutes = layer.equals("web") && isWiring(origin);
                            if (!sameContext && !wiresRoutes) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                });
    }

    @Test
    void webIsUsedOnlyByItsOwnWebPackageAndTheWiring() {
        classes().that().resideInAPackage(ROOT + ".*.web..")
                .should(new ArchCondition<JavaClass>("be used only by the same web package, server, cli or Quartermaster") {
                    @Override
                    public void check(JavaClass web, ConditionEvents events) {
                        for (Dependency d : web.getDirectDependenciesToSelf()) {
                            JavaClass origin = d.getOriginClass();
                            boolean ownWeb = "web".equals(layerOf(origin)) && contextOf(origin).equals(contextOf(web));
                            if (!ownWeb && !isWiring(origin)) events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    }
                })
                .check(MAIN);
    }

    @Test
    void webDoesNotUseJdbc() {
        noClasses().that().resideInAPackage(ROOT + "..web..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + "..jdbc..")
                .because("handlers go through the facade, which owns the transaction and the journal")
                .check(MAIN);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theRuleSeesAViolationWhenOneExists() {
        // Guards against a rule that passes vacuously: offers really does use the needs API.
        JavaClass offers = MAIN.get(ROOT + ".offers.Offers");
        assertThat(offers.getDirectDependenciesFromSelf()).anyMatch(d -> "needs".equals(contextOf(d.getTargetClass())));
        assertThat(layerOf(MAIN.get(ROOT + ".needs.jdbc.NeedsTable"))).isEqualTo("jdbc");
        assertThat(contextOf(MAIN.get(ROOT + ".server.Server"))).isNull();
    }
}
