package fr.vigie.config;

import java.util.Objects;

/**
 * A configuration (a bundle or the settings in it) was rejected. The {@link #error() code} is
 * stable; the message names what was wrong, e.g. the key and the value. The kiosk keeps its
 * current configuration.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ConfigError error;

    public ConfigException(ConfigError error, String reason) {
        super(reason);
        this.error = Objects.requireNonNull(error, "error");
    }

    public ConfigException(ConfigError error, String reason, Throwable cause) {
        super(reason, cause);
        this.error = Objects.requireNonNull(error, "error");
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
