package fr.vigie.kiosk.update;

import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.protocol.device.SoftwareApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A copy of the hub's package repository in {@code <data>/updates/mirror}, fetched over the device API (mutual
 * TLS, the kiosk's own key: APT could not present it, and the key must not leave the kiosk's process). It copies
 * the signed distribution files and the packages asked for, in APT's layout, so that the root update unit reads
 * it as a {@code file:} source. Nothing here is trusted: APT checks {@code InRelease} against the pinned key and
 * every file against its hashes; this class only refuses a package path that would leave the mirror. Not
 * thread-safe (one update at a time).
 */
public final class RepositoryMirror {
    private static final Pattern POOL_FILE = Pattern.compile("pool/[a-z0-9]+/[a-z0-9.+-]+/[A-Za-z0-9.+~%_-]+\\.deb");
    private static final String DIST = "dists/" + SoftwareApi.DISTRIBUTION + "/";
    private static final List<String> INDEX = List.of(DIST + "InRelease", DIST + "Release", DIST + "Release.gpg",
            DIST + SoftwareApi.COMPONENT + "/binary-all/Packages", DIST + SoftwareApi.COMPONENT + "/binary-all/Packages.gz");

    private final HubApi hub;
    private final Path root;

    public RepositoryMirror(HubApi hub, Path root) {
        this.hub = hub;
        this.root = root;
    }

    /** The mirror's directory: the root unit's {@code file:} source. */
    public Path root() {
        return root;
    }

    /**
     * Refreshes the signed index and copies the package files of {@code packageName} in {@code versions} (those
     * the index lists; the others are left out).
     *
     * @return the bytes received from the hub
     * @throws HubApiException the hub could not be reached or refused (the kiosk keeps its version and retries)
     */
    public long refresh(String packageName, List<String> versions) throws HubApiException, IOException {
        long bytes = 0;
        for (String file : INDEX) {
            bytes += hub.download(SoftwareApi.REPOSITORY + "/" + file, root.resolve(file));
        }
        Map<String, String> files = filenames(Files.readString(root.resolve(INDEX.get(3)), StandardCharsets.UTF_8),
                packageName);
        for (String v : versions) {
            String file = files.get(v);
            if (file != null && !Files.exists(root.resolve(file))) {
                bytes += hub.download(SoftwareApi.REPOSITORY + "/" + file, root.resolve(file));
            }
        }
        return bytes;
    }

    /** Whether the mirror's index lists {@code packageName} {@code version}. */
    public boolean lists(String packageName, String version) throws IOException {
        Path packages = root.resolve(INDEX.get(3));
        return Files.exists(packages) && filenames(Files.readString(packages, StandardCharsets.UTF_8), packageName)
                .containsKey(version);
    }

    /** Version → pool file of {@code packageName} in an APT {@code Packages} index; paths that leave the pool are left out. */
    static Map<String, String> filenames(String packagesIndex, String packageName) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String stanza : packagesIndex.split("\n\\s*\n")) {
            Map<String, String> fields = fields(stanza);
            String file = fields.get("Filename");
            if (packageName.equals(fields.get("Package")) && fields.containsKey("Version") && file != null
                    && POOL_FILE.matcher(file).matches()) {
                out.put(fields.get("Version"), file);
            }
        }
        return out;
    }

    private static Map<String, String> fields(String stanza) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : stanza.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !Character.isWhitespace(line.charAt(0))) {
                out.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return out;
    }

    /** The versions of {@code packageName} the mirror's index lists, as they appear there. */
    public List<String> versions(String packageName) throws IOException {
        Path packages = root.resolve(INDEX.get(3));
        return Files.exists(packages) ? new ArrayList<>(filenames(Files.readString(packages, StandardCharsets.UTF_8),
                packageName).keySet()) : List.of();
    }

    /** The pool file of a version, if the index lists it. */
    public Optional<String> poolFile(String packageName, String version) throws IOException {
        Path packages = root.resolve(INDEX.get(3));
        return Files.exists(packages) ? Optional.ofNullable(filenames(Files.readString(packages,
                StandardCharsets.UTF_8), packageName).get(version)) : Optional.empty();
    }
}
