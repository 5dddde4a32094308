package fr.vigie.kiosk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * Who may import whom inside the kiosk's production classes: one composition root ({@code fr.vigie.kiosk},
 * {@link KioskMain}) that nothing imports, no cycle between packages, and the demo — the only user of the
 * simulators of {@code hardware-sim} — reached from the root alone.
 */
class KioskPackagesTest {
    private static final String ROOT = "fr.vigie.kiosk";
    private static final String DEMO = "fr.vigie.kiosk.demo..";
    private static final JavaClasses KIOSK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    /** Each package on its own, sub-packages apart (a cycle between session and session.ui counts). */
    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String pkg = type.getPackageName();
            return pkg.equals(ROOT) || pkg.startsWith(ROOT + ".") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the kiosk's packages";
        }
    };

    @Test
    void noPackageCycles() {
        slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(KIOSK);
    }

    @Test
    void noPackageImportsTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackage(ROOT).should().dependOnClassesThat().resideInAPackage(ROOT)
                .check(KIOSK);
    }

    @Test
    void onlyTheDemoUsesTheSimulators() {
        noClasses().that().resideOutsideOfPackage(DEMO).should().dependOnClassesThat()
                .resideInAPackage("fr.vigie.hardware.sim..").check(KIOSK);
    }

    @Test
    void onlyTheCompositionRootStartsTheDemo() {
        noClasses().that().resideOutsideOfPackages(ROOT, DEMO).should().dependOnClassesThat().resideInAPackage(DEMO)
                .check(KIOSK);
    }
}
