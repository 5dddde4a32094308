package fr.vigie.config;

/**
 * Stable codes for configuration bundles a kiosk refuses, sent back in its reply so that the
 * console, the audit log and the tests speak of them by name.
 */
public enum ConfigError {
    /** The bundle is not a compact JWS with a readable header and payload of the expected shape. */
    CONFIG_MALFORMED,
    /** The bundle carries no signature ({@code alg: none} or an empty signature). */
    CONFIG_UNSIGNED,
    /** The bundle is signed with an algorithm other than ES256 (HS256, RS256, ...). */
    CONFIG_ALG_NOT_ALLOWED,
    /** The signature does not verify with the hub's pinned key: tampered content or another key. */
    CONFIG_SIGNATURE_INVALID,
    /** The unsigned envelope (site, kiosk, version, date) disagrees with the signed payload. */
    CONFIG_ENVELOPE_MISMATCH,
    /** The signed payload is for another kiosk. */
    CONFIG_WRONG_KIOSK,
    /** The version is not higher than the highest this kiosk has applied or tried (replay or rollback). */
    CONFIG_VERSION_NOT_NEWER,
    /** The settings are not valid: unknown key, wrong type, value out of range. */
    CONFIG_CONTENT_INVALID,
    /** The bundle was applied, the health check failed, and the previous configuration is back. */
    CONFIG_HEALTH_CHECK_FAILED,
    /** The bundle was valid but could not be written to the kiosk's disk; the configuration in force is unchanged. */
    CONFIG_STORE_FAILED
}
