package fr.vigie.hub;

import com.nimbusds.jose.jwk.JWKSet;
import fr.vigie.hub.admission.ApcvKeys;
import fr.vigie.hub.admission.ApcvSettings;
import fr.vigie.hub.directory.DirectorySettings;
import fr.vigie.hub.insi.InsiGatewaySettings;
import fr.vigie.hub.insi.InsiSettings;
import fr.vigie.hub.psc.PscGatewaySettings;
import fr.vigie.hub.tls.ClientCertificate;
import fr.vigie.hub.tls.ServerTrust;
import fr.vigie.hub.tls.ServiceUrl;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code hub.insi.*}, {@code hub.psc.*}, {@code hub.apcv.*} and {@code hub.directory.*} keys into
 * {@link GatewaySettings}: opens the PKCS#12 files and the trust anchors, reads the secret files
 * after checking that only their owner can read them, and lets each settings record check the rest.
 * A key of a gateway that is off (its main key unset) is refused rather than ignored.
 */
final class GatewaySettingsReader {
    private GatewaySettingsReader() {
    }

    static GatewaySettings read(Map<String, String> raw) {
        List<Path> secrets = new ArrayList<>();
        return new GatewaySettings(insi(raw, secrets), psc(raw, secrets), apcv(raw), directory(raw, secrets), secrets);
    }

    static Optional<InsiGatewaySettings> insi(Map<String, String> raw, List<Path> secrets) {
        if (!switchedOn(raw, InsiGatewaySettings.ENDPOINT, InsiGatewaySettings.KEYS)) {
            return Optional.empty();
        }
        try {
            ClientCertificate certificate = certificate(raw, InsiGatewaySettings.CERTIFICATE,
                    InsiGatewaySettings.CERTIFICATE_PASSWORD_FILE, secrets);
            return Optional.of(new InsiGatewaySettings(uri(raw, InsiGatewaySettings.ENDPOINT), certificate,
                    ServerTrust.anchors(InsiGatewaySettings.TRUST_ANCHORS,
                            HubConfigReader.paths(raw, InsiGatewaySettings.TRUST_ANCHORS)),
                    required(raw, InsiGatewaySettings.IDAM, "the software's CNDA authorisation number"),
                    raw.getOrDefault(InsiGatewaySettings.LPS_NAME, InsiSettings.LPS_NAME),
                    raw.getOrDefault(InsiGatewaySettings.LPS_VERSION, InsiSettings.LPS_VERSION),
                    Optional.ofNullable(raw.get(InsiGatewaySettings.LPS_INSTANCE_ID)).filter(v -> !v.isBlank()),
                    Duration.ofSeconds(HubConfigReader.integer(raw, InsiGatewaySettings.CONNECT_TIMEOUT_SECONDS, 2)),
                    Duration.ofSeconds(HubConfigReader.integer(raw, InsiGatewaySettings.CALL_TIMEOUT_SECONDS, 10)),
                    HubConfigReader.integer(raw, InsiGatewaySettings.MAX_ATTEMPTS, 3),
                    Duration.ofMillis(HubConfigReader.integer(raw, InsiGatewaySettings.BACKOFF_MS, 200))));
        } catch (IllegalArgumentException e) {
            throw HubConfigReader.keyed(e, raw, InsiGatewaySettings.ENDPOINT, InsiGatewaySettings.KEYS);
        }
    }

