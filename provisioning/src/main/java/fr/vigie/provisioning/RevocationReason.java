package fr.vigie.provisioning;

/** Why a device certificate was revoked, with its RFC 5280 CRL reason code. */
public enum RevocationReason {
    UNSPECIFIED(0),
    /** The device key may be known to someone else (stolen kiosk, cloned SD card). */
    KEY_COMPROMISE(1),
    /** The kiosk moved to another site or role. */
    AFFILIATION_CHANGED(3),
    /** A newer certificate replaced this one (rotation). */
    SUPERSEDED(4),
    /** The kiosk was decommissioned. */
    CESSATION_OF_OPERATION(5);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    /** The CRL reason code. */
    public int code() {
        return code;
    }

    /** The reason of a CRL reason code; codes Vigie never writes read as {@link #UNSPECIFIED}. */
    public static RevocationReason ofCode(int code) {
        for (RevocationReason r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        return UNSPECIFIED;
    }
}
