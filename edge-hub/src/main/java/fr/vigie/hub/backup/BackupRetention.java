package fr.vigie.hub.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The daily backups of one folder: their names ({@code vigie-hub-<site>-<UTC time>.vigie-backup}) and the
 * pruning that keeps the newest few. Only files with such a name that start with a hub backup's header are ever
 * deleted: anything else an administrator put there stays. Stateless.
 */
public final class BackupRetention {
    private static final Pattern OURS = Pattern.compile("vigie-hub-[a-z0-9-]+-[0-9]{8}T[0-9]{6}Z"
            + Pattern.quote(HubArchive.SUFFIX));
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private BackupRetention() {
    }

    /** The name of a backup of {@code site} made at {@code time}. */
    public static String fileName(String site, Instant time) {
        return "vigie-hub-" + site + "-" + STAMP.format(time) + HubArchive.SUFFIX;
    }

    /**
     * Deletes all but the {@code keep} newest backups this tool made in {@code dir} (newest by the time in their
     * name).
     *
     * @return the files deleted
     */
    public static List<Path> prune(Path dir, int keep) throws IOException {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, got " + keep);
        }
        List<Path> ours = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (OURS.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p) && startsAsBackup(p)) {
                    ours.add(p);
                }
            }
        }
        ours.sort(Comparator.comparing((Path p) -> stampOf(p)).reversed());
        List<Path> deleted = new ArrayList<>();
        for (Path old : ours.subList(Math.min(keep, ours.size()), ours.size())) {
            Files.delete(old);
            deleted.add(old);
        }
        return deleted;
    }

    private static String stampOf(Path p) {
        String name = p.getFileName().toString();
        return name.substring(name.length() - HubArchive.SUFFIX.length() - 16, name.length() - HubArchive.SUFFIX.length());
    }

    private static boolean startsAsBackup(Path p) throws IOException {
        byte[] magic = ArchiveKey.MAGIC.getBytes(StandardCharsets.US_ASCII);
        try (InputStream in = Files.newInputStream(p)) {
            return Arrays.equals(in.readNBytes(magic.length), magic);
        }
    }
}
