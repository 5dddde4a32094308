package fr.vigie.protocol;

/**
 * Stable codes for messages that break the kiosk-hub contract. The hub counts rejections by these
 * codes in its metrics, and tests and the console speak of them by name.
 */
public enum ProtocolError {
    /** The message is larger than the codec's limit. */
    MESSAGE_TOO_LARGE,
    /** The bytes are not one well-formed JSON object (bad syntax, trailing data, duplicate key, too deep). */
    MALFORMED_JSON,
    /** A required field is absent or null. */
    MISSING_FIELD,
    /** A field the contract does not define is present. */
    UNKNOWN_FIELD,
    /** A field has the wrong JSON type or an invalid value. */
    INVALID_FIELD,
    /** The event type is not one this version of the contract knows. */
    UNKNOWN_EVENT_TYPE,
    /** The schema version is not one this version of the contract reads. */
    UNSUPPORTED_SCHEMA_VERSION,
    /** The message names a kiosk or site other than the one its topic belongs to. */
    TOPIC_MISMATCH,
    /** The topic is not part of the Vigie topic tree. */
    UNKNOWN_TOPIC
}
