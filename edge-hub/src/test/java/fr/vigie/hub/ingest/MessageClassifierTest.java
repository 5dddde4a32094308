package fr.vigie.hub.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.testing.Events;
import fr.vigie.protocol.EventEnvelope;
import fr.vigie.protocol.EventPayload;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.KioskStatus;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.ProtocolError;
import fr.vigie.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MessageClassifierTest {
    private static final KioskAddress KIOSK = KioskAddress.of("chu-nord", "kiosk-001");
    private static final Instant NOW = Instant.parse("2025-03-31T08:00:00Z");
    private final MessageClassifier classifier = new MessageClassifier(new ProtocolCodec());

    @Test
    void validEventKeepsItsPayloadAsJson() {
        EventEnvelope e = Events.demo(KIOSK, 1, NOW);

        Decoded d = classifier.classify(Topics.event(KIOSK), Events.CODEC.encode(e), NOW);

        Decoded.Event event = assertInstanceOf(Decoded.Event.class, d);
        assertEquals(e, event.event().event());
        assertEquals("{\"action\":\"badge-tap\",\"burstIndex\":1}", event.event().payloadJson());
    }

    @Test
    void statusHeartbeatIsCappedAtReceipt() {
        KioskStatus s = Events.status(KIOSK, KioskStatus.State.ONLINE, NOW.plusSeconds(30), 10);

        Decoded.Status status = assertInstanceOf(Decoded.Status.class,
                classifier.classify(Topics.status(KIOSK), Events.CODEC.encode(s), NOW));

        assertEquals(NOW, status.status().heartbeatAt());
    }

    @Test
    void malformedOversizedMismatchedAndUnknownTypeAreRejectedWithTheirCode() {
        assertRejected(ProtocolError.MALFORMED_JSON, Topics.event(KIOSK), "{not json".getBytes(StandardCharsets.UTF_8));
        byte[] big = new byte[ProtocolCodec.DEFAULT_MAX_BYTES + 1];
        Arrays.fill(big, (byte) 'x');
        assertRejected(ProtocolError.MESSAGE_TOO_LARGE, Topics.event(KIOSK), big);
        byte[] other = Events.CODEC.encode(Events.demo(KioskAddress.of("chu-nord", "kiosk-002"), 1, NOW));
        assertRejected(ProtocolError.TOPIC_MISMATCH, Topics.event(KIOSK), other);
        String unknownType = new String(Events.CODEC.encode(Events.demo(KIOSK, 1, NOW)), StandardCharsets.UTF_8)
                .replace("\"demo.activity\"", "\"demo.unknown\"");
        assertRejected(ProtocolError.UNKNOWN_EVENT_TYPE, Topics.event(KIOSK), unknownType.getBytes(StandardCharsets.UTF_8));
        assertRejected(ProtocolError.UNKNOWN_TOPIC, Topics.reply(KIOSK), "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rejectionKeepsOnlyTheFirstBytes() {
        byte[] big = new byte[100_000];
        Arrays.fill(big, (byte) 'y');

        Decoded.Rejected r = assertRejected(ProtocolError.MESSAGE_TOO_LARGE, Topics.event(KIOSK), big);

        assertEquals(100_000, r.rejection().sizeBytes());
        assertArrayEquals(Arrays.copyOf(big, 256), r.rejection().firstBytes());
        assertEquals(NOW, r.rejection().receivedAt());
    }

    @Test
    void textWithNulCharacterIsRejectedBecauseTheDatabaseCannotStoreIt() {
        EventEnvelope e = EventEnvelope.of(Events.demo(KIOSK, 1, NOW).eventId(), KIOSK, 1, NOW,
                new EventPayload.DemoActivity("tap\u0000", 1));

        Decoded.Rejected r = assertRejected(ProtocolError.INVALID_FIELD, Topics.event(KIOSK), Events.CODEC.encode(e));

        assertTrue(r.rejection().reason().contains("NUL"), r.rejection().reason());
    }

    @Test
    void emptyStatusClearsARetainedStatusAndIsIgnored() {
        assertInstanceOf(Decoded.Ignored.class, classifier.classify(Topics.status(KIOSK), new byte[0], NOW));
    }

    private Decoded.Rejected assertRejected(ProtocolError code, String topic, byte[] payload) {
        Decoded.Rejected r = assertInstanceOf(Decoded.Rejected.class, classifier.classify(topic, payload, NOW));
        assertEquals(code, r.rejection().code(), r.rejection().reason());
        assertEquals(topic, r.rejection().topic());
        return r;
    }
}
