package fr.vigie.protocol.device;

/**
 * The body of {@link AdmissionApi#DOCUMENT}: the high-trust document the agent checked the traits against.
 * A name, not an enum on the wire, so that a document that is not one (e.g. {@code CARTE_VITALE}) is
 * refused with the RNIV code {@code RNIV_NOT_A_HIGH_TRUST_DOCUMENT} rather than as malformed. Immutable.
 *
 * @param document a {@link fr.vigie.protocol.identity.HighTrustDocument} name, e.g. {@code PASSPORT}
 */
public record DocumentRequest(String document) {
    public DocumentRequest {
        Fields.present("document", document);
    }
}
