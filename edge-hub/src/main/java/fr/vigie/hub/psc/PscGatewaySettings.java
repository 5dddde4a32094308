package fr.vigie.hub.psc;

import java.util.List;
import fr.vigie.config.SettingsCatalogue;
import fr.vigie.config.Setting;
import fr.vigie.hub.tls.ClientCertificate;
import fr.vigie.hub.tls.ServerTrust;
import fr.vigie.hub.tls.ServiceUrl;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The Pro Santé Connect gateway as a site configures it ({@code hub.psc.*}), checked once when the
 * configuration is loaded: PSC's discovery document (every endpoint, CIBA's included, is read from it),
 * the client registered at PSC and how it authenticates — {@code tls_client_auth} with an IGC-Santé
 * certificate (PKCS#12), PSC's production mode, or a client secret read from a file, which PSC accepts
 * only in its bac à sable (refused for the production issuer) — the CAs PSC's server certificate
 * chains to, the scope and {@code acr} asked for, and whether kiosks may sign in by CIBA. Without
 * {@code hub.psc.discovery-url} the hub has no PSC gateway and kiosk sign-ins through PSC answer
 * {@code CIBA_UNAVAILABLE}. Immutable; {@code toString()} hides the secret; a bad value throws an
 * {@link IllegalArgumentException} whose message starts with its key.
 *
 * @param discoveryUrl {@value #DISCOVERY_URL}: {@code {issuer}/.well-known/wallet-openid-configuration}
 *        at PSC (another {@code /.well-known/} name for a standard OpenID provider); https, or http on
 *        the loopback only (a sandbox on the same machine)
 * @param clientId {@value #CLIENT_ID}
 * @param authentication {@value #CLIENT_AUTH}: {@code tls_client_auth} (default) or {@code client_secret_basic}
 * @param certificate {@value #CERTIFICATE} opened with {@value #CERTIFICATE_PASSWORD_FILE}, for {@code tls_client_auth}
 * @param clientSecret the content of {@value #CLIENT_SECRET_FILE}, for {@code client_secret_basic}
 * @param trust {@value #TRUST_ANCHORS}, or the JVM's default trust store
 * @param scope {@value #SCOPE} (default {@code openid scope_all})
 * @param acr {@value #ACR}: the only {@code acr} accepted in tokens (default {@code eidas1})
 * @param ciba {@value #CIBA}: whether kiosks may sign clinicians in by CIBA (default true)
 */
public record PscGatewaySettings(URI discoveryUrl, String clientId, ClientAuthentication authentication,
        Optional<ClientCertificate> certificate, Optional<String> clientSecret, ServerTrust trust, String scope,
        String acr, boolean ciba) {
    public static final String DISCOVERY_URL = "hub.psc.discovery-url";
    public static final String CLIENT_ID = "hub.psc.client-id";
    public static final String CLIENT_AUTH = "hub.psc.client-auth";
    public static final String CERTIFICATE = "hub.psc.certificate";
    public static final String CERTIFICATE_PASSWORD_FILE = "hub.psc.certificate-password-file";
    public static final String CLIENT_SECRET_FILE = "hub.psc.client-secret-file";
    public static final String TRUST_ANCHORS = "hub.psc.trust-anchors";
    public static final String SCOPE = "hub.psc.scope";
    public static final String ACR = "hub.psc.acr";
    public static final String CIBA = "hub.psc.ciba";
    /** Every {@code hub.psc.*} key. */
    /** Every {@code hub.psc.*} setting, described for the settings reference and the hub's reader. */
    public static final List<Setting> SETTINGS = List.of(
            Setting.define(DISCOVERY_URL).textValue("").words("Découverte Pro Santé Connect", "PSC discovery URL",
                    "Adresse {émetteur}/.well-known/wallet-openid-configuration de Pro Santé Connect ; vide : pas de PSC.",
                    "{issuer}/.well-known/wallet-openid-configuration of Pro Santé Connect; empty: no PSC gateway"
                            + " (CIBA_UNAVAILABLE)."),
            Setting.define(CLIENT_ID).textValue("").words("Identifiant client PSC", "PSC client id",
                    "Identifiant du client enregistré auprès de Pro Santé Connect.", "The client id PSC registered."),
            Setting.define(CLIENT_AUTH).choice("tls_client_auth", "tls_client_auth", "client_secret_basic").words("Authentification du client PSC", "PSC client authentication",
                    "tls_client_auth (certificat) ; client_secret_basic (secret, bac à sable seulement).",
                    "tls_client_auth (hub.psc.certificate) or client_secret_basic (hub.psc.client-secret-file, bac à"
                            + " sable only)."),
            Setting.define(CERTIFICATE).textValue("").words("Certificat client PSC", "PSC client certificate",
                    "Certificat IGC-Santé du client (PKCS#12, mode 600).", "The client's IGC-Santé certificate (PKCS#12, mode 600)."),
            Setting.define(CERTIFICATE_PASSWORD_FILE).textValue("").words("Mot de passe du certificat PSC",
                    "PSC certificate password file", "Fichier du mot de passe du certificat (mode 600).",
                    "File holding the certificate's password (mode 600)."),
            Setting.define(CLIENT_SECRET_FILE).textValue("").words("Secret client PSC", "PSC client secret file",
                    "Fichier du secret client (mode 600), bac à sable seulement.",
                    "File holding the client secret (mode 600), bac à sable only."),
            Setting.define(TRUST_ANCHORS).list("").words("Autorités du serveur PSC", "PSC trust anchors",
                    "Certificats (PEM) des autorités du serveur PSC ; vide : celles de Java.",
                    "CAs of PSC's server certificate (PEM files, comma separated); empty: the JVM's."),
            Setting.define(SCOPE).textValue("openid scope_all").words("Portée PSC", "PSC scope",
                    "Portées demandées à PSC (avec openid).", "Scopes asked of PSC (space separated, with openid)."),
            Setting.define(ACR).textValue("eidas1").words("Niveau d'authentification PSC", "PSC acr",
                    "Niveau d'authentification demandé à PSC.", "Authentication level asked of PSC."),
            Setting.define(CIBA).bool(true).words("Connexion e-CPS (CIBA)", "e-CPS sign-in (CIBA)",
                    "Les bornes connectent les soignants par CIBA (e-CPS).",
                    "Whether kiosks sign clinicians in by CIBA (e-CPS)."));
    /** Every {@code hub.psc.*} key. */
    public static final Set<String> KEYS = SettingsCatalogue.keysOf(SETTINGS);
    /** The host of PSC's production issuer, where a client secret is refused. */
    public static final String PRODUCTION_HOST = "auth.esw.esante.gouv.fr";
    private static final Pattern DISCOVERY = Pattern.compile("(.*[^/])(/\\.well-known/[A-Za-z0-9_-]+(?:[.-][A-Za-z0-9_-]+)*)");
    private static final Pattern CLIENT = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Pattern ACR_VALUE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** How the hub authenticates to PSC's token and CIBA endpoints. */
    public enum ClientAuthentication {
        /** Mutual TLS with an IGC-Santé certificate (RFC 8705), PSC's production mode. */
        TLS_CLIENT_AUTH("tls_client_auth"),
        /** HTTP Basic with a client secret, PSC's bac à sable only. */
        CLIENT_SECRET_BASIC("client_secret_basic");

        private final String value;

        ClientAuthentication(String value) {
            this.value = value;
        }

        /** The setting's value, as OAuth names it. */
        public String value() {
            return value;
        }

        /** The method {@code value} names. */
        public static ClientAuthentication of(String value) {
            for (ClientAuthentication a : values()) {
                if (a.value.equals(value)) {
                    return a;
                }
            }
            throw new IllegalArgumentException(CLIENT_AUTH + " must be tls_client_auth or client_secret_basic, got '"
                    + value + "'");
        }
    }

    public PscGatewaySettings {
        Objects.requireNonNull(discoveryUrl, DISCOVERY_URL);
        Matcher m = DISCOVERY.matcher(Objects.toString(discoveryUrl.getRawPath(), ""));
        if (!ServiceUrl.httpsOrLoopback(discoveryUrl) || discoveryUrl.getRawQuery() != null || !m.matches()) {
            throw new IllegalArgumentException(DISCOVERY_URL + " must be https://<issuer>/.well-known/<name> (http only"
                    + " on this machine's loopback), e.g. https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet"
                    + "/.well-known/wallet-openid-configuration, got '" + discoveryUrl + "'");
        }
        if (clientId == null || !CLIENT.matcher(clientId).matches()) {
            throw new IllegalArgumentException(CLIENT_ID + " must be the client id PSC registered (printable, no"
                    + " blank), got '" + clientId + "'");
        }
        Objects.requireNonNull(authentication, CLIENT_AUTH);
        certificate = Objects.requireNonNullElse(certificate, Optional.empty());
        clientSecret = Objects.requireNonNullElse(clientSecret, Optional.empty());
        Objects.requireNonNull(trust, TRUST_ANCHORS);
        if (authentication == ClientAuthentication.TLS_CLIENT_AUTH) {
            if (certificate.isEmpty()) {
                throw new IllegalArgumentException(CERTIFICATE + " is required with " + CLIENT_AUTH
                        + "=tls_client_auth: the PKCS#12 of the IGC-Santé certificate registered at PSC");
            }
            if (clientSecret.isPresent()) {
                throw new IllegalArgumentException(CLIENT_SECRET_FILE + " is set but " + CLIENT_AUTH
                        + " is tls_client_auth: remove it, or set " + CLIENT_AUTH + "=client_secret_basic");
            }
        } else {
            if (clientSecret.isEmpty() || clientSecret.get().isBlank()) {
                throw new IllegalArgumentException(CLIENT_SECRET_FILE + " is required with " + CLIENT_AUTH
                        + "=client_secret_basic: a file holding the secret of PSC's bac à sable");
            }
            if (certificate.isPresent()) {
                throw new IllegalArgumentException(CERTIFICATE + " is set but " + CLIENT_AUTH
                        + " is client_secret_basic: remove it, or set " + CLIENT_AUTH + "=tls_client_auth");
            }
            if (PRODUCTION_HOST.equalsIgnoreCase(discoveryUrl.getHost())) {
                throw new IllegalArgumentException(CLIENT_AUTH + " client_secret_basic is refused for PSC's production"
                        + " issuer " + PRODUCTION_HOST + ": production clients authenticate with tls_client_auth");
            }
        }
        if (scope == null || !(" " + scope + " ").contains(" openid ") || !scope.matches("[\\x21-\\x7E ]{1,255}")) {
            throw new IllegalArgumentException(SCOPE + " must be space-separated scopes including openid (PSC:"
                    + " 'openid scope_all'), got '" + scope + "'");
        }
        if (acr == null || !ACR_VALUE.matcher(acr).matches()) {
            throw new IllegalArgumentException(ACR + " must be one acr value (PSC: eidas1), got '" + acr + "'");
        }
    }

    /** The issuer: the discovery URL without its {@code /.well-known/…} part. */
    public URI issuer() {
        Matcher m = DISCOVERY.matcher(discoveryUrl.getRawPath());
        m.matches();
        return URI.create(discoveryUrl.getScheme() + "://" + discoveryUrl.getRawAuthority() + m.group(1));
    }

    /** The discovery document's path under the issuer, e.g. {@code /.well-known/wallet-openid-configuration}. */
    public String discoveryPath() {
        Matcher m = DISCOVERY.matcher(discoveryUrl.getRawPath());
        m.matches();
        return m.group(2);
    }

    /** The gateway's run-time configuration: 30 s of clock skew, 10 s between JWKS refetches and per HTTP exchange. */
    public PscGatewayConfig gatewayConfig() {
        Optional<SSLContext> tls = certificate.isPresent() ? Optional.of(certificate.get().context(trust))
                : trust.contextWithoutClientCertificate();
        return new PscGatewayConfig(issuer(), clientId, clientSecret, tls, scope, acr, Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofSeconds(10), discoveryPath());
    }

    @Override
    public String toString() {
        return "PscGatewaySettings[discoveryUrl=" + discoveryUrl + ", clientId=" + clientId + ", auth="
                + authentication.value() + ", certificate=" + certificate.map(ClientCertificate::toString).orElse("-")
                + ", secret=" + (clientSecret.isPresent() ? "****" : "-") + ", trust=" + trust + ", scope=" + scope
                + ", acr=" + acr + ", ciba=" + ciba + "]";
    }
}
