package fr.vigie.protocol;

import static fr.vigie.protocol.ProtocolCodecFramingTest.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Rejections of well-formed JSON with fields that are unknown, absent or null. */
class ProtocolCodecFieldTest {
    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void unknownEnvelopeFieldIsRejectedByName() {
        byte[] wire = Samples.edited(Samples.kioskStarted(), t -> t.put("priority", "high"));

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.UNKNOWN_FIELD, e.error());
        assertEquals("field 'priority' is not part of the contract", e.getMessage());
    }

    @Test
    void unknownPayloadFieldIsRejectedWithItsPath() {
        byte[] wire = Samples.edited(Samples.kioskStarted(), t -> payload(t).put("nir", "1800375"));

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.UNKNOWN_FIELD, e.error());
        assertEquals("field 'payload.nir' is not part of the contract", e.getMessage());
    }

    @Test
    void unknownFieldOfEveryOtherMessageTypeIsRejected() {
        assertEquals(ProtocolError.UNKNOWN_FIELD, rejected(() -> codec.decodeStatus(
                Samples.edited(Samples.status(), t -> t.put("x", 1)))).error());
        assertEquals(ProtocolError.UNKNOWN_FIELD, rejected(() -> codec.decodeCommand(
                Samples.edited(Samples.command(), t -> t.put("x", 1)))).error());
        assertEquals(ProtocolError.UNKNOWN_FIELD, rejected(() -> codec.decodeReply(
                Samples.edited(Samples.reply(), t -> t.put("x", 1)))).error());
        assertEquals(ProtocolError.UNKNOWN_FIELD, rejected(() -> codec.decodeConfig(
                Samples.edited(Samples.config(), t -> t.put("x", 1)))).error());
    }

    @Test
    void missingEnvelopeFieldIsRejectedByName() {
        byte[] wire = Samples.edited(Samples.kioskStarted(), t -> t.remove("site"));

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.MISSING_FIELD, e.error());
        assertEquals("field 'site' is required", e.getMessage());
    }

    @Test
    void nullEnvelopeFieldIsRejectedAsMissing() {
        byte[] wire = Samples.edited(Samples.kioskStarted(), t -> t.putNull("kioskId"));

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.MISSING_FIELD, e.error());
        assertEquals("field 'kioskId' is required", e.getMessage());
    }

    @Test
    void missingPayloadIsRejectedAsMissing() {
        byte[] wire = Samples.edited(Samples.kioskStarted(), t -> t.remove("payload"));

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.MISSING_FIELD, e.error());
        assertEquals("field 'payload' is required", e.getMessage());
    }

    @Test
    void nullPayloadIsRejectedAsMissing() {
        byte[] wire = Samples.edited(Samples.kioskStarted(), t -> t.putNull("payload"));

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.MISSING_FIELD, e.error());
        assertEquals("field 'payload' is required", e.getMessage());
    }

    @Test
    void missingPayloadFieldIsRejectedWithItsPath() {
        byte[] wire = Samples.edited(Samples.kioskStarted(), t -> payload(t).remove("pendingInOutbox"));

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.MISSING_FIELD, e.error());
        assertEquals("field 'payload.pendingInOutbox' is required", e.getMessage());
    }

    @Test
    void missingPrimitiveFieldIsRejectedAsMissing() {
        byte[] wire = Samples.edited(Samples.status(), t -> t.remove("heartbeatSeconds"));

        ProtocolException e = rejected(() -> codec.decodeStatus(wire));

        assertEquals(ProtocolError.MISSING_FIELD, e.error());
        assertEquals("field 'heartbeatSeconds' is required", e.getMessage());
    }

    @Test
    void nullPrimitiveFieldIsRejectedAsMissing() {
        byte[] wire = Samples.edited(Samples.config(), t -> t.putNull("version"));

        ProtocolException e = rejected(() -> codec.decodeConfig(wire));

        assertEquals(ProtocolError.MISSING_FIELD, e.error());
        assertEquals("field 'version' is required", e.getMessage());
    }

    @Test
    void missingSchemaIsRejectedAsMissing() {
        byte[] wire = Samples.edited(Samples.reply(), t -> t.remove("schema"));

        ProtocolException e = rejected(() -> codec.decodeReply(wire));

        assertEquals(ProtocolError.MISSING_FIELD, e.error());
        assertEquals("field 'schema' is required", e.getMessage());
    }

    @Test
    void emptyObjectIsRejectedForItsSchemaFirst() {
        ProtocolException e = rejected(() -> codec.decodeConfig(Samples.utf8("{}")));

        assertEquals(ProtocolError.MISSING_FIELD, e.error());
        assertEquals("field 'schema' is required", e.getMessage());
    }

    @Test
    void emptyJwsIsRejected() {
        byte[] wire = Samples.edited(Samples.config(), t -> t.put("jws", " "));

        ProtocolException e = rejected(() -> codec.decodeConfig(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertEquals("jws must not be empty", e.getMessage());
    }

    static ObjectNode payload(ObjectNode envelope) {
        return (ObjectNode) envelope.get("payload");
    }
}
