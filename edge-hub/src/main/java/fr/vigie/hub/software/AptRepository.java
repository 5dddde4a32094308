package fr.vigie.hub.software;

import fr.vigie.protocol.device.SoftwareApi;
import fr.vigie.provisioning.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The hub's APT repository of Vigie packages: a pool of {@code .deb} files and one signed distribution,
 * laid out as APT expects under {@code <root>}:
 *
 * <pre>
 * pool/main/vigie-kiosk/vigie-kiosk_0.2.0_all.deb
 * dists/vigie/main/binary-all/Packages, Packages.gz
 * dists/vigie/Release, Release.gpg, InRelease     (signed by {@link RepositorySigningKey})
 * </pre>
 *
 * Every version added stays in the pool and in the index, so a kiosk can be sent back to an earlier one. A
 * kiosk's APT source is {@code deb [signed-by=…] <hub>/software/apt vigie main}. Only Vigie's own packages are
 * accepted, each version newer than the last one of its name. The index is rewritten on every change: the
 * package lists first, the signed {@code InRelease} last, each file replaced atomically. Thread-safe.
 */
public final class AptRepository {
    /** The distribution (suite and codename) kiosks' APT sources name. */
    public static final String DISTRIBUTION = SoftwareApi.DISTRIBUTION;
    /** The only component. */
    public static final String COMPONENT = SoftwareApi.COMPONENT;
    /** The packages of the product; anything else is refused. */
    public static final Set<String> PRODUCT_PACKAGES = Set.of("vigie-kiosk", "vigie-hub");
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Path root;
    private final RepositorySigningKey key;
    private final String site;
    private final Clock clock;

    /**
     * Opens (and indexes) the repository under {@code root}.
     *
     * @param site the site the hub serves, written in the {@code Release} description
     */
    public AptRepository(Path root, RepositorySigningKey key, String site, Clock clock) throws IOException {
        this.root = root;
        this.key = key;
        this.site = site;
        this.clock = clock;
        AtomicFiles.makePrivateDirectory(root); // the hub serves it; nobody else on the machine needs to read it
        Files.createDirectories(pool());
        reindex();
    }

    /** The repository's root directory: what the hub serves under its repository path. */
    public Path root() {
        return root;
    }

    /**
     * Adds a package to the pool and re-signs the index.
     *
     * @return the package's control data as stored
     * @throws SoftwareRefusal {@code PACKAGE_MALFORMED}, {@code PACKAGE_NOT_VIGIE},
     *     {@code PACKAGE_WRONG_ARCHITECTURE}, {@code PACKAGE_NOT_NEWER}
     */
    public synchronized DebianPackageFile add(Path deb) throws IOException, SoftwareRefusal {
        DebianPackageFile p = DebianPackageFile.read(deb);
        if (!PRODUCT_PACKAGES.contains(p.name())) {
            throw new SoftwareRefusal(SoftwareRefusal.Code.PACKAGE_NOT_VIGIE, "'" + p.name()
                    + "' is not a Vigie package (only " + String.join(" and ", PRODUCT_PACKAGES.stream().sorted().toList())
                    + " are served to the fleet)");
        }
        if (!p.architecture().equals("all")) {
            throw new SoftwareRefusal(SoftwareRefusal.Code.PACKAGE_WRONG_ARCHITECTURE, p.name() + " " + p.version()
                    + " is built for '" + p.architecture() + "'; Vigie packages are built for 'all'");
        }
        Optional<DebianPackageFile> newest = newest(p.name());
        if (newest.isPresent() && newest.get().version().compareTo(p.version()) >= 0) {
            throw new SoftwareRefusal(SoftwareRefusal.Code.PACKAGE_NOT_NEWER, p.name() + " " + p.version()
                    + " is not newer than " + newest.get().version() + ", already in the repository");
        }
        Path target = pool().resolve(p.name()).resolve(p.name() + "_" + fileVersion(p.version()) + "_all.deb");
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.copy(deb, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        reindex();
        return p;
    }

    /** Every package in the pool, by name then version. */
    public synchronized List<PooledPackage> packages() throws IOException {
        List<PooledPackage> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(pool())) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".deb")).toList()) {
                try {
                    all.add(new PooledPackage(root.relativize(f).toString(), DebianPackageFile.read(f)));
                } catch (SoftwareRefusal e) {
                    throw new IOException("the repository's pool holds a damaged package: " + e.getMessage(), e);
                }
            }
        }
        all.sort(Comparator.comparing((PooledPackage p) -> p.file().name())
                .thenComparing(p -> p.file().version()));
        return all;
    }

    /** The newest version of {@code name} in the pool. */
    public synchronized Optional<DebianPackageFile> newest(String name) throws IOException {
        return packages().stream().map(PooledPackage::file).filter(f -> f.name().equals(name))
                .max(Comparator.comparing(DebianPackageFile::version));
    }

    /** A package in the pool and its path from the repository's root (APT's {@code Filename}). */
    public record PooledPackage(String filename, DebianPackageFile file) {
    }

    private Path pool() {
        return root.resolve("pool").resolve(COMPONENT);
    }

    private void reindex() throws IOException {
        StringBuilder index = new StringBuilder();
        for (PooledPackage p : packages()) {
            if (index.length() > 0) {
                index.append('\n');
            }
            for (Map.Entry<String, String> f : p.file().fields().entrySet()) {
                index.append(f.getKey()).append(": ").append(f.getValue()).append('\n');
            }
            index.append("Filename: ").append(p.filename()).append('\n');
            index.append("Size: ").append(p.file().size()).append('\n');
            index.append("SHA256: ").append(p.file().sha256()).append('\n');
        }
        byte[] packages = index.toString().getBytes(StandardCharsets.UTF_8);
        byte[] packagesGz = gzip(packages);
        Path dist = root.resolve("dists").resolve(DISTRIBUTION);
        Path binary = dist.resolve(COMPONENT).resolve("binary-all");
        Files.createDirectories(binary);
        AtomicFiles.write(binary.resolve("Packages"), packages);
        AtomicFiles.write(binary.resolve("Packages.gz"), packagesGz);
        String listPath = COMPONENT + "/binary-all/";
        String release = "Origin: Vigie\n"
                + "Label: Vigie\n"
                + "Suite: " + DISTRIBUTION + "\n"
                + "Codename: " + DISTRIBUTION + "\n"
                + "Date: " + RFC_2822.format(clock.instant()) + "\n"
                + "Architectures: all\n"
                + "Components: " + COMPONENT + "\n"
                + "Description: Vigie packages published by the hub of " + site + "\n"
                + "SHA256:\n"
                + " " + sha256(packages) + " " + packages.length + " " + listPath + "Packages\n"
                + " " + sha256(packagesGz) + " " + packagesGz.length + " " + listPath + "Packages.gz\n";
        byte[] releaseBytes = release.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dist.resolve("Release"), releaseBytes);
        AtomicFiles.write(dist.resolve("Release.gpg"), key.detachSign(releaseBytes));
        AtomicFiles.write(dist.resolve("InRelease"), key.clearSign(releaseBytes));
    }

    /** The version as it appears in pool file names: dpkg drops the epoch's colon there. */
    private static String fileVersion(DebianVersion v) {
        return v.toString().replace(':', '%');
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
