package fr.vigie.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import fr.vigie.hub.admission.ApcvSettings;
import fr.vigie.hub.insi.InsiGatewaySettings;
import fr.vigie.hub.insi.InsiSettings;
import fr.vigie.hub.psc.PscGatewayConfig;
import fr.vigie.hub.psc.PscGatewaySettings;
import fr.vigie.hub.testing.TestCertificates;
import fr.vigie.provisioning.Pem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateways' typed settings: read once at load, files opened and checked, each refusal naming its key. */
class GatewaySettingsTest {
    private static final String INSI_ENDPOINT = "https://qualiflps-services-ps-tlsm.ameli.fr:443/lps";
    private static final String PSC_SANDBOX = "https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet"
            + "/.well-known/wallet-openid-configuration";

    @TempDir
    Path dir;
    TestCertificates.Written insiAuto;

    @BeforeEach
    void certificates() throws Exception {
        insiAuto = TestCertificates.write(dir, "insi-auto", "CN=INSI-AUTO,OU=10B0152872,O=CH DE VIGIE,C=FR");
    }

    private Map<String, String> insi(TestCertificates.Written cert) {
        Map<String, String> m = new HashMap<>();
        m.put(HubConfig.DATA_DIR, dir.resolve("hub").toString());
        m.put(InsiGatewaySettings.ENDPOINT, INSI_ENDPOINT);
        m.put(InsiGatewaySettings.CERTIFICATE, cert.pkcs12().toString());
        m.put(InsiGatewaySettings.CERTIFICATE_PASSWORD_FILE, cert.passwordFile().toString());
        m.put(InsiGatewaySettings.IDAM, "IDAM-0042");
        return m;
    }

    private HubConfigException refused(Map<String, String> settings) {
        return assertThrows(HubConfigException.class, () -> HubConfig.load(null, settings));
    }

    @Test
    void withoutSettingsEveryGatewayIsOff() throws Exception {
        GatewaySettings g = HubConfig.load(null, Map.of()).gateways();
        assertTrue(g.insi().isEmpty() && g.psc().isEmpty() && g.apcv().isEmpty());
        assertEquals(List.of(), g.secretFiles());
    }

    @Test
    void insiIsBuiltFromItsSettingsWithTheEmitterFromTheCertificatesOu() throws Exception {
        Map<String, String> m = insi(insiAuto);
        m.put(InsiGatewaySettings.CALL_TIMEOUT_SECONDS, "20");
        m.put(InsiGatewaySettings.MAX_ATTEMPTS, "2");
        m.put(InsiGatewaySettings.LPS_INSTANCE_ID, "hub-a");
        GatewaySettings g = HubConfig.load(null, m).gateways();

        InsiSettings protocol = g.insi().orElseThrow().protocol("ignored");
        assertEquals(INSI_ENDPOINT, protocol.endpoint().toString());
        assertEquals("10B0152872", protocol.emitter());
        assertEquals("IDAM-0042", protocol.idam());
        assertEquals("urn:lps:vigie:" + InsiSettings.LPS_VERSION, protocol.lpsUrn());
        assertEquals("hub-a", protocol.instanceId());
        assertEquals(Duration.ofSeconds(20), protocol.callTimeout());
        assertEquals(Duration.ofSeconds(2), protocol.connectTimeout(), "the default");
        assertEquals(2, protocol.maxAttempts());
        assertEquals(List.of(insiAuto.pkcs12(), insiAuto.passwordFile()), g.secretFiles());
        assertTrue(g.insi().orElseThrow().trust().isJvmDefault());
        m.remove(InsiGatewaySettings.LPS_INSTANCE_ID);
        assertEquals("3f9c0a12b4de", HubConfig.load(null, m).gateways().insi().orElseThrow().protocol("3f9c0a12b4de")
                .instanceId(), "the hub's own instance id by default");
    }

    @Test
    void anInsiCertificateWhoseCnIsNotInsiAutoOrInsiManuIsRefusedAtLoad() throws Exception {
        TestCertificates.Written other = TestCertificates.write(dir, "other", "CN=VIGIE-HUB,OU=10B0152872,O=CH,C=FR");
        HubConfigException e = refused(insi(other));
        assertEquals(InsiGatewaySettings.CERTIFICATE, e.key());
        assertTrue(e.getMessage().contains("'VIGIE-HUB'") && e.getMessage().contains("INSI-AUTO or INSI-MANU"),
                e.getMessage());
        TestCertificates.Written manu = TestCertificates.write(dir, "manu", "CN=INSI-MANU,OU=10B0152872,O=CH,C=FR");
        assertTrue(HubConfig.load(null, insi(manu)).gateways().insi().isPresent());
        TestCertificates.Written noOu = TestCertificates.write(dir, "no-ou", "CN=INSI-AUTO,O=CH,C=FR");
        assertEquals(InsiGatewaySettings.CERTIFICATE, refused(insi(noOu)).key());
    }

