package fr.vigie.hub.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.protocol.KioskAddress;
import fr.vigie.testing.MosquittoProcess;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access-control contract on a real Mosquitto 2 process configured by {@link MosquittoSecurityConfig},
 * looked after as the hub does it ({@link SiteMosquitto}: configuration written, CRL pushed and Mosquitto
 * signalled after a revocation).
 */
class MosquittoAccessIT extends BrokerAccessContract {
    @TempDir
    static Path dir;
    static MosquittoProcess mosquitto;
    static SiteMosquitto site;
    static int devicePort;

    @BeforeAll
    static void start() throws Exception {
        pki = SitePki.create(dir.resolve("pki"));
        hubCredentials = HubMqttCredentials.openOrCreate(dir.resolve(HubMqttCredentials.FILE));
        devicePort = FreePort.onLoopback();
        int hubPort = FreePort.onLoopback();
        Path securityDir = dir.resolve("mosquitto");
        MosquittoProcess process = MosquittoProcess.configure(dir, hubPort,
                List.of("persistence false", "log_type notice", "include_dir " + securityDir));
        BrokerTls tls = new BrokerTls("127.0.0.1", devicePort, List.of("localhost"), List.of("127.0.0.1"), pki.ca,
                Clock.systemUTC());
        site = SiteMosquitto.start(securityDir, tls, hubPort, hubCredentials, Optional.of(process.pidFile()));
        mosquitto = process.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (site != null) {
            site.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Override
    String deviceUrl() {
        return "ssl://127.0.0.1:" + devicePort;
    }

    @Override
    String hubUrl() {
        return mosquitto.url();
    }

    @Override
    void afterRevocation(KioskAddress kiosk) throws Exception {
        assertTrue(site.publishCrl(), "the revocation changed the CRL");
    }

    /** Mosquitto keeps a connected client's session; the new CRL applies from its next connect. */
    @Override
    boolean disconnectsOnRevocation() {
        return false;
    }

    /** Mosquitto answers PUBACK NOT_AUTHORIZED and keeps the connection. */
    @Override
    void refusedPublish(int reasonCode) {
        assertEquals(0x87, reasonCode);
    }

    /**
     * Mosquitto 2.0.11 grants a subscription outside the ACL (SUBACK QoS 1) and checks the read ACL
     * on every message instead: the contract's delivery check is what shows the refusal.
     */
    @Override
    void refusedSubscription(int reasonCode) {
        assertTrue(reasonCode >= 0 && reasonCode <= 0x87, "SUBACK reason code " + reasonCode);
    }
}
