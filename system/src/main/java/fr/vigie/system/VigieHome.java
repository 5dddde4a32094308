package fr.vigie.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The checked-out Vigie tree and the run-time classpath of each application module in it
 * ({@code <module>/target/classes} and the dependencies copied to {@code <module>/target/lib} by
 * the build). Each application runs with its own module's classpath, as it would on its own
 * machine. Immutable.
 */
public record VigieHome(Path root) {
    /** The hub application. */
    public static final String HUB_MODULE = "edge-hub";
    /** The kiosk application. */
    public static final String KIOSK_MODULE = "kiosk";
    /** The sandbox launcher: the simulators of the national services and a hub pointed at them. */
    public static final String SANDBOX_MODULE = "edge-hub-sandbox";
    public static final String HUB_MAIN = "fr.vigie.hub.HubMain";
    public static final String SANDBOX_MAIN = "fr.vigie.hub.sandbox.SandboxMain";
    public static final String KIOSK_MAIN = "fr.vigie.kiosk.KioskMain";

    /**
     * Finds the tree from the {@code vigie.home} system property (set by {@code ./vigie}), else by
     * walking up from the working directory to the folder holding the parent POM and the modules.
     */
    public static VigieHome locate() {
        String prop = System.getProperty("vigie.home");
        if (prop != null && !prop.isBlank()) {
            return new VigieHome(Path.of(prop).toAbsolutePath().normalize());
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve(HUB_MODULE))
                    && Files.isDirectory(p.resolve(KIOSK_MODULE))) {
                return new VigieHome(p);
            }
        }
        throw new IllegalStateException("cannot find the Vigie tree: set -Dvigie.home or run from inside it");
    }

    /** The classpath of an application module, checked to be built. */
    public String classpath(String module) {
        Path classes = root.resolve(module).resolve("target/classes");
        Path lib = root.resolve(module).resolve("target/lib");
        if (!Files.isDirectory(classes) || !Files.isDirectory(lib)) {
            throw new IllegalStateException("module '" + module + "' is not built (missing " + classes + " or " + lib
                    + "): run ./vigie build");
        }
        return classes + java.io.File.pathSeparator + lib + java.io.File.separator + "*";
    }

    /**
     * The command line that runs {@code mainClass} of {@code module} in a new JVM, tied to this
     * process: the hub and kiosk mains exit cleanly when their parent is gone.
     */
    public List<String> javaCommand(String module, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-Dvigie.home=" + root);
        cmd.add("-Dvigie.stop-with-parent=true");
        cmd.add("-cp");
        cmd.add(classpath(module));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }
}
