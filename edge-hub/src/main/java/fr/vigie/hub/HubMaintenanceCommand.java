package fr.vigie.hub;

import fr.vigie.hub.backup.BackupRefused;
import fr.vigie.hub.backup.BackupRetention;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code vigie hub backup} and {@code vigie hub restore}: the command lines of {@link HubBackup} and
 * {@link HubRestore}. The passphrase is read from a file that only its owner may read (never from the command
 * line or the environment) and is never printed. Prints one line on success; the reason, with its stable code,
 * on standard error otherwise. Exit status: 0 done, 1 refused or failed (nothing written), 2 usage or settings.
 */
final class HubMaintenanceCommand {
    static final String BACKUP_USAGE = String.join("\n",
            "usage: vigie hub backup [--config FILE] [--data DIR] --passphrase-file FILE",
            "                        (--output FILE | --output-dir DIR [--keep N])",
            "Writes one encrypted archive (AES-256-GCM, key from the passphrase with Argon2id) of the hub: database",
            "dump, site CA and its keys, signing keys, secrets, audit anchors and the settings file. The hub may be",
            "running. --output-dir names the file vigie-hub-<site>-<UTC time>.vigie-backup and keeps the N newest",
            "of those (default 14). The passphrase file must be readable by its owner only (chmod 600).");
    static final String RESTORE_USAGE = String.join("\n",
            "usage: vigie hub restore --input FILE --passphrase-file FILE [--config FILE] [--data DIR] [--force]",
            "                         [--settings-out FILE]",
            "Brings the hub of a backup back into an empty data directory (--force replaces one that holds a hub,",
            "once the restore succeeded): same site CA, keys and secrets, so enrolled kiosks reconnect. Nothing is",
            "written when the passphrase is wrong or the archive was changed or cut. --settings-out writes the",
            "archive's settings file there. Run it as the hub's user, with the hub stopped.");
    static final int DEFAULT_KEEP = 14;
    private static final int MIN_PASSPHRASE = 16;

    private HubMaintenanceCommand() {
    }

    static boolean handles(String subcommand) {
        return subcommand.equals("backup") || subcommand.equals("restore");
    }

    /** Who runs the command, for the audit log: the operating-system account of this process. */
    static String actor() {
        return "os:" + System.getProperty("user.name", "unknown");
    }

