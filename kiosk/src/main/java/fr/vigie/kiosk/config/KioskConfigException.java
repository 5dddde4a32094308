package fr.vigie.kiosk.config;

/**
 * The kiosk configuration was rejected. The message names the key (or command-line option, or
 * file) and the offending value, and says what would be accepted. Stable code:
 * {@value #CODE}.
 */
public final class KioskConfigException extends Exception {
    /** Stable code for every configuration rejection. */
    public static final String CODE = "KIOSK_CONFIG_INVALID";
    private static final long serialVersionUID = 1L;
    private final String key;
    private final String value;

    /**
     * @param key the configuration key, option or file at fault
     * @param value the rejected value, or null when it was missing
     * @param reason what is wrong and what is accepted
     */
    public KioskConfigException(String key, String value, String reason) {
        super(key + (value == null ? "" : " = '" + value + "'") + ": " + reason);
        this.key = key;
        this.value = value;
    }

    public KioskConfigException(String key, String value, String reason, Throwable cause) {
        this(key, value, reason);
        initCause(cause);
    }

    /** The key, option or file at fault. */
    public String key() {
        return key;
    }

    /** The rejected value; null when the key was missing. */
    public String value() {
        return value;
    }

    /** Always {@value #CODE}. */
    public String code() {
        return CODE;
    }

    @Override
    public String toString() {
        return CODE + ": " + getMessage();
    }
}
