package fr.vigie.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module rules of {@code docs/ARCHITECTURE.md}, checked on the production classes of every module (test classes
 * and test jars left out). Modules are told apart by their packages: {@code fr.vigie.hardware.sim} is
 * {@code hardware-sim}, {@code fr.vigie.hub.sandbox} is {@code edge-hub-sandbox}, {@code fr.vigie.testing} is
 * {@code test-support}. A forbidden import fails the build.
 */
class ModuleRulesTest {
    private static final String PROTOCOL = "fr.vigie.protocol..";
    private static final String PROVISIONING = "fr.vigie.provisioning..";
    private static final String HARDWARE_SIM = "fr.vigie.hardware.sim..";
    private static final String FIRMWARE_CONFIG = "fr.vigie.config..";
    private static final String KIOSK = "fr.vigie.kiosk..";
    private static final String KIOSK_DEMO = "fr.vigie.kiosk.demo..";
    private static final String HUB = "fr.vigie.hub..";
    private static final String HUB_SANDBOX = "fr.vigie.hub.sandbox..";
    private static final String SYSTEM = "fr.vigie.system..";
    private static final String TEST_SUPPORT = "fr.vigie.testing..";

    /** Production classes only: neither test-classes directories nor {@code -tests.jar} test jars. */
    private static final ImportOption PRODUCTION = new ImportOption() {
        private final ImportOption notTestClasses = new ImportOption.DoNotIncludeTests();

        @Override
        public boolean includes(Location location) {
            return notTestClasses.includes(location) && !location.contains("-tests.jar")
                    && !location.contains("/test-classes/");
        }
    };

    private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(PRODUCTION)
            .importPackages("fr.vigie");

    @Test
    void everyModuleIsImported() {
        List<String> modules = List.of(PROTOCOL, PROVISIONING, "fr.vigie.hardware..", HARDWARE_SIM, FIRMWARE_CONFIG,
                KIOSK, HUB, HUB_SANDBOX, SYSTEM, TEST_SUPPORT);
        for (String module : modules) {
            assertThat(CLASSES.that(resideInAPackage(module)))
                    .as("production classes of %s", module).isNotEmpty();
        }
    }

    @Test
    void theKioskAndTheHubNeverImportEachOther() {
        check(noClasses().that().resideInAPackage(KIOSK).should().dependOnClassesThat().resideInAPackage(HUB));
        check(noClasses().that().resideInAPackage(HUB).should().dependOnClassesThat().resideInAPackage(KIOSK));
    }

    @Test
    void productionCodeNeverUsesASimulatorOrTestSupport() {
        check(noClasses().that().resideOutsideOfPackages(HARDWARE_SIM, KIOSK_DEMO, HUB_SANDBOX, SYSTEM, TEST_SUPPORT)
                .should().dependOnClassesThat().resideInAnyPackage(HARDWARE_SIM, HUB_SANDBOX, TEST_SUPPORT));
    }

    @Test
    void theHardwareNeverUsesTheVirtualHardware() {
        check(noClasses().that().resideInAPackage("fr.vigie.hardware..").and().resideOutsideOfPackage(HARDWARE_SIM)
                .should().dependOnClassesThat().resideInAPackage(HARDWARE_SIM));
    }

    @Test
    void theSandboxStaysBesideTheHub() {
        check(noClasses().that().resideOutsideOfPackages(HUB_SANDBOX, SYSTEM).should().dependOnClassesThat()
                .resideInAPackage(HUB_SANDBOX));
    }

    @Test
    void noHubPackageImportsTheHubsCompositionRoot() {
        check(noClasses().that().resideInAPackage("fr.vigie.hub.*..").and().resideOutsideOfPackage(HUB_SANDBOX)
                .should().dependOnClassesThat(name("fr.vigie.hub.EdgeHub").or(name("fr.vigie.hub.HubMain"))));
    }

    @Test
    void theContractDependsOnNothingOfOurs() {
        check(noClasses().that().resideInAPackage(PROTOCOL).should().dependOnClassesThat(
                resideInAPackage("fr.vigie..").and(resideOutsideOfPackage(PROTOCOL))));
    }

    @Test
    void lowerModulesNeverReachUp() {
        check(noClasses().that().resideInAPackage(PROVISIONING).should().dependOnClassesThat()
                .resideInAnyPackage("fr.vigie.hardware..", FIRMWARE_CONFIG, KIOSK, HUB, SYSTEM));
        check(noClasses().that().resideInAPackage("fr.vigie.hardware..").and().resideOutsideOfPackage(HARDWARE_SIM)
                .should().dependOnClassesThat().resideInAnyPackage(PROVISIONING, FIRMWARE_CONFIG, KIOSK, HUB, SYSTEM));
        check(noClasses().that().resideInAPackage(FIRMWARE_CONFIG).should().dependOnClassesThat()
                .resideInAnyPackage("fr.vigie.hardware..", KIOSK, HUB, SYSTEM));
        check(noClasses().that().resideOutsideOfPackage(SYSTEM).should().dependOnClassesThat()
                .resideInAPackage(SYSTEM));
    }

    private static void check(ArchRule rule) {
        rule.check(CLASSES);
    }
}
