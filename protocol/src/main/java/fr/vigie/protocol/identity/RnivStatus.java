package fr.vigie.protocol.identity;

/**
 * The identity status of the national identity-vigilance rules (RNIV, DOMAIN §3): four mutually
 * exclusive statuses on two axes, {@link #insi() I} (traits retrieved or verified through INSi, or
 * obtained from the ApCV) and {@link #document() C} (checked against a high-trust document). The INS
 * may be transmitted or printed (e.g. in an INS DataMatrix) only for a {@link #QUAL qualified}
 * identity. Transitions are decided by the hub's RNIV lifecycle alone ({@code fr.vigie.hub.identity.rniv}).
 */
public enum RnivStatus {
    /** Provisoire: traits neither retrieved through INSi nor checked on a document. */
    PROV(false, false),
    /** Récupérée: traits retrieved or verified through INSi, no high-trust document checked. */
    RECUP(true, false),
    /** Validée: checked against a high-trust document, not through INSi. */
    VALI(false, true),
    /** Qualifiée: both; the only status under which the INS may be transmitted or printed. */
    QUAL(true, true);

    private final boolean insi;
    private final boolean document;

    RnivStatus(boolean insi, boolean document) {
        this.insi = insi;
        this.document = document;
    }

    /** Axis I: the traits were retrieved or verified through INSi (or came from the ApCV). */
    public boolean insi() {
        return insi;
    }

    /** Axis C: the traits were checked against a high-trust document. */
    public boolean document() {
        return document;
    }

    /** The status with the given axes. */
    public static RnivStatus of(boolean insi, boolean document) {
        return insi ? (document ? QUAL : RECUP) : (document ? VALI : PROV);
    }
}
