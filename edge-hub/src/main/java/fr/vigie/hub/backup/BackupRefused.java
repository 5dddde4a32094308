package fr.vigie.hub.backup;

/**
 * A backup or restore the hub refuses, with a stable {@link Code} and a message a site's IT can act on. Nothing
 * was written when it is thrown (a partial archive or a restore's staging folder is removed first).
 */
public final class BackupRefused extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Code {
        /** The file is not a hub backup (no header, or another program's file). */
        NOT_AN_ARCHIVE,
        /** A backup of a format this hub does not read. */
        FORMAT_UNSUPPORTED,
        /** The passphrase does not open the archive (or its header was changed). */
        PASSPHRASE_WRONG,
        /** A part of the archive was changed, reordered or added after its end. */
        ARCHIVE_TAMPERED,
        /** The archive stops before its end (an interrupted copy). */
        ARCHIVE_TRUNCATED,
        /** The passphrase file is missing, empty, too short or readable by others. */
        PASSPHRASE_FILE_UNUSABLE,
        /** The data directory to restore into already holds a hub. */
        DATA_DIR_NOT_EMPTY,
        /** The data directory is in use by a running hub. */
        DATA_DIR_IN_USE,
        /** The output file exists already. */
        OUTPUT_EXISTS,
        /** A file the archive would restore outside the data directory exists with other content. */
        CONFLICTING_FILE,
        /** pg_dump or pg_restore is missing or failed. */
        DATABASE_TOOL_FAILED
    }

    private final Code code;

    public BackupRefused(Code code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public BackupRefused(Code code, String message, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