    /** Runs {@code backup ARGS} or {@code restore ARGS}; returns the exit status. */
    static int run(List<String> args, Clock clock, PrintStream out, PrintStream err) {
        String sub = args.get(0);
        boolean backup = sub.equals("backup");
        String usage = backup ? BACKUP_USAGE : RESTORE_USAGE;
        Path passphraseFile = null;
        Path output = null;
        Path outputDir = null;
        Path input = null;
        Path settingsOut = null;
        Integer keep = null;
        boolean force = false;
        List<String> hubArgs = new ArrayList<>();
        try {
            for (int i = 1; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "-h", "--help" -> {
                        out.println(usage);
                        return 0;
                    }
                    case "--force" -> force = requireRestore(backup, a);
                    case "--passphrase-file" -> passphraseFile = Path.of(value(args, ++i, a));
                    case "--output" -> output = Path.of(value(args, ++i, a, backup));
                    case "--output-dir" -> outputDir = Path.of(value(args, ++i, a, backup));
                    case "--keep" -> keep = keep(value(args, ++i, a, backup));
                    case "--input" -> input = Path.of(value(args, ++i, a, !backup));
                    case "--settings-out" -> settingsOut = Path.of(value(args, ++i, a, !backup));
                    case "--config", "--data", "--set", "--jdbc-url", "--jdbc-user", "--jdbc-password" -> {
                        hubArgs.add(a);
                        hubArgs.add(value(args, ++i, a));
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + a + "'");
                }
            }
            if (passphraseFile == null) {
                throw new IllegalArgumentException("--passphrase-file is required");
            }
            if (backup && (output == null) == (outputDir == null)) {
                throw new IllegalArgumentException("give one of --output FILE or --output-dir DIR");
            }
            if (keep != null && outputDir == null) {
                throw new IllegalArgumentException("--keep goes with --output-dir");
            }
            if (!backup && input == null) {
                throw new IllegalArgumentException("--input is required");
            }
        } catch (IllegalArgumentException e) {
            err.println("vigie hub " + sub + ": " + e.getMessage() + "\n" + usage);
            return HubMain.EXIT_BAD_CONFIG;
        }
        HubArguments hub;
        HubConfig config;
        try {
            hub = HubArguments.parse(hubArgs);
            config = hub.load();
        } catch (HubConfigException e) {
            err.println("vigie hub " + sub + ": bad configuration: " + e.getMessage());
            return HubMain.EXIT_BAD_CONFIG;
        }
        char[] passphrase = null;
        try {
            passphrase = passphrase(passphraseFile);
            if (backup) {
                Path file = output != null ? output
                        : outputDir.resolve(BackupRetention.fileName(config.pki().site(), clock.instant()));
                if (outputDir != null) {
                    fr.vigie.provisioning.AtomicFiles.createPrivateDirectory(outputDir);
                }
                HubBackup.Written w = HubBackup.write(config, hub.configFile(), passphrase, file, clock);
                List<Path> pruned = outputDir == null ? List.of()
                        : BackupRetention.prune(outputDir, keep == null ? DEFAULT_KEEP : keep);
                out.println("VIGIE-HUB BACKUP file=" + w.file() + " bytes=" + Files.size(w.file()) + " entries="
                        + w.entries() + " hub=" + (w.hubRunning() ? "running" : "stopped") + " pruned=" + pruned.size());
            } else {
                HubRestore.Restored r = HubRestore.restore(config, input, passphrase, force, settingsOut, clock);
                out.println("VIGIE-HUB RESTORED data=" + r.dataDir() + " site=" + r.site() + " backup-created="
                        + r.created() + " files=" + r.files());
            }
            return 0;
        } catch (BackupRefused e) {
            err.println("vigie hub " + sub + ": refused: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("vigie hub " + sub + ": failed: " + e);
            return 1;
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    /** The passphrase in {@code file}: owner-only, at least {@value #MIN_PASSPHRASE} characters. */
    static char[] passphrase(Path file) throws BackupRefused, IOException {
        if (!Files.isRegularFile(file)) {
            throw new BackupRefused(BackupRefused.Code.PASSPHRASE_FILE_UNUSABLE, "no passphrase file at " + file
                    + ": write one (e.g. 'openssl rand -base64 32 > " + file + "; chmod 600 " + file + "') and keep a"
                    + " copy away from this machine: without it no backup can be restored");
        }
        try {
            HubFilePermissions.requireOwnerOnly(file);
        } catch (HubFilePermissions.InsecureFileException e) {
            throw new BackupRefused(BackupRefused.Code.PASSPHRASE_FILE_UNUSABLE, "the passphrase file " + file
                    + " is open to other users of this machine: run 'chmod 600 " + file + "' and consider the"
                    + " passphrase known to whoever could read it (choose another for the next backups)");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (text.length() < MIN_PASSPHRASE) {
            throw new BackupRefused(BackupRefused.Code.PASSPHRASE_FILE_UNUSABLE, "the passphrase in " + file
                    + " has fewer than " + MIN_PASSPHRASE + " characters");
        }
        return text.toCharArray();
    }

    private static boolean requireRestore(boolean backup, String option) {
        if (backup) {
            throw new IllegalArgumentException(option + " is an option of restore");
        }
        return true;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static String value(List<String> args, int i, String option, boolean allowed) {
        if (!allowed) {
            throw new IllegalArgumentException("unknown option '" + option + "'");
        }
        return value(args, i, option);
    }

    private static int keep(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 10_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("--keep takes a number of backups from 1 to 10000, got '" + value + "'");
    }
}
