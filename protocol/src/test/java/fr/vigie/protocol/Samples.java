package fr.vigie.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** Valid messages of every type, and a way to edit their JSON form for rejection tests. */
final class Samples {
    static final KioskAddress KIOSK = KioskAddress.of("chu-nord", "kiosk-001");
    static final Instant AT = Instant.parse("2025-03-14T09:26:53.589793238Z");
    static final EventId EVENT_ID = EventId.parse("01958f4c-3b2d-7a10-8c3e-1234567890ab");

    private static final ObjectMapper PLAIN = new ObjectMapper();

    private Samples() {
    }

    static EventEnvelope kioskStarted() {
        return EventEnvelope.of(EVENT_ID, KIOSK, 1, AT, new EventPayload.KioskStarted("1.4.2", 3));
    }

    static EventEnvelope demoActivity() {
        return EventEnvelope.of(EVENT_ID, KIOSK, 42, AT, new EventPayload.DemoActivity("badge-tap", 7));
    }

    static EventEnvelope sessionTransition() {
        return EventEnvelope.of(EVENT_ID, KIOSK, 43, AT,
                new EventPayload.SessionTransition("s-1", "LOCKED", "OPEN", "REAUTH_SAME_CLINICIAN", "810001234567", null));
    }

    static EventEnvelope prescriptionScanned() {
        return EventEnvelope.of(EVENT_ID, KIOSK, 44, AT,
                new EventPayload.PrescriptionScanned(1207, "RX24AB0012345678", "810001234567"));
    }

    static KioskStatus status() {
        return new KioskStatus(KIOSK.site(), KIOSK.kioskId(), KioskStatus.State.ONLINE, AT, "1.4.2",
                AT.minusSeconds(3600), 12, 5, ProtocolCodec.SCHEMA_VERSION);
    }

    static Command command() {
        return new Command("cmd-7", KIOSK.site(), KIOSK.kioskId(), "diagnose", Map.of("level", "full"), AT,
                AT.plusSeconds(300), "n0nce-Qx7vK2pL9mR4tW8z", ProtocolCodec.SCHEMA_VERSION);
    }

    static SignedCommand signedCommand() {
        return new SignedCommand("eyJhbGciOiJFUzI1NiJ9.e30.c2ln", ProtocolCodec.SCHEMA_VERSION);
    }

    static Reply reply() {
        return new Reply("cmd-7", KIOSK.site(), KIOSK.kioskId(), Reply.Outcome.REJECTED,
                "CONFIG_SIGNATURE_INVALID", "signature does not verify", AT, ProtocolCodec.SCHEMA_VERSION);
    }

    static ConfigBundle config() {
        return new ConfigBundle(KIOSK.site(), KIOSK.kioskId(), 3, AT, "eyJhbGciOiJFUzI1NiJ9.e30.c2ln",
                ProtocolCodec.SCHEMA_VERSION);
    }

    static UUID uuidVersion4() {
        return UUID.fromString("3f1c2a9e-4b7d-4c21-9a55-0e8b7c6d5f4a");
    }

    /** The JSON of {@code message} after {@code edit} has changed its tree. */
    static byte[] edited(Object message, Consumer<ObjectNode> edit) {
        try {
            ObjectNode tree = (ObjectNode) PLAIN.readTree(new ProtocolCodec().encode(message));
            edit.accept(tree);
            return PLAIN.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
