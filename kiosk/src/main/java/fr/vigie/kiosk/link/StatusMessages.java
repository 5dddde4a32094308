package fr.vigie.kiosk.link;

import fr.vigie.kiosk.outbox.Outbox;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.KioskStatus;
import fr.vigie.protocol.ProtocolCodec;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Builds the kiosk's retained status messages: the ONLINE heartbeat, the OFFLINE last will set at
 * connect (its {@code sentAt} is the connect time) and the OFFLINE said on a clean shutdown.
 * Immutable apart from reading the outbox depth and the clock; thread-safe.
 */
final class StatusMessages {
    private final KioskAddress kiosk;
    private final String softwareVersion;
    private final Instant startedAt;
    private final int heartbeatSeconds;
    private final Outbox outbox;
    private final ProtocolCodec codec;
    private final Clock clock;
    private volatile Supplier<StatusFacts> facts = () -> StatusFacts.NONE;

    StatusMessages(KioskAddress kiosk, String softwareVersion, Instant startedAt, int heartbeatSeconds,
            Outbox outbox, ProtocolCodec codec, Clock clock) {
        this.kiosk = kiosk;
        this.softwareVersion = softwareVersion;
        this.startedAt = startedAt;
        this.heartbeatSeconds = heartbeatSeconds;
        this.outbox = outbox;
        this.codec = codec;
        this.clock = clock;
    }

    void facts(Supplier<StatusFacts> source) {
        this.facts = source;
    }

    /** A retained QoS 1 status message in {@code state}, written now. */
    MqttMessage message(KioskStatus.State state) {
        StatusFacts f = facts.get();
        java.util.List<String> readers = f.readers().size() > KioskStatus.MAX_READERS
                ? f.readers().subList(0, KioskStatus.MAX_READERS) : f.readers();
        KioskStatus status = new KioskStatus(kiosk.site(), kiosk.kioskId(), state, clock.instant(), softwareVersion,
                startedAt, outbox.depth(), heartbeatSeconds, f.configVersion(),
                f.certificateNotAfter() == null ? "" : f.certificateNotAfter().toString(), readers,
                ProtocolCodec.SCHEMA_VERSION);
        MqttMessage message = new MqttMessage(codec.encode(status));
        message.setQos(1);
        message.setRetained(true);
        return message;
    }
}
