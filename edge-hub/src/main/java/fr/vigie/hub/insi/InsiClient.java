package fr.vigie.hub.insi;

/**
 * The INSi téléservice as the hub uses it. {@link SoapInsiClient} speaks SOAP 1.2 over mutual TLS
 * to the real service or to a simulator (edge-hub-sandbox); both answer the same contract. Implementations
 * are thread-safe and audit every call.
 *
 * <pre>{@code
 * InsiResult r = client.rechercherAvecTraits(new InsiCaller("810001234565", "chu-nord/accueil-1", 881L),
 *         TraitsQuery.premierPrenom(traits));
 * }</pre>
 */
public interface InsiClient {

    /**
     * {@code rechercherInsAvecCarteVitale}.
     *
     * @throws InsiException with a stable code when the call gives no {@code CodeCR}
     */
    InsiResult rechercherAvecCarteVitale(InsiCaller caller, VitaleQuery query) throws InsiException;

    /**
     * {@code rechercherInsAvecTraitsIdentite}.
     *
     * @throws InsiException with a stable code when the call gives no {@code CodeCR}
     */
    InsiResult rechercherAvecTraits(InsiCaller caller, TraitsQuery query) throws InsiException;
}
