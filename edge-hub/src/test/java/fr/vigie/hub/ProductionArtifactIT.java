package fr.vigie.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The production hub as it is packaged — the edge-hub jar and its run-time classpath as the build copies
 * it to {@code target/lib} (what {@code ./vigie hub} and a site's installation run) — holds no simulator:
 * no class of the sandbox ({@code fr.vigie.hub.sandbox}), of the simulated hardware
 * ({@code fr.vigie.hardware.sim}) or of the test support ({@code fr.vigie.testing}), and none of their
 * modules' jars. Runs after {@code package}.
 */
class ProductionArtifactIT {
    private static final List<String> SIMULATOR_PACKAGES = List.of("fr/vigie/hub/sandbox/", "fr/vigie/hardware/sim/",
            "fr/vigie/testing/");
    private static final List<String> SIMULATOR_MODULES = List.of("vigie-edge-hub-sandbox", "vigie-hardware-sim",
            "vigie-test-support");

    private final Path jar = Path.of(System.getProperty("vigie.hub.jar", "target/vigie-edge-hub.jar"));
    private final Path lib = Path.of(System.getProperty("vigie.hub.lib", "target/lib"));

    @Test
    void theHubJarHoldsTheHubAndNoSimulatorClass() throws IOException {
        List<String> classes = classes(jar);

        assertTrue(classes.contains("fr/vigie/hub/EdgeHub.class"), jar + " is the hub's jar");
        assertEquals(List.of(), simulatorClasses(classes), "simulator classes in " + jar);
    }

    @Test
    void theHubsRuntimeClasspathHoldsNoSimulatorModuleNorClass() throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(lib)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        List<String> names = jars.stream().map(j -> j.getFileName().toString()).toList();
        assertTrue(names.stream().anyMatch(n -> n.startsWith("vigie-protocol-")), "the hub's own modules in " + lib
                + ": " + names);
        assertTrue(names.stream().anyMatch(n -> n.startsWith("vigie-provisioning-")), names.toString());

        assertEquals(List.of(), names.stream().filter(n -> SIMULATOR_MODULES.stream().anyMatch(n::startsWith)).toList(),
                "simulator modules on the hub's run-time classpath");
        List<String> found = new ArrayList<>();
        for (Path j : jars) {
            simulatorClasses(classes(j)).forEach(c -> found.add(j.getFileName() + "!/" + c));
        }
        assertEquals(List.of(), found, "simulator classes on the hub's run-time classpath");
    }

    private static List<String> classes(Path jarFile) throws IOException {
        assertTrue(Files.isRegularFile(jarFile), jarFile + " is missing: run the build to the package phase");
        try (JarFile j = new JarFile(jarFile.toFile())) {
            return j.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class")).toList();
        }
    }

    private static List<String> simulatorClasses(List<String> classes) {
        return classes.stream().filter(c -> SIMULATOR_PACKAGES.stream().anyMatch(c::startsWith)).toList();
    }
}
