package org.watchfloor.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module rules of DESIGN.md, checked on the production classes of every module: Rome is
 * imported by one package of ingest, CoreNLP by one class of enrich; ingest, enrich, alerts, delivery and console never
 * import each other; the commands live in app (the benchmarks' own commands in bench); production
 * code never needs bench.
 */
class ArchitectureTest {
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
            .importPackages("org.watchfloor");
    private static final String[] STAGES = {"org.watchfloor.ingest..", "org.watchfloor.enrich..", "org.watchfloor.alerts..",
            "org.watchfloor.delivery..", "org.watchfloor.console.."};

    @Test
    void everyModuleIsImported() {
        Set<String> packages = PRODUCTION.stream().map(JavaClass::getPackageName)
                .map(p -> p.split("\\.")[2]).collect(Collectors.toCollection(TreeSet::new));
        assertThat(packages).contains("model", "stage", "broker", "ingest", "enrich", "alerts", "delivery", "console",
                "bench", "app");
    }

    @Test
    void romeIsImportedByOnePackageOfIngest() {
        Set<String> users = packagesUsing("com.rometools");
        assertThat(users).hasSize(1);
        assertThat(users.iterator().next()).startsWith("org.watchfloor.ingest");
    }

    @Test
    void coreNlpIsImportedByOneClassOfEnrich() {
        Set<String> users = PRODUCTION.stream()
                .filter(c -> !c.getPackageName().startsWith("org.watchfloor.bench"))
                .filter(c -> uses(c, "edu.stanford.nlp"))
                .map(c -> c.getName().replaceAll("\\$.*", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(users).containsExactly("org.watchfloor.enrich.CoreNlpTagger");
    }

    @Test
    void stagesNeverImportEachOther() {
        for (String stage : STAGES) {
            String[] others = java.util.Arrays.stream(STAGES).filter(s -> !s.equals(stage)).toArray(String[]::new);
            noClasses().that().resideInAPackage(stage).should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(PRODUCTION);
        }
    }

    @Test
    void commandsLiveInApp() {
        classes().that().areAnnotatedWith(picocli.CommandLine.Command.class)
                .or().haveSimpleNameEndingWith("Command")
                .should().resideInAnyPackage("org.watchfloor.app..", "org.watchfloor.bench..")
                .check(PRODUCTION);
        noClasses().that().resideOutsideOfPackages("org.watchfloor.app..", "org.watchfloor.bench..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(PRODUCTION);
    }

    @Test
    void productionNeverNeedsTheBenchmarks() {
        noClasses().that().resideOutsideOfPackages("org.watchfloor.bench..", "org.watchfloor.app..")
                .should().dependOnClassesThat().resideInAPackage("org.watchfloor.bench..")
                .check(PRODUCTION);
    }

    private static Set<String> packagesUsing(String prefix) {
        return PRODUCTION.stream().filter(c -> uses(c, prefix)).map(JavaClass::getPackageName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean uses(JavaClass c, String prefix) {
        return c.getDirectDependenciesFromSelf().stream().anyMatch(d -> d.getTargetClass().getName().startsWith(prefix));
    }
}
