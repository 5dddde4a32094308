package fr.vigie.hub.insi;

import java.util.List;
import fr.vigie.config.SettingsCatalogue;
import fr.vigie.config.Setting;
import fr.vigie.hub.tls.ClientCertificate;
import fr.vigie.hub.tls.ServerTrust;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The INSi gateway as a site configures it ({@code hub.insi.*}), checked once when the configuration
 * is loaded: the service's endpoint, the establishment certificate the hub authenticates with (mutual
 * TLS; its CN must be {@code INSI-AUTO} or {@code INSI-MANU}, the only ones INSi accepts, and its
 * {@code OU} is the structure identifier sent as {@code Emetteur}), the CAs the service's certificate
 * chains to, the software's CNDA authorisation number and name, and the timeouts and retries. Without
 * {@code hub.insi.endpoint} the hub has no INSi gateway and INSi steps answer {@code INSI_UNAVAILABLE}.
 * Immutable; a bad value throws an {@link IllegalArgumentException} whose message starts with its key.
 *
 * <pre>{@code
 * InsiClient insi = settings.client(new InsiCallLog(dataSource), hubInstanceId, Clock.systemUTC());
 * }</pre>
 *
 * @param endpoint {@value #ENDPOINT}, e.g. {@code https://qualiflps-services-ps-tlsm.ameli.fr:443/lps}
 * @param certificate {@value #CERTIFICATE} opened with {@value #CERTIFICATE_PASSWORD_FILE}
 * @param trust {@value #TRUST_ANCHORS}, or the JVM's default trust store
 * @param idam {@value #IDAM}: the CNDA authorisation number of the software
 * @param lpsName {@value #LPS_NAME} (default {@code vigie})
 * @param lpsVersion {@value #LPS_VERSION} (default the software's version)
 * @param instanceId {@value #LPS_INSTANCE_ID}, empty for the hub's own instance id
 * @param connectTimeout {@value #CONNECT_TIMEOUT_SECONDS}, 1 to 60 (default 2)
 * @param callTimeout {@value #CALL_TIMEOUT_SECONDS}, 1 to 120 (default 10)
 * @param maxAttempts {@value #MAX_ATTEMPTS}, 1 to 5 (default 3)
 * @param backoff {@value #BACKOFF_MS}, 0 to 30000 (default 200)
 */
public record InsiGatewaySettings(URI endpoint, ClientCertificate certificate, ServerTrust trust, String idam,
        String lpsName, String lpsVersion, Optional<String> instanceId, Duration connectTimeout, Duration callTimeout,
        int maxAttempts, Duration backoff) {
    public static final String ENDPOINT = "hub.insi.endpoint";
    public static final String CERTIFICATE = "hub.insi.certificate";
    public static final String CERTIFICATE_PASSWORD_FILE = "hub.insi.certificate-password-file";
    public static final String TRUST_ANCHORS = "hub.insi.trust-anchors";
    public static final String IDAM = "hub.insi.idam";
    public static final String LPS_NAME = "hub.insi.lps.name";
    public static final String LPS_VERSION = "hub.insi.lps.version";
    public static final String LPS_INSTANCE_ID = "hub.insi.lps.instance-id";
    public static final String CONNECT_TIMEOUT_SECONDS = "hub.insi.connect-timeout-seconds";
    public static final String CALL_TIMEOUT_SECONDS = "hub.insi.call-timeout-seconds";
    public static final String MAX_ATTEMPTS = "hub.insi.max-attempts";
    public static final String BACKOFF_MS = "hub.insi.backoff-ms";
    /** Every {@code hub.insi.*} setting, described for the settings reference and the hub's reader. */
    public static final List<Setting> SETTINGS = List.of(
            Setting.define(ENDPOINT).textValue("").words("Adresse de l'INSi", "INSi endpoint",
                    "Adresse du service INSi (SOAP, TLS mutuel) ; vide : pas d'INSi.",
                    "INSi's SOAP endpoint (mutual TLS); empty: no INSi gateway (INSi steps answer INSI_UNAVAILABLE)."),
            Setting.define(CERTIFICATE).textValue("").words("Certificat d'établissement INSi", "INSi certificate",
                    "Certificat d'établissement INSI-AUTO ou INSI-MANU (PKCS#12, mode 600).",
                    "The establishment certificate INSI-AUTO or INSI-MANU (PKCS#12, mode 600)."),
            Setting.define(CERTIFICATE_PASSWORD_FILE).textValue("").words("Mot de passe du certificat INSi",
                    "INSi certificate password file", "Fichier du mot de passe du certificat (mode 600).",
                    "File holding the certificate's password (mode 600)."),
            Setting.define(TRUST_ANCHORS).list("").words("Autorités du serveur INSi", "INSi trust anchors",
                    "Certificats (PEM) des autorités du serveur INSi ; vide : celles de Java.",
                    "CAs of INSi's server certificate (PEM files, comma separated); empty: the JVM's."),
            Setting.define(IDAM).textValue("").words("Numéro d'autorisation CNDA", "CNDA authorisation number",
                    "Numéro d'autorisation CNDA du logiciel (IDAM) ; obligatoire avec l'INSi.",
                    "The software's CNDA authorisation number (IDAM); required with INSi."),
            Setting.define(LPS_NAME).textValue(InsiSettings.LPS_NAME).words("Nom du logiciel", "Software name",
                    "Nom du logiciel déclaré à l'INSi.", "Software name sent to INSi."),
            Setting.define(LPS_VERSION).textValue(InsiSettings.LPS_VERSION).words("Version du logiciel", "Software version",
                    "Version du logiciel déclarée à l'INSi.", "Software version sent to INSi."),
            Setting.define(LPS_INSTANCE_ID).textValue("").words("Instance du logiciel", "Software instance id",
                    "Identifiant d'instance déclaré à l'INSi ; vide : celui du hub.",
                    "Instance id sent to INSi; empty: the hub's own."),
            Setting.define(CONNECT_TIMEOUT_SECONDS).integer(2, 1, 60).unit("s").words("Délai de connexion à l'INSi",
                    "INSi connect timeout", "Attente maximale de la connexion à l'INSi.", "Longest wait to connect to INSi."),
            Setting.define(CALL_TIMEOUT_SECONDS).integer(10, 1, 120).unit("s").words("Délai de réponse de l'INSi",
                    "INSi call timeout", "Attente maximale d'une réponse de l'INSi.", "Longest wait for INSi's answer."),
            Setting.define(MAX_ATTEMPTS).integer(3, 1, 5).words("Tentatives INSi", "INSi attempts",
                    "Nombre d'essais d'un appel à l'INSi qui échoue pour une raison passagère.",
                    "Attempts of an INSi call that fails for a passing reason."),
            Setting.define(BACKOFF_MS).integer(200, 0, 30_000).unit("ms").words("Pause entre deux essais INSi",
                    "INSi back-off", "Pause avant de réessayer un appel à l'INSi.", "Pause before an INSi call is tried again."));
    /** Every {@code hub.insi.*} key. */
    public static final Set<String> KEYS = SettingsCatalogue.keysOf(SETTINGS);
    /** The only certificate CNs INSi accepts in the mutual-TLS mode (any other: {@code DESIR_560}). */
    public static final Set<String> ACCEPTED_COMMON_NAMES = Set.of("INSI-AUTO", "INSI-MANU");

    public InsiGatewaySettings {
        Objects.requireNonNull(certificate, CERTIFICATE);
        Objects.requireNonNull(trust, TRUST_ANCHORS);
        instanceId = Objects.requireNonNullElse(instanceId, Optional.empty());
        String cn = certificate.commonName().orElse("");
        if (!ACCEPTED_COMMON_NAMES.contains(cn)) {
            throw new IllegalArgumentException(CERTIFICATE + " " + certificate.file() + " is issued to CN '" + cn
                    + "': INSi accepts only an establishment certificate whose CN is INSI-AUTO or INSI-MANU"
                    + " (any other is refused with DESIR_560)");
        }
        if (certificate.organisationalUnit().isEmpty()) {
            throw new IllegalArgumentException(CERTIFICATE + " " + certificate.file() + " has no OU: an IGC-Santé"
                    + " organisation certificate carries the structure identifier INSi expects as Emetteur there");
        }
        if (connectTimeout == null || connectTimeout.toSeconds() < 1 || connectTimeout.toSeconds() > 60) {
            throw new IllegalArgumentException(CONNECT_TIMEOUT_SECONDS + " must be 1 to 60, got "
                    + (connectTimeout == null ? null : connectTimeout.toSeconds()));
        }
        if (callTimeout == null || callTimeout.toSeconds() < 1 || callTimeout.toSeconds() > 120) {
            throw new IllegalArgumentException(CALL_TIMEOUT_SECONDS + " must be 1 to 120, got "
                    + (callTimeout == null ? null : callTimeout.toSeconds()));
        }
        // the remaining values are checked where the client reads them
        new InsiSettings(endpoint, certificate.organisationalUnit().get(), lpsName, lpsVersion, idam,
                instanceId.orElse("unset"), connectTimeout, callTimeout, InsiSettings.MAX_RESPONSE_BYTES, maxAttempts,
                backoff);
    }

    /** What the SOAP client sends, with {@code hubInstanceId} as the instance when none is configured. */
    public InsiSettings protocol(String hubInstanceId) {
        return new InsiSettings(endpoint, certificate.organisationalUnit().orElse(""), lpsName, lpsVersion, idam,
                instanceId.orElse(hubInstanceId), connectTimeout, callTimeout, InsiSettings.MAX_RESPONSE_BYTES,
                maxAttempts, backoff);
    }

    /** The gateway: a SOAP client over mutual TLS presenting the establishment certificate, recording every call in {@code audit}. */
    public SoapInsiClient client(InsiAudit audit, String hubInstanceId, Clock clock) {
        return SoapInsiClient.overHttps(protocol(hubInstanceId), certificate.context(trust), audit, clock);
    }
}
