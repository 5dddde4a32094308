package fr.vigie.hub;

import fr.vigie.hub.broker.HubMqttCredentials;
import fr.vigie.hub.db.HubDatabase;
import fr.vigie.hub.fleet.ConfigSigningKey;
import fr.vigie.hub.fleet.Fleet;
import fr.vigie.hub.staff.StaffDirectory;
import fr.vigie.provisioning.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What other users of the hub's machine may see of its files: nothing. Checked at every start,
 * before any secret is read:
 * <ul>
 * <li>every directory of the data directory is owner-only (700): the hub made them, so one that is
 * open to others (a directory of an earlier version, a copy made with the wrong umask) is closed,
 * with a warning; the embedded PostgreSQL's own files are left to it;</li>
 * <li>every secret the hub keeps ({@link #SECRETS} in the data directory, a configured
 * {@code hub.ca.passphrase-file}, and the gateways' PKCS#12, password and client secret files) is
 * owner-only (600): one that the group or others may
 * read or change stops the hub with an {@link InsecureFileException} naming the file and the fix,
 * since whoever could read it may already hold it.</li>
 * </ul>
 * Where the file system knows no POSIX permissions, nothing is checked. Stateless.
 */
final class HubFilePermissions {
    /**
     * The hub's lasting secrets, relative to its data directory. (The broker's TLS key store and its
     * password in {@code broker/conf} are not among them: they are made anew, owner-only, at each start.)
     */
    static final List<String> SECRETS = List.of(HubKeys.GENERATED_PASSPHRASE, StaffDirectory.FIRST_ADMIN_PASSWORD_FILE,
            HubMqttCredentials.FILE, "postgres/" + HubDatabase.SUPERUSER_SECRET, "postgres/" + HubDatabase.HUB_ROLE_SECRET,
            "site-ca/site-ca.p12", Fleet.KEY_DIR + "/" + ConfigSigningKey.KEY_FILE);
    private static final Logger LOG = LoggerFactory.getLogger(HubFilePermissions.class);
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private HubFilePermissions() {
    }

    /**
     * Closes the data directory's directories and checks the secrets.
     *
     * @param configuredSecrets secrets kept outside the data directory (e.g. the CA passphrase file)
     * @throws InsecureFileException when a secret is open to others, or a directory cannot be closed
     */
    static void secure(Path dataDir, List<Path> configuredSecrets) throws IOException {
        if (!Files.getFileStore(dataDir).supportsFileAttributeView("posix")) {
            return;
        }
        // a directory others could enter is worth a warning; one inside a closed directory (e.g. made
        // by HiveMQ with its own umask while the hub ran) is closed too, silently
        Set<Path> exposed = new java.util.HashSet<>();
        for (Path dir : directories(dataDir)) {
            try {
                boolean reachable = dir.equals(dataDir) || exposed.contains(dir.getParent());
                if (AtomicFiles.makePrivateDirectory(dir) && reachable) {
                    exposed.add(dir);
                }
            } catch (IOException e) {
                throw new InsecureFileException(dir + " is open to other users of this machine and the hub cannot"
                        + " close it (" + e.getMessage() + "): run 'chmod 700 " + dir + "' as its owner, then start the"
                        + " hub again");
            }
        }
        if (!exposed.isEmpty()) {
            LOG.warn("{} director{} of the hub's data were open to other users of this machine (e.g. {}); now"
                    + " owner-only (700)", exposed.size(), exposed.size() == 1 ? "y" : "ies",
                    exposed.stream().sorted().findFirst().orElseThrow());
        }
        List<Path> secrets = new ArrayList<>();
        SECRETS.forEach(name -> secrets.add(dataDir.resolve(name)));
        secrets.addAll(configuredSecrets);
        for (Path secret : secrets) {
            requireOwnerOnly(secret);
        }
    }

    /** Refuses a secret file that the group or others may read, write or run. */
    static void requireOwnerOnly(Path secret) throws IOException {
        if (!Files.exists(secret) || !Files.getFileStore(secret).supportsFileAttributeView("posix")) {
            return;
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(secret);
        Set<PosixFilePermission> open = EnumSet.copyOf(OTHERS);
        open.retainAll(mode);
        if (!open.isEmpty()) {
            throw new InsecureFileException("secret file " + secret + " is open to other users of this machine (mode "
                    + PosixFilePermissions.toString(mode) + "): run 'chmod 600 " + secret + "', consider the secret"
                    + " known to whoever could read it (replace it), then start the hub again");
        }
    }

    /** The data directory and every directory in it, but inside the embedded PostgreSQL's cluster. */
    private static List<Path> directories(Path dataDir) throws IOException {
        Path cluster = dataDir.resolve("postgres").resolve("data");
        List<Path> out = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dataDir)) {
            all.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.startsWith(cluster) || p.equals(cluster)).forEach(out::add);
        }
        return out;
    }

    /** A file of the hub that other users of the machine can reach. */
    static final class InsecureFileException extends IOException {
        private static final long serialVersionUID = 1L;

        InsecureFileException(String message) {
            super(message);
        }
    }
}
