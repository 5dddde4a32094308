package fr.vigie.hub.broker;

import static fr.vigie.hub.broker.SitePki.A;
import static fr.vigie.hub.broker.SitePki.B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.vigie.protocol.KioskAddress;
import java.nio.file.Path;
import java.time.Clock;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access-control contract on the embedded HiveMQ broker with its device extension. */
class EmbeddedBrokerAccessIT extends BrokerAccessContract {
    @TempDir
    static Path dir;
    static EmbeddedBroker broker;

    @BeforeAll
    static void start() throws Exception {
        pki = SitePki.create(dir.resolve("pki"));
        hubCredentials = HubMqttCredentials.openOrCreate(dir.resolve(HubMqttCredentials.FILE));
        broker = EmbeddedBroker.start(dir.resolve("broker"), 0, hubCredentials, BrokerTls.loopback(pki.ca,
                Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    String deviceUrl() {
        return broker.deviceUrl().orElseThrow();
    }

    @Override
    String hubUrl() {
        return broker.url();
    }

    @Override
    void afterRevocation(KioskAddress kiosk) throws Exception {
        broker.disconnectDevice(kiosk).get();
    }

    @Override
    boolean disconnectsOnRevocation() {
        return true;
    }

    /** HiveMQ answers PUBACK NOT_AUTHORIZED, then disconnects the client. */
    @Override
    void refusedPublish(int reasonCode) {
        assertEquals(0x87, reasonCode);
    }

    @Test
    void deviceMustUseItsOwnClientId() throws Exception {
        SitePki.Credential a = pki.device(A);
        assertThrows(MqttException.class,
                () -> MqttProbe.connect(deviceUrl(), DeviceAccessPolicy.clientIdOf(B), a.ssl()));
    }
}
