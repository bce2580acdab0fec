package io.github.aoaiplatform.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The library's packages are layers, and an arrow only points down:
 * core, then the resource families (network, dns, monitoring, identity, azapi, and the policy model), then openai and
 * apim, then chargeback, then the patterns (L3s), then app, the only layer that knows the stack files.
 */
class LayeringTest {
    private static final String ROOT = "io.github.aoaiplatform";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("core").definedBy(ROOT + ".core..")
                .layer("resources").definedBy(ROOT + ".network..", ROOT + ".dns..", ROOT + ".monitoring..", ROOT + ".identity..",
                        ROOT + ".azapi..", ROOT + ".apim.policy..")
                .layer("services").definedBy(ROOT + ".openai..", ROOT + ".apim")
                .layer("chargeback").definedBy(ROOT + ".chargeback..")
                .layer("patterns").definedBy(ROOT + ".patterns..")
                .layer("app").definedBy(ROOT + ".app..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("patterns").mayOnlyBeAccessedByLayers("app")
                .whereLayer("chargeback").mayOnlyBeAccessedByLayers("patterns", "app")
                .whereLayer("services").mayOnlyBeAccessedByLayers("chargeback", "patterns", "app")
                .whereLayer("resources").mayOnlyBeAccessedByLayers("services", "chargeback", "patterns", "app")
                .check(classes);
    }
}