    static Optional<PscGatewaySettings> psc(Map<String, String> raw, List<Path> secrets) {
        if (!switchedOn(raw, PscGatewaySettings.DISCOVERY_URL, PscGatewaySettings.KEYS)) {
            return Optional.empty();
        }
        try {
            PscGatewaySettings.ClientAuthentication auth = PscGatewaySettings.ClientAuthentication.of(
                    raw.getOrDefault(PscGatewaySettings.CLIENT_AUTH, "tls_client_auth"));
            Optional<ClientCertificate> certificate = present(raw, PscGatewaySettings.CERTIFICATE)
                    ? Optional.of(certificate(raw, PscGatewaySettings.CERTIFICATE,
                            PscGatewaySettings.CERTIFICATE_PASSWORD_FILE, secrets))
                    : Optional.empty();
            if (!certificate.isPresent() && present(raw, PscGatewaySettings.CERTIFICATE_PASSWORD_FILE)) {
                throw new HubConfig.InvalidSetting(PscGatewaySettings.CERTIFICATE_PASSWORD_FILE,
                        raw.get(PscGatewaySettings.CERTIFICATE_PASSWORD_FILE), PscGatewaySettings.CERTIFICATE_PASSWORD_FILE
                        + " is set but " + PscGatewaySettings.CERTIFICATE + " is not");
            }
            Optional<String> secret = present(raw, PscGatewaySettings.CLIENT_SECRET_FILE)
                    ? Optional.of(secret(raw, PscGatewaySettings.CLIENT_SECRET_FILE, secrets)) : Optional.empty();
            return Optional.of(new PscGatewaySettings(uri(raw, PscGatewaySettings.DISCOVERY_URL),
                    required(raw, PscGatewaySettings.CLIENT_ID, "the client id PSC registered"), auth, certificate,
                    secret, ServerTrust.anchors(PscGatewaySettings.TRUST_ANCHORS,
                            HubConfigReader.paths(raw, PscGatewaySettings.TRUST_ANCHORS)),
                    raw.getOrDefault(PscGatewaySettings.SCOPE, "openid scope_all"),
                    raw.getOrDefault(PscGatewaySettings.ACR, "eidas1"),
                    HubConfigReader.bool(raw, PscGatewaySettings.CIBA, true)));
        } catch (IllegalArgumentException e) {
            throw HubConfigReader.keyed(e, raw, PscGatewaySettings.DISCOVERY_URL, PscGatewaySettings.KEYS);
        }
    }

    private static Optional<DirectorySettings> directory(Map<String, String> raw, List<Path> secrets) {
        Set<String> keys = Set.copyOf(DirectorySettings.KEYS);
        if (!switchedOn(raw, DirectorySettings.URL, keys)) {
            return Optional.empty();
        }
        try {
            return Optional.of(DirectorySettings.of(uri(raw, DirectorySettings.URL),
                    required(raw, DirectorySettings.BIND_DN, "the DN of the account the hub binds as"),
                    bindPassword(raw, secrets),
                    required(raw, DirectorySettings.BASE_DN, "where the accounts are searched"),
                    required(raw, DirectorySettings.ID_ATTRIBUTE, "the attribute holding the idNat_PS or RPPS"),
                    raw.get(DirectorySettings.ID_FORMAT), raw.get(DirectorySettings.LOGIN_ATTRIBUTE),
                    raw.get(DirectorySettings.GROUP_ATTRIBUTE), raw.get(DirectorySettings.GROUP_SEARCH_BASE),
                    raw.get(DirectorySettings.GROUP_MEMBER_ATTRIBUTE),
                    ServerTrust.anchors(DirectorySettings.TRUST_ANCHORS,
                            HubConfigReader.paths(raw, DirectorySettings.TRUST_ANCHORS)),
                    HubConfigReader.integer(raw, DirectorySettings.CONNECT_TIMEOUT_MS, 2000),
                    HubConfigReader.integer(raw, DirectorySettings.READ_TIMEOUT_MS, 3000),
                    HubConfigReader.integer(raw, DirectorySettings.CACHE_SECONDS, 60)));
        } catch (IllegalArgumentException e) {
            throw HubConfigReader.keyed(e, raw, DirectorySettings.URL, keys);
        }
    }

    private static String bindPassword(Map<String, String> raw, List<Path> secrets) {
        required(raw, DirectorySettings.BIND_PASSWORD_FILE, "the owner-only file holding the bind password");
        return secret(raw, DirectorySettings.BIND_PASSWORD_FILE, secrets);
    }

    static Optional<ApcvSettings> apcv(Map<String, String> raw) {
        boolean file = present(raw, ApcvSettings.KEYS_FILE);
        boolean url = present(raw, ApcvSettings.KEYS_URL);
        if (!file && !url) {
            for (String k : ApcvSettings.KEYS) {
                if (present(raw, k)) {
                    throw new HubConfig.InvalidSetting(k, raw.get(k), k + " is set but neither " + ApcvSettings.KEYS_FILE
                            + " nor " + ApcvSettings.KEYS_URL + " is: the hub trusts no ApCV issuer without its keys");
                }
            }
            return Optional.empty();
        }
        try {
            if (file && url) {
                throw new HubConfig.InvalidSetting(ApcvSettings.KEYS_URL, raw.get(ApcvSettings.KEYS_URL),
                        "give one of " + ApcvSettings.KEYS_FILE + " and " + ApcvSettings.KEYS_URL + ", not both");
            }
            ApcvKeys keys = file ? keysFile(raw) : keysUrl(raw);
            return Optional.of(new ApcvSettings(keys, required(raw, ApcvSettings.ISSUER, "the ApCV issuer (iss)"),
                    Optional.ofNullable(raw.get(ApcvSettings.AUDIENCE)).filter(v -> !v.isBlank()),
                    Duration.ofSeconds(HubConfigReader.integer(raw, ApcvSettings.MAX_LIFETIME_SECONDS, 300)),
                    Duration.ofSeconds(HubConfigReader.integer(raw, ApcvSettings.CLOCK_SKEW_SECONDS, 30))));
        } catch (IllegalArgumentException e) {
            throw HubConfigReader.keyed(e, raw, ApcvSettings.KEYS_FILE, ApcvSettings.KEYS);
        }
    }

