package fr.vigie.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A configuration (a bundle or the settings in it) was rejected. The {@link #error() code} is
 * stable; the message names what was wrong, e.g. the key and the value. The kiosk keeps its
 * current configuration.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ConfigError error;
    private final transient SettingProblem problem;

    public ConfigException(ConfigError error, String reason) {
        super(reason);
        this.error = Objects.requireNonNull(error, "error");
        this.problem = null;
    }

    /** Settings refused ({@link ConfigError#CONFIG_CONTENT_INVALID}) because of one setting. */
    public ConfigException(SettingProblem problem, String reason) {
        super(reason);
        this.error = ConfigError.CONFIG_CONTENT_INVALID;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public ConfigException(ConfigError error, String reason, Throwable cause) {
        super(reason, cause);
        this.error = Objects.requireNonNull(error, "error");
        this.problem = null;
    }

    /** The setting at fault, when one is. */
    public Optional<SettingProblem> problem() {
        return Optional.ofNullable(problem);
    }

    /** The stable rejection code. */
    public ConfigError error() {
        return error;
    }

    @Override
    public String toString() {
        return error + ": " + getMessage();
    }
}