    @Test
    void aPasswordFileOthersCanReadOrAWrongPasswordIsRefusedNamingThePasswordKey() throws Exception {
        Files.setPosixFilePermissions(insiAuto.passwordFile(), PosixFilePermissions.fromString("rw-r--r--"));
        HubConfigException open = refused(insi(insiAuto));
        assertEquals(InsiGatewaySettings.CERTIFICATE_PASSWORD_FILE, open.key());
        assertTrue(open.getMessage().contains("chmod 600"), open.getMessage());
        Files.writeString(insiAuto.passwordFile(), "not the password\n");
        Files.setPosixFilePermissions(insiAuto.passwordFile(), PosixFilePermissions.fromString("rw-------"));
        HubConfigException wrong = refused(insi(insiAuto));
        assertEquals(InsiGatewaySettings.CERTIFICATE_PASSWORD_FILE, wrong.key());
        assertTrue(wrong.getMessage().contains("wrong password"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("not the password"), "a secret never in a message");
    }

    @Test
    void badInsiValuesAndInsiKeysWithoutAnEndpointAreRefusedNamingTheKey() throws Exception {
        Map<String, String> http = insi(insiAuto);
        http.put(InsiGatewaySettings.ENDPOINT, "http://insi.example/lps");
        assertEquals(InsiGatewaySettings.ENDPOINT, refused(http).key());
        Map<String, String> retries = insi(insiAuto);
        retries.put(InsiGatewaySettings.MAX_ATTEMPTS, "9");
        assertEquals(InsiGatewaySettings.MAX_ATTEMPTS, refused(retries).key());
        Map<String, String> noIdam = insi(insiAuto);
        noIdam.remove(InsiGatewaySettings.IDAM);
        assertEquals(InsiGatewaySettings.IDAM, refused(noIdam).key());
        Map<String, String> orphan = insi(insiAuto);
        orphan.remove(InsiGatewaySettings.ENDPOINT);
        HubConfigException e = refused(orphan);
        assertTrue(e.getMessage().contains("hub.insi.endpoint is not"), e.getMessage());
        Map<String, String> trust = insi(insiAuto);
        trust.put(InsiGatewaySettings.TRUST_ANCHORS, dir.resolve("absent.pem").toString());
        assertEquals(InsiGatewaySettings.TRUST_ANCHORS, refused(trust).key());
        assertEquals("hub.insi.typo", refused(Map.of("hub.insi.typo", "x")).key());
    }

    @Test
    void pscWithTheBacASablesSecretDerivesIssuerAndDiscoveryPathFromTheDiscoveryUrl() throws Exception {
        Path secret = TestCertificates.secretFile(dir, "psc.secret", "bas-secret\n");
        GatewaySettings g = HubConfig.load(null, Map.of(PscGatewaySettings.DISCOVERY_URL, PSC_SANDBOX,
                PscGatewaySettings.CLIENT_ID, "vigie-chu", PscGatewaySettings.CLIENT_AUTH, "client_secret_basic",
                PscGatewaySettings.CLIENT_SECRET_FILE, secret.toString())).gateways();

        PscGatewayConfig config = g.psc().orElseThrow().gatewayConfig();
        assertEquals("https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet", config.issuer().toString());
        assertEquals(PscGatewayConfig.PSC_DISCOVERY_PATH, config.discoveryPath());
        assertEquals("openid scope_all", config.scope());
        assertEquals("eidas1", config.acr());
        assertEquals("bas-secret", config.clientSecret().orElseThrow());
        assertTrue(g.psc().orElseThrow().ciba());
        assertFalse(g.toString().contains("bas-secret"));
        assertEquals(List.of(secret), g.secretFiles());
    }

    @Test
    void pscInProductionModeAuthenticatesWithItsCertificateAndRefusesASecret() throws Exception {
        TestCertificates.Written org = TestCertificates.write(dir, "psc", "CN=vigie.chu.example,OU=10B0152872,O=CH,C=FR");
        String production = "https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet"
                + "/.well-known/wallet-openid-configuration";
        PscGatewayConfig mtls = HubConfig.load(null, Map.of(PscGatewaySettings.DISCOVERY_URL, production,
                PscGatewaySettings.CLIENT_ID, "vigie-chu", PscGatewaySettings.CERTIFICATE, org.pkcs12().toString(),
                PscGatewaySettings.CERTIFICATE_PASSWORD_FILE, org.passwordFile().toString(), PscGatewaySettings.CIBA,
                "false")).gateways().psc().orElseThrow().gatewayConfig();
        assertTrue(mtls.clientSecret().isEmpty() && mtls.tls().isPresent(), "tls_client_auth is the default");

        Path secret = TestCertificates.secretFile(dir, "psc.secret", "s");
        HubConfigException e = refused(Map.of(PscGatewaySettings.DISCOVERY_URL, production, PscGatewaySettings.CLIENT_ID,
                "vigie-chu", PscGatewaySettings.CLIENT_AUTH, "client_secret_basic", PscGatewaySettings.CLIENT_SECRET_FILE,
                secret.toString()));
        assertEquals(PscGatewaySettings.CLIENT_AUTH, e.key());
        assertEquals(PscGatewaySettings.CERTIFICATE, refused(Map.of(PscGatewaySettings.DISCOVERY_URL, PSC_SANDBOX,
                PscGatewaySettings.CLIENT_ID, "vigie-chu")).key(), "tls_client_auth without a certificate");
    }

    @Test
    void aDiscoveryUrlThatIsNotHttpsWellKnownIsRefused() throws Exception {
        Path secret = TestCertificates.secretFile(dir, "psc.secret", "s");
        for (String bad : new String[] {"https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet",
                "http://psc.example/.well-known/wallet-openid-configuration",
                "https://psc.example/.well-known/a/b", "https://psc.example/x/.well-known/openid-configuration?x=1"}) {
            HubConfigException e = refused(Map.of(PscGatewaySettings.DISCOVERY_URL, bad, PscGatewaySettings.CLIENT_ID,
                    "c", PscGatewaySettings.CLIENT_AUTH, "client_secret_basic", PscGatewaySettings.CLIENT_SECRET_FILE,
                    secret.toString()));
            assertEquals(PscGatewaySettings.DISCOVERY_URL, e.key(), bad);
        }
        assertTrue(HubConfig.load(null, Map.of(PscGatewaySettings.DISCOVERY_URL,
                "http://127.0.0.1:8090/sandbox/psc/auth/realms/esante-wallet/.well-known/wallet-openid-configuration",
                PscGatewaySettings.CLIENT_ID, "c", PscGatewaySettings.CLIENT_AUTH, "client_secret_basic",
                PscGatewaySettings.CLIENT_SECRET_FILE, secret.toString())).gateways().psc().isPresent(),
                "plain http on the loopback: a sandbox on this machine");
    }

    @Test
    void apcvTrustsThePublicKeysOfItsFileAndRefusesPrivateOnes() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("apcv-1").generate();
        Path file = dir.resolve("apcv.jwks");
        Files.writeString(file, new JWKSet(key.toPublicJWK()).toString(true), StandardCharsets.UTF_8);
        ApcvSettings apcv = HubConfig.load(null, Map.of(ApcvSettings.KEYS_FILE, file.toString(), ApcvSettings.ISSUER,
                "urn:example:apcv", ApcvSettings.AUDIENCE, "010000001")).gateways().apcv().orElseThrow();
        assertEquals("apcv-1", apcv.keys().find("apcv-1").orElseThrow().getKeyID());
        assertTrue(apcv.keys().find("other").isEmpty());
        assertEquals("ApcvKeys[kid apcv-1]", apcv.keys().toString(), "what the hub's start line says of them");
        assertEquals("010000001", apcv.audience().orElseThrow());
        assertEquals(Duration.ofMinutes(5), apcv.maxLifetime());

        Files.writeString(file, new JWKSet(key).toString(false), StandardCharsets.UTF_8);
        assertEquals(ApcvSettings.KEYS_FILE, refused(Map.of(ApcvSettings.KEYS_FILE, file.toString(),
                ApcvSettings.ISSUER, "urn:example:apcv")).key());
        assertEquals(ApcvSettings.ISSUER, refused(Map.of(ApcvSettings.KEYS_URL, "https://apcv.example/keys")).key());
        assertEquals(ApcvSettings.KEYS_URL, refused(Map.of(ApcvSettings.KEYS_URL, "http://apcv.example/keys",
                ApcvSettings.ISSUER, "i")).key());
        assertEquals(ApcvSettings.ISSUER, refused(Map.of(ApcvSettings.ISSUER, "i")).key(), "an issuer without keys");
    }

    @Test
    void trustAnchorsAreReadFromPem() throws Exception {
        Path anchors = dir.resolve("insi-ca.pem");
        Files.writeString(anchors, Pem.certificates(List.of(insiAuto.certificate())));
        Map<String, String> m = insi(insiAuto);
        m.put(InsiGatewaySettings.TRUST_ANCHORS, anchors.toString());
        assertEquals(List.of(insiAuto.certificate()),
                HubConfig.load(null, m).gateways().insi().orElseThrow().trust().certificates());
    }
}
