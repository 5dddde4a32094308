package fr.vigie.system.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One jar of an application's run-time class path, as Maven resolved it: its coordinates and where the build
 * found it (the local repository, or a sibling module's {@code target/}). Immutable.
 *
 * @param optional an optional dependency of the application module itself (Maven lists it, but nothing that
 *        depends on the module would get it: a package leaves it out)
 */
record RuntimeJar(String groupId, String artifactId, String classifier, String version, Path path, boolean optional) {

    /** The name the jar gets in the package: {@code artifactId-version[-classifier].jar}, as Maven copies it. */
    String fileName() {
        return artifactId + "-" + version + (classifier.isEmpty() ? "" : "-" + classifier) + ".jar";
    }

    String coordinates() {
        return groupId + ":" + artifactId + ":" + version + (classifier.isEmpty() ? "" : ":" + classifier);
    }

    /**
     * Reads the file {@code maven-dependency-plugin:list} wrote with {@code outputAbsoluteArtifactFilename}, lines
     * such as {@code "   g:a:jar:1.0:compile:/path/a-1.0.jar (optional) -- module a"}; other lines are skipped.
     *
     * @throws IOException when the file cannot be read or a dependency line is not in that shape
     */
    static List<RuntimeJar> readList(Path file) throws IOException {
        List<RuntimeJar> jars = new ArrayList<>();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            int module = line.indexOf(" -- module ");
            if (module >= 0) {
                line = line.substring(0, module).strip();
            }
            boolean optional = line.endsWith(" (optional)");
            if (optional) {
                line = line.substring(0, line.length() - " (optional)".length()).strip();
            }
            if (line.isEmpty() || line.contains(" ") || !line.contains(":")) {
                continue; // a heading such as "The following files have been resolved:"
            }
            String[] f = line.split(":");
            if ((f.length != 6 && f.length != 7) || !f[f.length - 1].startsWith("/")) {
                throw new IOException(file + ": not a dependency line with an absolute path: " + raw);
            }
            if (!"jar".equals(f[2])) {
                continue;
            }
            String classifier = f.length == 7 ? f[3] : "";
            jars.add(new RuntimeJar(f[0], f[1], classifier, f[f.length - 3], Path.of(f[f.length - 1]), optional));
        }
        return jars;
    }
}
