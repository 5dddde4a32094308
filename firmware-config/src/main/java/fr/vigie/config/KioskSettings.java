package fr.vigie.config;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The configuration of one kiosk: immutable, validated at construction, every field with a
 * default. Read from JSON strictly by {@link #fromJson(byte[])} (unknown keys, wrong types and
 * out-of-range values rejected with the key and the value named; absent keys take their
 * defaults), written with every key by {@link #toJson()}.
 *
 * <pre>{@code
 * KioskSettings s = KioskSettings.defaults().withIdleLockSeconds(60);
 * byte[] json = s.toJson();
 * KioskSettings back = KioskSettings.fromJson(json);   // CONFIG_CONTENT_INVALID on bad input
 * }</pre>
 *
 * @param heartbeatSeconds how often the kiosk publishes its status, 5 to 3600 (default 30)
 * @param idleLockSeconds idle time before the screen locks, 15 to 3600 (default 120)
 * @param reauthWindowSeconds how long after a contact card and PIN sign-in a contactless tap may
 *     unlock the session, 0 (never) to 43200 (default 14400, four hours)
 * @param presenceLockSeconds how long nobody may be detected before the screen locks, 1 to 600,
 *     at most {@code idleLockSeconds} (default 10)
 * @param pinEntryTimeoutSeconds time allowed to type the card PIN, 10 to 300 (default 60)
 * @param language user interface language (default French)
 * @param insiEnabled whether the kiosk offers INS retrieval through the hub (default true)
 * @param pscEnabled whether the kiosk offers Pro Santé Connect sign-in (default true)
 * @param trustedAnchors SHA-256 fingerprints (64 lowercase hex digits) of the extra trust anchors
 *     the kiosk accepts for card certificates, at most 32, no duplicates (default none)
 */
public record KioskSettings(int heartbeatSeconds, int idleLockSeconds, int reauthWindowSeconds,
        int presenceLockSeconds, int pinEntryTimeoutSeconds, Language language, boolean insiEnabled,
        boolean pscEnabled, List<String> trustedAnchors) {

    /** Languages of the kiosk's user interface. */
    public enum Language {
        FR("fr"), EN("en");

        private final String code;

        Language(String code) {
            this.code = code;
        }

        /** The code used in JSON: {@code fr}, {@code en}. */
        public String code() {
            return code;
        }
    }

    static final int MAX_ANCHORS = 32;
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");
    private static final KioskSettings DEFAULTS = new KioskSettings(30, 120, 14_400, 10, 60, Language.FR, true, true,
            List.of());

    public KioskSettings {
        range("heartbeatSeconds", heartbeatSeconds, 5, 3600);
        range("idleLockSeconds", idleLockSeconds, 15, 3600);
        range("reauthWindowSeconds", reauthWindowSeconds, 0, 43_200);
        range("presenceLockSeconds", presenceLockSeconds, 1, 600);
        range("pinEntryTimeoutSeconds", pinEntryTimeoutSeconds, 10, 300);
        if (presenceLockSeconds > idleLockSeconds) {
            throw new IllegalArgumentException("presenceLockSeconds '" + presenceLockSeconds
                    + "' must not exceed idleLockSeconds '" + idleLockSeconds + "'");
        }
        Objects.requireNonNull(language, "language");
        trustedAnchors = List.copyOf(Objects.requireNonNull(trustedAnchors, "trustedAnchors"));
        if (trustedAnchors.size() > MAX_ANCHORS) {
            throw new IllegalArgumentException("trustedAnchors has " + trustedAnchors.size() + " entries, at most "
                    + MAX_ANCHORS + " are allowed");
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < trustedAnchors.size(); i++) {
            String f = trustedAnchors.get(i);
            if (!FINGERPRINT.matcher(f).matches()) {
                throw new IllegalArgumentException("trustedAnchors[" + i + "] '" + f
                        + "' must be a SHA-256 fingerprint of 64 lowercase hex digits");
            }
            if (!seen.add(f)) {
                throw new IllegalArgumentException("trustedAnchors[" + i + "] '" + f + "' is listed twice");
            }
        }
    }

    /** Every setting at its default. */
    public static KioskSettings defaults() {
        return DEFAULTS;
    }

    /**
     * Reads settings from a JSON object; absent keys take their defaults.
     *
     * @throws ConfigException {@code CONFIG_CONTENT_INVALID} naming the key and the value
     */
    public static KioskSettings fromJson(byte[] json) throws ConfigException {
        return SettingsJson.read(json);
    }

    /** The settings as a JSON object with every key, in a stable order. */
    public byte[] toJson() {
        return SettingsJson.write(this);
    }

    public KioskSettings withIdleLockSeconds(int value) {
        return new KioskSettings(heartbeatSeconds, value, reauthWindowSeconds, presenceLockSeconds,
                pinEntryTimeoutSeconds, language, insiEnabled, pscEnabled, trustedAnchors);
    }

    public KioskSettings withHeartbeatSeconds(int value) {
        return new KioskSettings(value, idleLockSeconds, reauthWindowSeconds, presenceLockSeconds,
                pinEntryTimeoutSeconds, language, insiEnabled, pscEnabled, trustedAnchors);
    }

    public KioskSettings withLanguage(Language value) {
        return new KioskSettings(heartbeatSeconds, idleLockSeconds, reauthWindowSeconds, presenceLockSeconds,
                pinEntryTimeoutSeconds, value, insiEnabled, pscEnabled, trustedAnchors);
    }

    public KioskSettings withTrustedAnchors(List<String> value) {
        return new KioskSettings(heartbeatSeconds, idleLockSeconds, reauthWindowSeconds, presenceLockSeconds,
                pinEntryTimeoutSeconds, language, insiEnabled, pscEnabled, value);
    }

    private static void range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " '" + value + "' must be between " + min + " and " + max);
        }
    }
}
