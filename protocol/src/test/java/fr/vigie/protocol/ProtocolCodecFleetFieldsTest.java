package fr.vigie.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The heartbeat's fleet fields and the reply's details, and how older messages without them are read. */
class ProtocolCodecFleetFieldsTest {
    private final ProtocolCodec codec = new ProtocolCodec();

    private static KioskStatus fleetStatus() {
        KioskStatus s = Samples.status();
        return new KioskStatus(s.site(), s.kioskId(), s.state(), s.sentAt(), s.softwareVersion(), s.startedAt(),
                s.outboxDepth(), s.heartbeatSeconds(), 7, "2026-03-01T00:00:00Z", List.of("ACS ACR39U 00", "Virtual CL"),
                ProtocolCodec.SCHEMA_VERSION);
    }

    @Test
    void heartbeatWithFleetFieldsSurvivesEncodeAndDecode() throws Exception {
        KioskStatus sent = fleetStatus();
        KioskStatus back = codec.decodeStatus(Topics.status(Samples.KIOSK), codec.encode(sent));
        assertEquals(sent, back);
        assertEquals(Optional.of(Instant.parse("2026-03-01T00:00:00Z")), back.certificateExpiry());
    }

    @Test
    void heartbeatOfAnOlderKioskWithoutFleetFieldsIsReadWithDefaults() throws Exception {
        byte[] old = Samples.edited(fleetStatus(), t -> t.remove(List.of("configVersion", "certificateNotAfter", "readers")));
        KioskStatus s = codec.decodeStatus(old);
        assertEquals(0, s.configVersion());
        assertEquals(Optional.empty(), s.certificateExpiry());
        assertEquals(List.of(), s.readers());
    }

    @Test
    void fleetFieldsOfTheWrongKindAreRejectedWithTheField() {
        ProtocolException reader = assertThrows(ProtocolException.class,
                () -> codec.decodeStatus(Samples.edited(fleetStatus(), t -> t.putArray("readers").add(3))));
        assertEquals(ProtocolError.INVALID_FIELD, reader.error());
        assertTrue(reader.getMessage().contains("readers[0]"), reader.getMessage());
        ProtocolException expiry = assertThrows(ProtocolException.class,
                () -> codec.decodeStatus(Samples.edited(fleetStatus(), t -> t.put("certificateNotAfter", "soon"))));
        assertEquals(ProtocolError.INVALID_FIELD, expiry.error());
        ProtocolException nulled = assertThrows(ProtocolException.class,
                () -> codec.decodeStatus(Samples.edited(fleetStatus(), t -> t.putNull("configVersion"))));
        assertEquals(ProtocolError.MISSING_FIELD, nulled.error(), "null is not absent: only absent fields take defaults");
        ProtocolException negative = assertThrows(ProtocolException.class,
                () -> codec.decodeStatus(Samples.edited(fleetStatus(), t -> t.put("configVersion", -1))));
        assertEquals(ProtocolError.INVALID_FIELD, negative.error());
    }

    @Test
    void replyDetailsSurviveAndAnOlderReplyIsReadWithNone() throws Exception {
        Reply r = Samples.reply();
        Reply withDetails = new Reply(r.commandId(), r.site(), r.kioskId(), Reply.Outcome.DONE, "OK", "diagnostics",
                r.repliedAt(), Map.of("outboxDepth", "3", "readers", "2"), ProtocolCodec.SCHEMA_VERSION);
        assertEquals(withDetails, codec.decodeReply(codec.encode(withDetails)));
        Reply older = codec.decodeReply(Samples.edited(withDetails, t -> t.remove("details")));
        assertEquals(Map.of(), older.details());
        assertEquals(ProtocolError.INVALID_FIELD, assertThrows(ProtocolException.class, () -> codec.decodeReply(
                Samples.edited(withDetails, t -> t.putObject("details").put("n", 1)))).error());
    }
}
