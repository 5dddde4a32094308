package fr.vigie.kiosk.config;

/**
 * A {@link KioskConfig} component failed validation; carries the property key and value so that
 * {@link KioskConfig#load} can report them as a {@link KioskConfigException}.
 */
final class InvalidSetting extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final String value;
    private final String reason;

    InvalidSetting(String key, Object value, String reason) {
        super(key + (value == null ? "" : " = '" + value + "'") + ": " + reason);
        this.key = key;
        this.value = value == null ? null : String.valueOf(value);
        this.reason = reason;
    }

    KioskConfigException toConfigException() {
        return new KioskConfigException(key, value, reason, this);
    }
}
