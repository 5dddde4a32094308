package fr.vigie.hub.psc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.javalin.Javalin;
import java.net.URI;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discovery against a server that publishes wrong documents. */
class PscDiscoveryIT {
    Javalin server;
    String origin;

    @BeforeEach
    void start() {
        server = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.startupWatcherEnabled = false;
        });
        server.get("/other-issuer/.well-known/wallet-openid-configuration", ctx -> ctx.contentType("application/json")
                .result("{\"issuer\":\"https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet\"}"));
        server.get("/no-jwks/.well-known/wallet-openid-configuration", ctx -> ctx.contentType("application/json")
                .result(document(origin + "/no-jwks").replace("\"jwks_uri\"", "\"jwks\"")));
        server.get("/aliases/.well-known/wallet-openid-configuration", ctx -> ctx.contentType("application/json")
                .result(document(origin + "/aliases").replaceFirst("\\}$", ",\"mtls_endpoint_aliases\":{"
                        + "\"token_endpoint\":\"https://mtls.psc.example/token\","
                        + "\"backchannel_authentication_endpoint\":\"https://mtls.psc.example/ciba\","
                        + "\"userinfo_endpoint\":\"https://mtls.psc.example/userinfo\","
                        + "\"introspection_endpoint\":\"https://mtls.psc.example/introspect\"}}")));
        server.get("/not-json/.well-known/wallet-openid-configuration", ctx -> ctx.result("<html>maintenance</html>"));
        server.start("127.0.0.1", 0);
        origin = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    static String document(String issuer) {
        String oidc = issuer + "/protocol/openid-connect";
        return "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + oidc + "/auth\",\"token_endpoint\":\""
                + oidc + "/token\",\"userinfo_endpoint\":\"" + oidc + "/userinfo\",\"jwks_uri\":\"" + oidc
                + "/certs\",\"backchannel_authentication_endpoint\":\"" + oidc + "/ext/ciba/auth\","
                + "\"introspection_endpoint\":\"" + oidc + "/token/introspect\",\"end_session_endpoint\":\"" + oidc
                + "/logout\"}";
    }

    PscError discover(String path) {
        return assertThrows(PscException.class, () -> PscProvider.discover(
                PscGatewayConfig.withSecret(URI.create(origin + path), "vigie", "secret"))).error();
    }

    @Test
    void underMutualTlsTheMtlsEndpointAliasesAreUsedAndOtherwiseIgnored() throws Exception {
        URI issuer = URI.create(origin + "/aliases");
        PscProvider mtls = PscProvider.discover(PscGatewayConfig.withMutualTls(issuer, "vigie", SSLContext.getDefault()));
        assertEquals(URI.create("https://mtls.psc.example/token"), mtls.tokenEndpoint());
        assertEquals(URI.create("https://mtls.psc.example/ciba"), mtls.cibaEndpoint());
        assertEquals(URI.create("https://mtls.psc.example/userinfo"), mtls.userinfoEndpoint());
        assertEquals(URI.create("https://mtls.psc.example/introspect"), mtls.introspectionEndpoint());
        assertEquals(URI.create(issuer + "/protocol/openid-connect/auth"), mtls.authorizationEndpoint(),
                "the browser's endpoint has no alias");
        assertEquals(URI.create(issuer + "/protocol/openid-connect/logout"), mtls.endSessionEndpoint());

        PscProvider secret = PscProvider.discover(PscGatewayConfig.withSecret(issuer, "vigie", "secret"));
        assertEquals(URI.create(issuer + "/protocol/openid-connect/token"), secret.tokenEndpoint());
        assertEquals(URI.create(issuer + "/protocol/openid-connect/ext/ciba/auth"), secret.cibaEndpoint());
    }

    @Test
    void documentNamingAnotherIssuerIsRejected() {
        assertEquals(PscError.PSC_ISSUER_MISMATCH, discover("/other-issuer"));
    }

    @Test
    void documentWithoutJwksUriIsRejected() {
        assertEquals(PscError.PSC_ENDPOINT_MISSING, discover("/no-jwks"));
    }

    @Test
    void unreadableOrMissingDocumentFailsDiscovery() {
        assertEquals(PscError.PSC_DISCOVERY_FAILED, discover("/not-json"));
        assertEquals(PscError.PSC_DISCOVERY_FAILED, discover("/absent"));
    }
}
