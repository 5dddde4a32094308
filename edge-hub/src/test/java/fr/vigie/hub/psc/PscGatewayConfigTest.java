package fr.vigie.hub.psc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class PscGatewayConfigTest {
    static final URI ISSUER = URI.create("https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet");

    @Test
    void secretConfigurationHasPscDefaultsAndHidesTheSecret() {
        PscGatewayConfig c = PscGatewayConfig.withSecret(ISSUER, "vigie", "s3cr3t-value");
        assertTrue(c.scope().equals("openid scope_all") && c.acr().equals("eidas1"));
        assertFalse(c.toString().contains("s3cr3t-value"));
    }

    @Test
    void noClientAuthenticationIsRefusedButASecretMayComeWithATrustContext() throws Exception {
        IllegalArgumentException neither = assertThrows(IllegalArgumentException.class, () -> new PscGatewayConfig(
                ISSUER, "vigie", Optional.empty(), Optional.empty(), "openid scope_all", "eidas1", Duration.ZERO,
                Duration.ZERO, Duration.ofSeconds(1)));
        assertTrue(neither.getMessage().contains("psc.clientSecret"));
        SSLContext trust = SSLContext.getDefault();
        PscGatewayConfig basicOverOwnTrust = new PscGatewayConfig(ISSUER, "vigie", Optional.of("s"), Optional.of(trust),
                "openid scope_all", "eidas1", Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1));
        assertTrue(basicOverOwnTrust.toString().contains("client_secret_basic"));
    }

    @Test
    void issuerWithTrailingSlashOrScopeWithoutOpenidIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> PscGatewayConfig.withSecret(URI.create(ISSUER + "/"), "vigie", "s"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PscGatewayConfig(ISSUER,
                "vigie", Optional.of("s"), Optional.empty(), "scope_all", "eidas1", Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("psc.scope"));
    }

    @Test
    void discoveryIsAtPscsPathUnlessAnotherWellKnownNameIsConfigured() {
        PscGatewayConfig psc = PscGatewayConfig.withSecret(ISSUER, "vigie", "s");
        assertEquals("/.well-known/wallet-openid-configuration", psc.discoveryPath());
        assertEquals("/.well-known/openid-configuration",
                psc.withDiscoveryPath(PscGatewayConfig.OIDC_DISCOVERY_PATH).discoveryPath());
        for (String bad : new String[] {"/.well-known/../admin", "/.well-known/", "/openid-configuration",
                "/.well-known/x?y=z", "/.well-known/a/b", "https://evil.example/.well-known/openid-configuration"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> psc.withDiscoveryPath(bad), bad);
            assertTrue(e.getMessage().contains("psc.discoveryPath") && e.getMessage().contains(bad), e.getMessage());
        }
    }
}
