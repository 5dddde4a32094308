package fr.vigie.protocol;

import static fr.vigie.protocol.ProtocolCodecFieldTest.payload;
import static fr.vigie.protocol.ProtocolCodecFramingTest.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Rejections of values of the wrong JSON kind: nothing is coerced. */
class ProtocolCodecTypeTest {
    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void numericStringWhereANumberIsExpectedIsNotCoerced() {
        byte[] wire = Samples.edited(Samples.kioskStarted(), t -> t.put("seq", "42"));

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertEquals("field 'seq' must be an integer, got string \"42\"", e.getMessage());
    }

    @Test
    void numericStringInThePayloadIsNotCoerced() {
        byte[] wire = Samples.edited(Samples.kioskStarted(), t -> payload(t).put("pendingInOutbox", "3"));

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertEquals("field 'payload.pendingInOutbox' must be an integer, got string \"3\"", e.getMessage());
    }

    @Test
    void numberWhereAStringIsExpectedIsNotCoerced() {
        byte[] wire = Samples.edited(Samples.kioskStarted(), t -> payload(t).put("softwareVersion", 142));

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertEquals("field 'payload.softwareVersion' must be a string, got number 142", e.getMessage());
    }

    @Test
    void numberForTheKioskIdIsNotCoerced() {
        byte[] wire = Samples.edited(Samples.status(), t -> t.put("kioskId", 1));

        ProtocolException e = rejected(() -> codec.decodeStatus(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertEquals("field 'kioskId' must be a string, got number 1", e.getMessage());
    }

    @Test
    void fractionWhereAnIntegerIsExpectedIsNotTruncated() {
        byte[] wire = Samples.edited(Samples.status(), t -> t.put("outboxDepth", 1.5));

        ProtocolException e = rejected(() -> codec.decodeStatus(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertEquals("field 'outboxDepth' must be an integer, got number 1.5", e.getMessage());
    }

    @Test
    void booleanWhereANumberIsExpectedIsNotCoerced() {
        byte[] wire = Samples.edited(Samples.kioskStarted(), t -> t.put("schema", true));

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertEquals("field 'schema' must be an integer, got boolean true", e.getMessage());
    }

    @Test
    void numberWhereATimestampIsExpectedIsNotReadAsEpochSeconds() {
        byte[] wire = Samples.edited(Samples.command(), t -> t.put("issuedAt", 1_741_944_413L));

        ProtocolException e = rejected(() -> codec.decodeCommand(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertEquals("field 'issuedAt' must be a string, got number 1741944413", e.getMessage());
    }

    @Test
    void numberAsACommandArgumentIsNotCoerced() {
        byte[] wire = Samples.edited(Samples.command(), t -> ((ObjectNode) t.get("args")).put("level", 3));

        ProtocolException e = rejected(() -> codec.decodeCommand(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertEquals("field 'args.level' must be a string, got number 3", e.getMessage());
    }

    @Test
    void unknownOutcomeIsRejectedAsInvalid() {
        byte[] wire = Samples.edited(Samples.reply(), t -> t.put("outcome", "MAYBE"));

        ProtocolException e = rejected(() -> codec.decodeReply(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertTrue(e.getMessage().startsWith("field 'outcome' has an invalid value"), e.getMessage());
    }

    @Test
    void outcomeGivenAsItsOrdinalIsRejected() {
        byte[] wire = Samples.edited(Samples.reply(), t -> t.put("outcome", 0));

        ProtocolException e = rejected(() -> codec.decodeReply(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertTrue(e.getMessage().startsWith("field 'outcome' "), e.getMessage());
    }

    @Test
    void payloadThatIsNotAnObjectIsRejected() {
        byte[] wire = Samples.edited(Samples.kioskStarted(), t -> t.put("payload", "started"));

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertEquals("field 'payload' must be a JSON object, got string \"started\"", e.getMessage());
    }

    @Test
    void nullCommandArgumentIsRejectedWithItsPath() {
        byte[] wire = Samples.edited(Samples.command(), t -> ((ObjectNode) t.get("args")).putNull("level"));

        ProtocolException e = rejected(() -> codec.decodeCommand(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertEquals("field 'args.level' must be a string, got null", e.getMessage());
    }

    @Test
    void integerTooLargeForItsFieldIsRejectedByName() {
        byte[] wire = Samples.edited(Samples.kioskStarted(),
                t -> t.put("seq", new java.math.BigInteger("123456789012345678901234567890")));

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertEquals("field 'seq' must be an integer within the 64-bit range, got number "
                + "123456789012345678901234567890", e.getMessage());
    }

    @Test
    void unparsableTimestampIsRejectedByName() {
        byte[] wire = Samples.edited(Samples.reply(), t -> t.put("repliedAt", "yesterday"));

        ProtocolException e = rejected(() -> codec.decodeReply(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertTrue(e.getMessage().startsWith("field 'repliedAt' has an invalid value"), e.getMessage());
        assertTrue(e.getMessage().contains("yesterday"), e.getMessage());
    }
}
