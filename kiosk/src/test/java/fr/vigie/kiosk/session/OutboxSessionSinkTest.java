package fr.vigie.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.vigie.kiosk.device.Kiosk;
import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.protocol.EventType;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In production the session's transitions go to the kiosk's durable outbox. */
class OutboxSessionSinkTest {
    @TempDir
    Path dir;

    @Test
    void everyTransitionLandsInTheKioskOutboxAsASessionTransitionEvent() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        KioskConfig config = KioskConfig.load(null, Map.of("kiosk.site", "test-site", "kiosk.id", "k1",
                "kiosk.data-dir", dir.toString(), "kiosk.mqtt.url", "tcp://127.0.0.1:" + closedPort,
                "kiosk.outbox.sync", "NORMAL"));
        try (Kiosk kiosk = Kiosk.start(config)) {
            ManualTimers timers = new ManualTimers(Rig.T0);
            ClinicianSession session = ClinicianSession.builder(Rig.TIMEOUTS, SessionSink.outboxOf(kiosk::accept))
                    .clock(timers).timers(timers).build();

            session.cardInserted(Rig.contact(Rig.MARTIN, new ScriptedCard("1234")));
            session.submitPin("1234".toCharArray());
            session.cardRemoved();

            assertEquals(5, kiosk.acceptedCount(EventType.SESSION_TRANSITION));
        }
    }
}
