package fr.vigie.protocol.identity;

import java.util.Locale;

/**
 * A high-trust identity document (pièce d'identité à haut niveau de confiance) against which traits
 * may be checked, setting the C axis of the {@link RnivStatus}. The Vitale card is deliberately not a
 * constant: it is not an identity document (it only starts an INSi lookup), so a check "against the
 * Vitale card" cannot be expressed, and {@link #parse(String)} rejects it by name.
 *
 * <p>The two 2024 exceptions are documented values: the RNIV 2024 update admits, for residents of a
 * nursing home and for minors, a checked identity without one of the three usual documents (the exact
 * evidence — e.g. a family record book with a parent's document for a minor — is recorded by the agent;
 * details *unconfirmed*, kept as separate values so a site can refuse them).
 */
public enum HighTrustDocument {
    /** Passport (any country). */
    PASSPORT(false),
    /** National identity card of an EU/EEA country or Switzerland. */
    NATIONAL_ID_CARD_EU_EEA_CH(false),
    /** Permanent residence permit (titre de séjour permanent). */
    PERMANENT_RESIDENCE_PERMIT(false),
    /** 2024 exception: resident of a nursing home (EHPAD) whose identity is attested by the establishment. */
    EXCEPTION_NURSING_HOME_RESIDENT(true),
    /** 2024 exception: minor, identity attested by civil-status evidence with a parent's document. */
    EXCEPTION_MINOR(true);

    private final boolean exception;

    HighTrustDocument(boolean exception) {
        this.exception = exception;
    }

    /** Whether this is one of the 2024 exceptions rather than an identity document proper. */
    public boolean isException() {
        return exception;
    }

    /**
     * Parses a constant name, case aside. Anything naming the Vitale card is rejected with a reason
     * saying why, never mapped to a document.
     */
    public static HighTrustDocument parse(String text) throws RnivException {
        String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (name.contains("VITALE")) {
            throw new RnivException(RnivError.RNIV_NOT_A_HIGH_TRUST_DOCUMENT,
                    "the Vitale card is not an identity document: it only starts an INSi lookup");
        }
        for (HighTrustDocument d : values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        throw new RnivException(RnivError.RNIV_NOT_A_HIGH_TRUST_DOCUMENT,
                "'" + text + "' is not a high-trust document; use one of PASSPORT, NATIONAL_ID_CARD_EU_EEA_CH, "
                        + "PERMANENT_RESIDENCE_PERMIT, EXCEPTION_NURSING_HOME_RESIDENT, EXCEPTION_MINOR");
    }
}