    private static ApcvKeys keysFile(Map<String, String> raw) {
        Path file = HubConfigReader.path(ApcvSettings.KEYS_FILE, raw.get(ApcvSettings.KEYS_FILE));
        try {
            return ApcvKeys.of(JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new HubConfig.InvalidSetting(ApcvSettings.KEYS_FILE, file.toString(), ApcvSettings.KEYS_FILE + " "
                    + file + " cannot be read: " + e);
        } catch (ParseException e) {
            throw new HubConfig.InvalidSetting(ApcvSettings.KEYS_FILE, file.toString(), ApcvSettings.KEYS_FILE + " "
                    + file + " is not a JWK set: " + e.getMessage());
        }
    }

    private static ApcvKeys keysUrl(Map<String, String> raw) {
        URI url = uri(raw, ApcvSettings.KEYS_URL);
        if (!ServiceUrl.httpsOrLoopback(url)) {
            throw new HubConfig.InvalidSetting(ApcvSettings.KEYS_URL, url.toString(), ApcvSettings.KEYS_URL
                    + " must be an https URL (http only on this machine's loopback), got '" + url + "'");
        }
        return ApcvKeys.fetchedFrom(url, Clock.systemUTC());
    }

    /** Whether the gateway whose main key is {@code main} is on; its other keys without it are refused. */
    private static boolean switchedOn(Map<String, String> raw, String main, Set<String> keys) {
        if (present(raw, main)) {
            return true;
        }
        for (String k : keys) {
            if (present(raw, k)) {
                throw new HubConfig.InvalidSetting(k, k.contains("secret") || k.contains("password") ? "****"
                        : raw.get(k), k + " is set but " + main + " is not: that gateway is off without " + main);
            }
        }
        return false;
    }

    static ClientCertificate certificate(Map<String, String> raw, String fileKey, String passwordKey,
            List<Path> secrets) {
        Path file = HubConfigReader.path(fileKey, required(raw, fileKey, "a PKCS#12 file"));
        Path password = HubConfigReader.path(passwordKey, required(raw, passwordKey,
                "the file holding the password of " + fileKey));
        requireOwnerOnly(fileKey, file);
        requireOwnerOnly(passwordKey, password);
        secrets.add(file);
        secrets.add(password);
        return ClientCertificate.load(fileKey, file, passwordKey, password);
    }

    private static String secret(Map<String, String> raw, String key, List<Path> secrets) {
        Path file = HubConfigReader.path(key, raw.get(key));
        requireOwnerOnly(key, file);
        secrets.add(file);
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new HubConfig.InvalidSetting(key, file.toString(), key + " " + file + " is empty");
            }
            return value;
        } catch (IOException e) {
            throw new HubConfig.InvalidSetting(key, file.toString(), key + " " + file + " cannot be read: " + e);
        }
    }

    private static void requireOwnerOnly(String key, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new HubConfig.InvalidSetting(key, file.toString(), key + " " + file + " is not a readable file");
        }
        try {
            HubFilePermissions.requireOwnerOnly(file);
        } catch (HubFilePermissions.InsecureFileException e) {
            throw new HubConfig.InvalidSetting(key, file.toString(), key + " holds a secret: " + e.getMessage());
        } catch (IOException e) {
            throw new HubConfig.InvalidSetting(key, file.toString(), key + " " + file + " cannot be checked: " + e);
        }
    }

    private static URI uri(Map<String, String> raw, String key) {
        String value = raw.get(key);
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute()) {
                throw new URISyntaxException(value, "not absolute");
            }
            return uri;
        } catch (URISyntaxException | NullPointerException e) {
            throw new HubConfig.InvalidSetting(key, String.valueOf(value), key + " must be an absolute URL, got '"
                    + value + "'");
        }
    }

    private static String required(Map<String, String> raw, String key, String what) {
        if (!present(raw, key)) {
            throw new HubConfig.InvalidSetting(key, "", key + " is required: " + what);
        }
        return raw.get(key);
    }

    private static boolean present(Map<String, String> raw, String key) {
        return raw.get(key) != null && !raw.get(key).isBlank();
    }
}
