package fr.vigie.hub.insi;

/**
 * The two operations of the INSi service {@code ICIR-v1}, with their WS-Addressing action and the
 * element that carries the request in the SOAP body.
 */
public enum InsiOperation {
    /** Search from the Vitale card's beneficiary: body {@code RECVITALE}. */
    RECHERCHER_AVEC_CARTE_VITALE("rechercherInsAvecCarteVitale", "RECVITALE", InsiNamespaces.REC_VITALE),
    /** Search from typed traits: body {@code RECSANSVITALE}. */
    RECHERCHER_AVEC_TRAITS("rechercherInsAvecTraitsIdentite", "RECSANSVITALE", InsiNamespaces.REC_SANS_VITALE);

    private final String operationName;
    private final String bodyElement;
    private final String bodyNamespace;

    InsiOperation(String operationName, String bodyElement, String bodyNamespace) {
        this.operationName = operationName;
        this.bodyElement = bodyElement;
        this.bodyNamespace = bodyNamespace;
    }

    /** The WSDL operation name, e.g. {@code rechercherInsAvecTraitsIdentite}. */
    public String operationName() {
        return operationName;
    }

    /** The WS-Addressing action, {@code urn:ServiceIdentiteCertifiee:1.0.0:<operation>}. */
    public String action() {
        return "urn:ServiceIdentiteCertifiee:1.0.0:" + operationName;
    }

    public String bodyElement() {
        return bodyElement;
    }

    public String bodyNamespace() {
        return bodyNamespace;
    }

    /** The operation whose action is {@code action}, or {@code null}. */
    public static InsiOperation ofAction(String action) {
        for (InsiOperation o : values()) {
            if (o.action().equals(action)) {
                return o;
            }
        }
        return null;
    }
}
