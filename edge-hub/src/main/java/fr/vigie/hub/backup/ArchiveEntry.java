package fr.vigie.hub.backup;

import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * One entry of a hub backup as {@link ArchiveReader} hands it out: its kind, its name (for a data file, its path
 * relative to the data directory, with {@code /}), its POSIX mode bits and its content, to read before asking
 * for the next entry.
 *
 * @param kind what the entry holds
 * @param name a relative path of plain names (never absolute, never {@code ..})
 * @param mode the file's permission bits as they were, e.g. {@code 0600}
 * @param content the entry's bytes
 */
public record ArchiveEntry(Kind kind, String name, int mode, InputStream content) {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    /** What an entry holds; the number is written in the archive. */
    public enum Kind {
        /** The archive's manifest (a properties text: format, time, site, database kind). */
        MANIFEST(1),
        /** A file of the hub's data directory. */
        DATA_FILE(2),
        /** The CA passphrase file configured outside the data directory ({@code hub.ca.passphrase-file}). */
        CA_PASSPHRASE(3),
        /** The hub's settings file ({@code --config}). */
        SETTINGS(4),
        /** The database, as {@code pg_dump --format=custom} writes it. */
        DATABASE(5);

        final int code;

        Kind(int code) {
            this.code = code;
        }

        static Kind of(int code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            return null;
        }
    }

    /** Whether {@code name} is a relative path of plain names that cannot leave the folder it is resolved in. */
    static boolean isSafeName(String name) {
        if (name == null || name.length() > 1024 || !SAFE_NAME.matcher(name).matches()) {
            return false;
        }
        for (String part : name.split("/")) {
            if (part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
