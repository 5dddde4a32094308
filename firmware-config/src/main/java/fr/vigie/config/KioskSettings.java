package fr.vigie.config;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The signed fleet configuration of one kiosk: immutable, validated at construction, every field with the
 * default of its {@link KioskFleetSettings descriptor}. Read from JSON strictly by {@link #fromJson(byte[])}
 * (settings by their dotted names; unknown names, former names, wrong types and out-of-range values rejected
 * with the name and the value, and a {@link SettingProblem}; absent names take their defaults), written with
 * every name by {@link #toJson()}. Configurations signed or stored before the settings reference, with the
 * former camelCase names, are read by {@link #fromStoredJson(byte[])}.
 *
 * <pre>{@code
 * KioskSettings s = KioskSettings.defaults().withIdleLockSeconds(60);
 * byte[] json = s.toJson();                            // {"kiosk.heartbeat-seconds":10,…}
 * KioskSettings back = KioskSettings.fromJson(json);   // CONFIG_CONTENT_INVALID on bad input
 * }</pre>
 *
 * @param heartbeatSeconds {@code kiosk.heartbeat-seconds}
 * @param idleLockSeconds {@code kiosk.session.idle-lock-seconds}
 * @param reauthWindowSeconds {@code kiosk.session.reauth-window-seconds}
 * @param presenceLockSeconds {@code kiosk.session.presence-lock-seconds}, at most {@code idleLockSeconds}
 * @param pinEntryTimeoutSeconds {@code kiosk.session.pin-entry-seconds}
 * @param language {@code kiosk.ui.language}
 * @param insiEnabled {@code kiosk.insi.enabled}
 * @param pscEnabled {@code kiosk.psc.enabled}
 * @param trustedAnchors {@code kiosk.igc-sante.trusted-fingerprints}: SHA-256 fingerprints (64 lowercase hex
 *     digits), at most 32, no duplicates
 * @param lockGraceSeconds {@code kiosk.session.lock-grace-seconds}
 */
public record KioskSettings(int heartbeatSeconds, int idleLockSeconds, int reauthWindowSeconds,
        int presenceLockSeconds, int pinEntryTimeoutSeconds, Language language, boolean insiEnabled,
        boolean pscEnabled, List<String> trustedAnchors, int lockGraceSeconds) {

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
    private static final KioskSettings DEFAULTS = new KioskSettings(KioskFleetSettings.HEARTBEAT.defaultInt(),
            KioskFleetSettings.IDLE_LOCK.defaultInt(), KioskFleetSettings.REAUTH_WINDOW.defaultInt(),
            KioskFleetSettings.PRESENCE_LOCK.defaultInt(), KioskFleetSettings.PIN_ENTRY.defaultInt(), Language.FR,
            KioskFleetSettings.INSI.defaultBoolean(), KioskFleetSettings.PSC.defaultBoolean(), List.of(),
            KioskFleetSettings.LOCK_GRACE.defaultInt());

    public KioskSettings {
        range(KioskFleetSettings.HEARTBEAT, heartbeatSeconds);
        range(KioskFleetSettings.IDLE_LOCK, idleLockSeconds);
        range(KioskFleetSettings.REAUTH_WINDOW, reauthWindowSeconds);
        range(KioskFleetSettings.PRESENCE_LOCK, presenceLockSeconds);
        range(KioskFleetSettings.PIN_ENTRY, pinEntryTimeoutSeconds);
        range(KioskFleetSettings.LOCK_GRACE, lockGraceSeconds);
        if (presenceLockSeconds > idleLockSeconds) {
            throw new Invalid(new SettingProblem(SettingProblem.Kind.CONFLICT, KioskFleetSettings.PRESENCE_LOCK.key(),
                    Integer.toString(presenceLockSeconds)), KioskFleetSettings.PRESENCE_LOCK.key() + " '"
                    + presenceLockSeconds + "' must not exceed " + KioskFleetSettings.IDLE_LOCK.key() + " '"
                    + idleLockSeconds + "'");
        }
        Objects.requireNonNull(language, "language");
        String anchorsKey = KioskFleetSettings.TRUSTED_FINGERPRINTS.key();
        trustedAnchors = List.copyOf(Objects.requireNonNull(trustedAnchors, "trustedAnchors"));
        if (trustedAnchors.size() > MAX_ANCHORS) {
            throw new Invalid(new SettingProblem(SettingProblem.Kind.OUT_OF_RANGE, anchorsKey,
                    Integer.toString(trustedAnchors.size())), anchorsKey + " has " + trustedAnchors.size()
                    + " entries, at most " + MAX_ANCHORS + " are allowed");
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < trustedAnchors.size(); i++) {
            String f = trustedAnchors.get(i);
            if (!FINGERPRINT.matcher(f).matches()) {
                throw new Invalid(new SettingProblem(SettingProblem.Kind.NOT_ALLOWED, anchorsKey, f), anchorsKey + "["
                        + i + "] '" + f + "' must be a SHA-256 fingerprint of 64 lowercase hex digits");
            }
            if (!seen.add(f)) {
                throw new Invalid(new SettingProblem(SettingProblem.Kind.NOT_ALLOWED, anchorsKey, f), anchorsKey + "["
                        + i + "] '" + f + "' is listed twice");
            }
        }
    }

    /** A value the record refuses, with the setting at fault. */
    static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final transient SettingProblem problem;

        Invalid(SettingProblem problem, String message) {
            super(message);
            this.problem = problem;
        }
    }

    /** Every setting at its default. */
    public static KioskSettings defaults() {
        return DEFAULTS;
    }

    /**
     * Reads settings from a JSON object of today's names; absent names take their defaults.
     *
     * @throws ConfigException {@code CONFIG_CONTENT_INVALID} naming the setting and the value, with its
     *     {@link ConfigException#problem() problem}
     */
    public static KioskSettings fromJson(byte[] json) throws ConfigException {
        return SettingsJson.read(json, false);
    }

    /**
     * Reads settings the hub or the kiosk stored (or signed) itself, which may use the names of before the
     * settings reference ({@link LegacySettingNames}).
     *
     * @throws ConfigException {@code CONFIG_CONTENT_INVALID} as {@link #fromJson(byte[])}
     */
    public static KioskSettings fromStoredJson(byte[] json) throws ConfigException {
        return SettingsJson.read(json, true);
    }

    /**
     * Reads the fleet settings a kiosk's local properties file holds (other keys are ignored), with the same
     * bounds as a rollout; absent ones take their defaults.
     *
     * @throws ConfigException {@code CONFIG_CONTENT_INVALID} as {@link #fromJson(byte[])}
     */
    public static KioskSettings fromProperties(java.util.Map<String, String> raw) throws ConfigException {
        return SettingsProperties.read(raw);
    }

    /** The settings as a JSON object with every name, in reference order. */
    public byte[] toJson() {
        return SettingsJson.write(this);
    }

    public KioskSettings withIdleLockSeconds(int value) {
        return new KioskSettings(heartbeatSeconds, value, reauthWindowSeconds, presenceLockSeconds,
                pinEntryTimeoutSeconds, language, insiEnabled, pscEnabled, trustedAnchors, lockGraceSeconds);
    }

    public KioskSettings withHeartbeatSeconds(int value) {
        return new KioskSettings(value, idleLockSeconds, reauthWindowSeconds, presenceLockSeconds,
                pinEntryTimeoutSeconds, language, insiEnabled, pscEnabled, trustedAnchors, lockGraceSeconds);
    }

    public KioskSettings withLanguage(Language value) {
        return new KioskSettings(heartbeatSeconds, idleLockSeconds, reauthWindowSeconds, presenceLockSeconds,
                pinEntryTimeoutSeconds, value, insiEnabled, pscEnabled, trustedAnchors, lockGraceSeconds);
    }

    public KioskSettings withTrustedAnchors(List<String> value) {
        return new KioskSettings(heartbeatSeconds, idleLockSeconds, reauthWindowSeconds, presenceLockSeconds,
                pinEntryTimeoutSeconds, language, insiEnabled, pscEnabled, value, lockGraceSeconds);
    }

    private static void range(Setting setting, int value) {
        if (!setting.inBounds(value)) {
            throw new Invalid(new SettingProblem(SettingProblem.Kind.OUT_OF_RANGE, setting.key(), Integer.toString(value)),
                    setting.key() + " '" + value + "' must be between " + setting.min().orElseThrow() + " and "
                            + setting.max().orElseThrow());
        }
    }
}
