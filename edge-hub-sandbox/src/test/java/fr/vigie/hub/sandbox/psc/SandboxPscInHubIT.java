package fr.vigie.hub.sandbox.psc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.psc.CibaChannel;
import fr.vigie.hub.psc.CibaFlow;
import fr.vigie.hub.psc.CibaPoll;
import fr.vigie.hub.psc.IdTokenValidator;
import fr.vigie.hub.psc.PscGatewayConfig;
import fr.vigie.hub.psc.PscProvider;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox PSC mounted in the edge hub's own HTTP server under {@code /sandbox/psc}. */
class SandboxPscInHubIT {
    @TempDir
    Path dataDir;

    @Test
    void hubServesTheSandboxPscNextToItsApiAndTheGatewaySignsInThroughIt() throws Exception {
        Clock clock = Clock.systemUTC();
        PscSimulator psc = new PscSimulator(PscSimulator.Options.defaults(), SandboxProfessionals.bundled(), clock,
                new SecureRandom());
        psc.autoApprove(true);
        EdgeHub[] holder = new EdgeHub[1];
        HubConfig config = HubConfig.load(null, Map.of(HubConfig.DATA_DIR, dataDir.toString(),
                HubConfig.HTTP_PORT, "0", HubConfig.MQTT_PORT, "0", HubConfig.INGEST_ENABLED, "false"));
        try (EdgeHub hub = EdgeHub.start(config, clock,
                app -> psc.mount(app, PscSimulator.DEFAULT_BASE, () -> holder[0].httpUri().toString()))) {
            holder[0] = hub;
            assertTrue(psc.issuer().toString().startsWith(hub.httpUri() + "/sandbox/psc/auth/realms/esante-wallet"));
            PscGatewayConfig gw = PscGatewayConfig.withSecret(psc.issuer(), "vigie-sandbox", "sandbox-secret");
            PscProvider provider = PscProvider.discover(gw);
            CibaFlow flow = new CibaFlow(gw, provider, IdTokenValidator.forProvider(gw, provider, clock),
                    new SecureRandom(), clock);
            CibaPoll answer = flow.poll(flow.start(psc.professionals().byRole("admission agent").idNatPs(),
                    CibaChannel.MOBILE));
            assertEquals("3750100042/ADM0042", assertInstanceOf(CibaPoll.Tokens.class, answer).tokens().claims()
                    .subjectNameId().value());
            HttpResponse<String> phone = HttpClient.newHttpClient().send(HttpRequest.newBuilder(psc.phonePage()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, phone.statusCode());
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    hub.httpUri().resolve("/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(health.body().contains("status"));
        }
    }
}
