package fr.vigie.protocol.device;

/**
 * One application of a kiosk's launchpad ({@link SsoApi#APPLICATIONS}), as IT registered it on the hub's
 * OpenID Provider. Immutable.
 *
 * @param clientId the application's {@code client_id}: how the kiosk names it when the clinician opens it
 * @param name what the launchpad shows (e.g. "Dossier patient")
 * @param startUri where the kiosk's browser starts it: the application's third-party-initiated login URI
 *     (OpenID Connect Core §4), to which the kiosk adds {@code iss}, {@code target_link_uri} and the one-time
 *     {@code login_hint_token}; the application then starts its own code + PKCE flow with that ticket
 * @param acr the lowest authentication level it accepts (the {@code acr} of its ID tokens)
 */
public record SsoApplication(String clientId, String name, String startUri, String acr) {
    public SsoApplication {
        Fields.text("clientId", clientId, 64);
        Fields.text("name", name, 120);
        Fields.text("startUri", startUri, 512);
        Fields.text("acr", acr, 128);
    }
}
