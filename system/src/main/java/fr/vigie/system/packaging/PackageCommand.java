package fr.vigie.system.packaging;

import fr.vigie.system.VigieHome;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code ./vigie package [--version V] [--out DIR]}: builds {@code vigie-hub_<V>_all.deb} and
 * {@code vigie-kiosk_<V>_all.deb} from the built tree (default directory {@code target/deb}). The default
 * version is the Maven version, a snapshot becoming {@code 0.1.0~snapshot.<UTC yyyyMMddHHmmss>} so that each
 * build upgrades the one before. Prints one line per package: path and size. Exit codes: 0 built, 1 failed
 * (reason on stderr), 2 bad usage.
 */
public final class PackageCommand {
    static final String USAGE = "usage: ./vigie package [--version DEBIAN-VERSION] [--out DIR]";
    private static final Pattern DEBIAN_VERSION = Pattern.compile("^[0-9][A-Za-z0-9.+~-]*$");

    private PackageCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), VigieHome.locate().root(), Clock.systemUTC(), System.out, System.err));
    }

    /** Runs the command on the tree at {@code root}; returns the exit code (the benchmark builds its packages so). */
    public static int run(List<String> args, Path root, Clock clock, PrintStream out, PrintStream err) {
        String version = null;
        Path dir = root.resolve("target/deb");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-h") || a.equals("--help")) {
                out.println(USAGE);
                return 0;
            }
            if ((a.equals("--version") || a.equals("--out")) && i + 1 < args.size()) {
                if (a.equals("--version")) {
                    version = args.get(++i);
                } else {
                    dir = Path.of(args.get(++i)).toAbsolutePath();
                }
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        if (version != null && !DEBIAN_VERSION.matcher(version).matches()) {
            err.println("vigie package: '" + version + "' is not a Debian version (digits first, then letters, digits, . + ~ -)");
            return 2;
        }
        try {
            String v = version != null ? version : debianVersion(mavenVersion(root), clock);
            Files.createDirectories(dir);
            Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository");
            List<Path> built = new ArrayList<>();
            for (PackageSpec spec : PackageSpec.ALL) {
                built.add(new DebianPackage(spec, root, m2).build(v, dir));
            }
            for (Path deb : built) {
                out.printf(Locale.ROOT, "%s %.1f MB%n", deb, Files.size(deb) / 1e6);
            }
            return 0;
        } catch (IOException | LicenceNames.UnknownLicenceException e) {
            err.println("vigie package: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** {@code 0.1.0-SNAPSHOT} → {@code 0.1.0~snapshot.20261207031500}; a release version stays as it is. */
    static String debianVersion(String mavenVersion, Clock clock) {
        if (mavenVersion.endsWith("-SNAPSHOT")) {
            return mavenVersion.substring(0, mavenVersion.length() - "-SNAPSHOT".length()) + "~snapshot."
                    + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC).format(clock.instant());
        }
        return mavenVersion;
    }

    /** The version of our own modules, as the hub's dependency list names them. */
    private static String mavenVersion(Path root) throws IOException {
        return RuntimeJar.readList(root.resolve(PackageSpec.HUB.module()).resolve("target/runtime-dependencies.txt"))
                .stream().filter(j -> j.groupId().equals("fr.vigie")).map(RuntimeJar::version).findFirst()
                .orElseThrow(() -> new IOException("cannot tell Vigie's version from the hub's dependency list"));
    }
}
