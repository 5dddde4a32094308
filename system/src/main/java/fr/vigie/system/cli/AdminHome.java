package fr.vigie.system.cli;

import fr.vigie.provisioning.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The admin CLI's files of one user, in that user's own folder: {@code $XDG_CONFIG_HOME/vigie}, else
 * {@code ~/.config/vigie} (700): the API token {@code login} stored ({@value #TOKEN_FILE}, 600) and the hub
 * it signed in to ({@value #SETTINGS_FILE}, 600), which later commands use when they are given no
 * {@code --hub}. Nothing here is shared between the users of a machine: a token file, or a settings file
 * (which decides where the token is sent), that another user could read, replace or change is refused.
 * Stateless apart from the files.
 */
final class AdminHome {
    static final String TOKEN_FILE = "admin-token";
    static final String SETTINGS_FILE = "admin.properties";
    private static final String HUB = "hub";

    private final Path dir;

    private AdminHome(Path dir) {
        this.dir = dir;
    }

    /** The folder of the user running the command: {@code $XDG_CONFIG_HOME/vigie}, else {@code $HOME/.config/vigie}. */
    static AdminHome of(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return new AdminHome(Path.of(xdg, "vigie"));
        }
        String home = env.get("HOME");
        Path base = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"));
        return new AdminHome(base.resolve(".config").resolve("vigie"));
    }

    Path dir() {
        return dir;
    }

    Path tokenFile() {
        return dir.resolve(TOKEN_FILE);
    }

    Path settingsFile() {
        return dir.resolve(SETTINGS_FILE);
    }

    /** The hub {@code login} remembered, if any. */
    Optional<String> rememberedHub() throws AdminFailure {
        Path file = settingsFile();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = new StringReader(readPrivate(file, "settings file"))) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw AdminFailure.usage("cannot read " + file + ": " + e.getMessage());
        }
        String hub = p.getProperty(HUB, "").trim();
        return hub.isEmpty() ? Optional.empty() : Optional.of(hub);
    }

    /** Remembers {@code hub} for the next commands of this user. */
    void rememberHub(URI hub) throws AdminFailure {
        write(settingsFile(), "# written by ./vigie admin login: the hub later commands use without --hub\n"
                + HUB + "=" + hub + "\n");
    }

    /** Writes {@code content} to {@code file}, owner-only, creating this user's folder (700) when the file is in it. */
    void write(Path file, String content) throws AdminFailure {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent.equals(dir.toAbsolutePath())) {
                AtomicFiles.makePrivateDirectory(parent);
            } else {
                AtomicFiles.createPrivateDirectory(parent);
            }
            AtomicFiles.write(file, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw AdminFailure.usage("cannot write " + file + ": " + e.getMessage());
        }
    }

    /**
     * Reads a file that must be this user's alone: owned by the user running the command, neither readable
     * nor writable by anyone else, in a folder no one else may change (a sticky one such as {@code /tmp}
     * is fine).
     *
     * @param what how the message names the file ({@code token file}…)
     * @throws AdminFailure {@link AdminFailure#NOT_SIGNED_IN} when another user could read or change it
     */
    static String readPrivate(Path file, String what) throws AdminFailure {
        try {
            refuseShared(file, what);
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw AdminFailure.usage("cannot read the " + what + " " + file + ": " + e.getMessage());
        }
    }

    private static void refuseShared(Path file, String what) throws IOException, AdminFailure {
        if (!Files.getFileStore(file).supportsFileAttributeView("unix")) {
            return; // no POSIX modes to check (not Linux or macOS)
        }
        if (Files.isSymbolicLink(file)) {
            throw shared(file, what, "is a symbolic link: point at the file itself");
        }
        int mode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        if ((mode & 0077) != 0) {
            throw shared(file, what, "can be read or changed by other users (mode " + octal(mode) + "): run chmod 600 "
                    + file + (what.startsWith("token") ? ", and revoke that token if others may have read it" : ""));
        }
        UserPrincipal owner = Files.getOwner(file, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal me = file.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (!owner.equals(me)) {
            throw shared(file, what, "belongs to " + owner.getName() + ", not to you (" + me.getName() + ")");
        }
        Path parent = file.toAbsolutePath().getParent();
        int dirMode = (Integer) Files.getAttribute(parent, "unix:mode");
        boolean sticky = (dirMode & 01000) != 0;
        if ((dirMode & 0022) != 0 && !sticky) {
            throw shared(file, what, "is in " + parent + ", which other users may change (mode " + octal(dirMode)
                    + "): run chmod go-w " + parent);
        }
    }

    private static AdminFailure shared(Path file, String what, String why) {
        return new AdminFailure(AdminFailure.NOT_SIGNED_IN, "FILE_NOT_PRIVATE", "refusing the " + what + " " + file
                + ": it " + why);
    }

    private static String octal(int mode) {
        return String.format("%04o", mode & 07777);
    }
}
