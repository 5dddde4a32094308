package fr.vigie.hardware.barcode;

/**
 * The identity status of the national identity-vigilance rules (RNIV), as far as printing is
 * concerned: the INS may be printed in an {@link InsDataMatrix} only for a {@link #QUAL qualified}
 * identity. Passing the status to {@link InsDataMatrix#encode} makes the caller state it.
 */
public enum RnivStatus {
    /** Provisoire: traits neither retrieved through INSi nor checked on a document. */
    PROV,
    /** Récupérée: traits retrieved or verified through INSi, no high-trust document checked. */
    RECUP,
    /** Validée: checked against a high-trust document, not through INSi. */
    VALI,
    /** Qualifiée: both; the only status under which the INS may be transmitted or printed. */
    QUAL
}
