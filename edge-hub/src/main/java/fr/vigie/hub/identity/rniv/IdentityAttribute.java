package fr.vigie.hub.identity.rniv;

import fr.vigie.protocol.identity.RnivStatus;

/**
 * RNIV attributes an identity-vigilance agent may put on an identity, independent of its
 * {@link RnivStatus}. An identity marked {@link #DOUT} or {@link #FICT} stays {@link RnivStatus#PROV}
 * and INSi must not be called for it; {@link #HOMA} is compatible with every status.
 */
public enum IdentityAttribute {
    /** Identité douteuse: the person's identity is in doubt (no document, inconsistent traits). */
    DOUT,
    /** Identité fictive: a made-up identity (anonymous birth, confidentiality, exercise…). */
    FICT,
    /** Homonyme attentif: another patient has close traits; take care when selecting. */
    HOMA;

    /** Whether this attribute forces PROV and forbids INSi. */
    public boolean blocksQualification() {
        return this != HOMA;
    }
}
