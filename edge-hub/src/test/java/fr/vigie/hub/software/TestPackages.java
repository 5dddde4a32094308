package fr.vigie.hub.software;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small Debian packages built by the real dpkg-deb the way {@code ./vigie package} builds them (gzip, root owner). */
public final class TestPackages {
    private TestPackages() {
    }

    public static Path build(Path dir, String name, String version, String arch) throws Exception {
        return build(dir, name, version, arch, "version " + version);
    }

    /** A package whose one file holds {@code payload}, written under {@code dir}. */
    public static Path build(Path dir, String name, String version, String arch, String payload) throws Exception {
        Path stage = Files.createTempDirectory(dir, "stage");
        Files.createDirectories(stage.resolve("DEBIAN"));
        Files.createDirectories(stage.resolve("usr/share/" + name));
        Files.writeString(stage.resolve("usr/share/" + name + "/VERSION"), payload + "\n");
        Files.writeString(stage.resolve("DEBIAN/control"), "Package: " + name + "\nVersion: " + version
                + "\nArchitecture: " + arch + "\nMaintainer: Vigie <dev@vigie.invalid>\nSection: misc\n"
                + "Priority: optional\nDescription: test package\n a package the repository tests build\n");
        Path out = dir.resolve(name + "_" + version + "_" + arch + "_" + System.nanoTime() + ".deb");
        Process p = new ProcessBuilder(List.of("dpkg-deb", "--root-owner-group", "-Zgzip", "--build", stage.toString(),
                out.toString())).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("dpkg-deb failed: " + output);
        }
        return out;
    }
}
