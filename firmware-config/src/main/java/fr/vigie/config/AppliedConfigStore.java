package fr.vigie.config;

import fr.vigie.protocol.ConfigBundle;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.ProtocolException;
import fr.vigie.provisioning.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Kiosk side: the configuration in force, kept on disk so that it survives restarts and crashes.
 * Thread-safe.
 *
 * <p>Files in the directory (mode 700): {@code current.json}, the bundle in force;
 * {@code previous.json}, the one before it, for {@link #rollback()}; {@code version-floor}, the
 * highest version ever applied. Every write is temp file, fsync, atomic rename, so after a crash
 * at any point {@code current.json} is a complete bundle, the old or the new one. Bundles read
 * back are verified again with the hub's key; a file that fails is ignored, never trusted.
 *
 * <p>The floor is what makes a rollback stick: after version 8 fails its health check and 7 is
 * back, the retained version 8 that the broker sends again on reconnect is refused as
 * {@link ConfigError#CONFIG_VERSION_NOT_NEWER}; the hub must issue 9.
 *
 * <pre>{@code
 * VerifiedConfig v = verifier.verify(bundle, store.highestVersionSeen());
 * store.apply(v);
 * if (!healthy()) store.rollback();
 * }</pre>
 */
public final class AppliedConfigStore {
    static final String CURRENT = "current.json";
    static final String PREVIOUS = "previous.json";
    static final String FLOOR = "version-floor";

    private final Path dir;
    private final ConfigVerifier verifier;
    private final ProtocolCodec codec = new ProtocolCodec();
    private VerifiedConfig current;
    private VerifiedConfig previous;
    private long floor;

    /**
     * Opens the store in {@code dir}, creating the directory on first use.
     *
     * @throws IOException when the directory cannot be created or read
     */
    public AppliedConfigStore(Path dir, ConfigVerifier verifier) throws IOException {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        AtomicFiles.createPrivateDirectory(dir);
        current = load(CURRENT);
        previous = load(PREVIOUS);
        if (current == null && previous != null) {
            current = previous;
            previous = null;
        }
        Path f = dir.resolve(FLOOR);
        if (Files.exists(f)) {
            try {
                floor = Long.parseLong(Files.readString(f, StandardCharsets.US_ASCII).strip());
            } catch (NumberFormatException e) {
                floor = 0;
            }
        }
    }

    /** The configuration in force, if one was ever applied. */
    public synchronized Optional<VerifiedConfig> current() {
        return Optional.ofNullable(current);
    }

    /** The settings in force: the applied ones, or the defaults before any. */
    public synchronized KioskSettings settings() {
        return current == null ? KioskSettings.defaults() : current.settings();
    }

    /** The highest version applied or tried; a new bundle must be above it. */
    public synchronized long highestVersionSeen() {
        return Math.max(floor, current == null ? 0 : current.version());
    }

    /**
     * Makes {@code config} the configuration in force and keeps the one before it.
     *
     * @throws ConfigException {@code CONFIG_VERSION_NOT_NEWER} when it is not above
     *     {@link #highestVersionSeen()}
     * @throws IOException when the files cannot be written; the configuration in force is unchanged
     */
    public synchronized void apply(VerifiedConfig config) throws ConfigException, IOException {
        if (config.version() <= highestVersionSeen()) {
            throw new ConfigException(ConfigError.CONFIG_VERSION_NOT_NEWER, "version " + config.version()
                    + " is not newer than version " + highestVersionSeen() + " already applied or tried");
        }
        AtomicFiles.write(dir.resolve(FLOOR), Long.toString(config.version()).getBytes(StandardCharsets.US_ASCII));
        floor = config.version();
        if (current != null) {
            AtomicFiles.write(dir.resolve(PREVIOUS), codec.encode(current.bundle()));
        }
        AtomicFiles.write(dir.resolve(CURRENT), codec.encode(config.bundle()));
        previous = current;
        current = config;
    }

    /**
     * Puts the previous configuration back in force, after the health check of a new one failed.
     * The failed version stays below the floor and will not be accepted again.
     *
     * @return false when there is no previous configuration to return to
     */
    public synchronized boolean rollback() throws IOException {
        if (previous == null) {
            return false;
        }
        AtomicFiles.write(dir.resolve(CURRENT), codec.encode(previous.bundle()));
        Files.deleteIfExists(dir.resolve(PREVIOUS));
        current = previous;
        previous = null;
        return true;
    }

    /**
     * Takes back {@code applied}, the configuration just put in force whose health check failed: the
     * previous configuration comes back, or the defaults when there was none before it. The failed
     * version stays below the floor.
     *
     * @return the version now in force (0 for the defaults), or -1 when {@code applied} is not the
     *     configuration in force (nothing changed)
     */
    public synchronized long undo(VerifiedConfig applied) throws IOException {
        if (current == null || current.version() != applied.version()) {
            return -1;
        }
        if (previous != null) {
            rollback();
            return current.version();
        }
        Files.deleteIfExists(dir.resolve(CURRENT));
        current = null;
        return 0;
    }

    private VerifiedConfig load(String name) throws IOException {
        Path f = dir.resolve(name);
        if (!Files.exists(f)) {
            return null;
        }
        try {
            ConfigBundle bundle = codec.decodeConfig(Files.readAllBytes(f));
            return verifier.verifyStored(bundle);
        } catch (ProtocolException | ConfigException e) {
            return null;
        }
    }
}
