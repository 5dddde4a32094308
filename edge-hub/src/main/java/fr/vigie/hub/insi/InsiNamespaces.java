package fr.vigie.hub.insi;

/**
 * XML namespaces of the INSi SOAP contract. These are Vigie's reading of the public WSDL
 * {@code DESIR_ICIR_EXP_1.5.0} (service {@code ICIR-v1}) and of public client code that speaks to
 * it; they are not copied from the WSDL and must be checked against the CNAM's current version
 * before a production connection.
 */
public final class InsiNamespaces {
    /** SOAP 1.2 envelope. */
    public static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    /** WS-Addressing 2005/08. */
    public static final String WSA = "http://www.w3.org/2005/08/addressing";
    /** The {@code ContexteBAM} header. */
    public static final String CTX_BAM = "urn:siram:bam:ctxbam";
    /** The {@code ContexteLPS} header. */
    public static final String CTX_LPS = "urn:siram:lps:ctxlps";
    /** Fault details ({@code siram} error elements). */
    public static final String SIRAM = "urn:siram";
    /** Body of {@code rechercherInsAvecCarteVitale}. */
    public static final String REC_VITALE = "http://www.cnamts.fr/INSiRecVit";
    /** Body of {@code rechercherInsAvecTraitsIdentite}. */
    public static final String REC_SANS_VITALE = "http://www.cnamts.fr/INSiRecSans";
    /** Body of both answers ({@code RESULTAT}). */
    public static final String RESULTAT = "http://www.cnamts.fr/INSiResultat";
    /** The SOAP 1.2 media type. */
    public static final String MEDIA_TYPE = "application/soap+xml";

    private InsiNamespaces() {
    }
}
