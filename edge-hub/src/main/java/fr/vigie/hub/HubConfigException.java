package fr.vigie.hub;

/**
 * The hub configuration was rejected: a key has a value the hub cannot use, a {@code hub.*} key is
 * unknown, or the configuration file cannot be read. The message names the key and the value (secrets
 * are masked) and says what would be accepted. Immutable.
 */
public final class HubConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String value;

    /**
     * @param key the property key (or {@code config-file}) that is wrong
     * @param value the offending value as it may be shown to a person (already masked for secrets)
     * @param message the full explanation
     */
    public HubConfigException(String key, String value, String message) {
        super(message);
        this.key = key;
        this.value = value;
    }

    /** The property key at fault, e.g. {@code hub.http.port}. */
    public String key() {
        return key;
    }

    /** The rejected value, masked when the key holds a secret. */
    public String value() {
        return value;
    }
}
