package fr.vigie.protocol;

import static fr.vigie.protocol.ProtocolCodecFramingTest.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rejections of values that are well typed but break a rule of the contract. */
class ProtocolCodecContractTest {
    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void invalidKioskIdIsRejectedWithTheRule() {
        byte[] wire = Samples.edited(Samples.kioskStarted(), t -> t.put("kioskId", "Kiosk_1"));

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertEquals("kioskId 'Kiosk_1' must be 1 to 40 characters of a-z, 0-9 and '-', starting with a letter or"
                + " digit", e.getMessage());
    }

    @Test
    void kioskIdWithAnMqttWildcardIsRejected() {
        byte[] wire = Samples.edited(Samples.status(), t -> t.put("kioskId", "#"));

        ProtocolException e = rejected(() -> codec.decodeStatus(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertTrue(e.getMessage().startsWith("kioskId '#' must be"), e.getMessage());
    }

    @Test
    void invalidSiteInACommandIsRejected() {
        byte[] wire = Samples.edited(Samples.command(), t -> t.put("site", "CHU Nord"));

        ProtocolException e = rejected(() -> codec.decodeCommand(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertTrue(e.getMessage().startsWith("site 'CHU Nord' must be"), e.getMessage());
    }

    @Test
    void commandLivingLongerThanTheMaximumOrExpiringBeforeItsIssueIsRejected() {
        Instant issued = Samples.command().issuedAt();
        for (String expiresAt : new String[] {issued.plus(Command.MAX_LIFETIME).plusSeconds(1).toString(),
            issued.toString(), issued.minusSeconds(60).toString()}) {
            byte[] wire = Samples.edited(Samples.command(), t -> t.put("expiresAt", expiresAt));

            ProtocolException e = rejected(() -> codec.decodeCommand(wire));

            assertEquals(ProtocolError.INVALID_FIELD, e.error(), expiresAt);
            assertTrue(e.getMessage().startsWith("expiresAt "), e.getMessage());
        }
    }

    @Test
    void commandWithAShortOrOddNonceIsRejected() {
        for (String nonce : new String[] {"short", "with spaces in it....", "x".repeat(65)}) {
            ProtocolException e = rejected(() -> codec.decodeCommand(Samples.edited(Samples.command(),
                    t -> t.put("nonce", nonce))));

            assertEquals(ProtocolError.INVALID_FIELD, e.error(), nonce);
        }
    }

    @Test
    void bareCommandNameOnTheCommandTopicIsNotASignedCommand() {
        ProtocolException e = rejected(() -> codec.decodeSignedCommand(Samples.utf8("{\"name\":\"reboot\"}")));

        assertEquals(ProtocolError.MISSING_FIELD, e.error());
    }

    @Test
    void unsignedCommandContentOnTheCommandTopicIsNotASignedCommand() {
        ProtocolException e = rejected(() -> codec.decodeSignedCommand(new ProtocolCodec().encode(Samples.command())));

        assertEquals(ProtocolError.UNKNOWN_FIELD, e.error());
    }

    @Test
    void eventIdThatIsAVersion4UuidIsRejected() {
        byte[] wire = Samples.edited(Samples.kioskStarted(), t -> t.put("eventId", Samples.uuidVersion4().toString()));

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertTrue(e.getMessage().contains("event id must be a UUID version 7"), e.getMessage());
    }

    @Test
    void eventIdInUppercaseIsRejectedAsNotCanonical() {
        String upper = Samples.EVENT_ID.toString().toUpperCase();
        byte[] wire = Samples.edited(Samples.kioskStarted(), t -> t.put("eventId", upper));

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertTrue(e.getMessage().contains("is not in canonical lowercase form"), e.getMessage());
    }

    @Test
    void eventIdThatIsNotAUuidIsRejected() {
        byte[] wire = Samples.edited(Samples.kioskStarted(), t -> t.put("eventId", "event-1"));

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertTrue(e.getMessage().contains("event id must be a 36-character UUID, got 'event-1'"), e.getMessage());
    }

    @Test
    void sequenceZeroIsRejected() {
        byte[] wire = Samples.edited(Samples.kioskStarted(), t -> t.put("seq", 0));

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertEquals("seq must be positive, got 0", e.getMessage());
    }

    @Test
    void negativeCountInThePayloadIsRejectedWithItsPath() {
        byte[] wire = Samples.edited(Samples.kioskStarted(),
                t -> ProtocolCodecFieldTest.payload(t).put("pendingInOutbox", -1));

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
        assertEquals("payload.pendingInOutbox must not be negative, got -1", e.getMessage());
    }

    @Test
    void unknownEventTypeIsRejectedListingTheKnownOnes() {
        byte[] wire = Samples.edited(Samples.kioskStarted(), t -> t.put("type", "kiosk.exploded"));

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.UNKNOWN_EVENT_TYPE, e.error());
        assertEquals("event type 'kiosk.exploded' is not part of the contract (known: " + java.util.Arrays.stream(
                EventType.values()).map(EventType::wireName).collect(java.util.stream.Collectors.joining(", ")) + ")",
                e.getMessage());
        assertTrue(e.getMessage().contains("kiosk.started, demo.activity, session.transition"));
    }

    @Test
    void payloadOfAnotherKnownTypeIsRejectedByItsFields() {
        byte[] wire = Samples.edited(Samples.kioskStarted(), t -> t.put("type", "demo.activity"));

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.UNKNOWN_FIELD, e.error());
        assertEquals("field 'payload.softwareVersion' is not part of the contract", e.getMessage());
    }

    @Test
    void schemaVersionTwoIsRejectedForEveryMessageType() {
        String expected = "schema version 2 is not supported (this side reads version 1)";
        for (ProtocolException e : new ProtocolException[] {
            rejected(() -> codec.decodeEvent(Samples.edited(Samples.kioskStarted(), t -> t.put("schema", 2)))),
            rejected(() -> codec.decodeStatus(Samples.edited(Samples.status(), t -> t.put("schema", 2)))),
            rejected(() -> codec.decodeCommand(Samples.edited(Samples.command(), t -> t.put("schema", 2)))),
            rejected(() -> codec.decodeSignedCommand(Samples.edited(Samples.signedCommand(), t -> t.put("schema", 2)))),
            rejected(() -> codec.decodeReply(Samples.edited(Samples.reply(), t -> t.put("schema", 2)))),
            rejected(() -> codec.decodeConfig(Samples.edited(Samples.config(), t -> t.put("schema", 2))))}) {
            assertEquals(ProtocolError.UNSUPPORTED_SCHEMA_VERSION, e.error());
            assertEquals(expected, e.getMessage());
        }
    }

    @Test
    void schemaTwoEventIsRejectedForItsVersionEvenIfItsPayloadIsNew() {
        byte[] wire = Samples.edited(Samples.kioskStarted(), t -> {
            t.put("schema", 2);
            t.put("type", "kiosk.rebooted");
        });

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.UNSUPPORTED_SCHEMA_VERSION, e.error());
    }

    @Test
    void eventOfAnotherKioskThanItsTopicIsRejected() {
        byte[] wire = codec.encode(Samples.kioskStarted());
        String topic = Topics.event(KioskAddress.of("chu-nord", "kiosk-002"));

        ProtocolException e = rejected(() -> codec.decodeEvent(topic, wire));

        assertEquals(ProtocolError.TOPIC_MISMATCH, e.error());
        assertEquals("message names kiosk chu-nord/kiosk-001 but arrived on topic "
                + "'vigie/v1/chu-nord/kiosk-002/event' of kiosk chu-nord/kiosk-002", e.getMessage());
    }

    @Test
    void eventOfAnotherSiteThanItsTopicIsRejected() {
        byte[] wire = codec.encode(Samples.kioskStarted());
        String topic = Topics.event(KioskAddress.of("chu-sud", "kiosk-001"));

        assertEquals(ProtocolError.TOPIC_MISMATCH, rejected(() -> codec.decodeEvent(topic, wire)).error());
    }

    @Test
    void statusOfAnotherKioskThanItsTopicIsRejected() {
        byte[] wire = codec.encode(Samples.status());
        String topic = Topics.status(KioskAddress.of("chu-nord", "kiosk-009"));

        assertEquals(ProtocolError.TOPIC_MISMATCH, rejected(() -> codec.decodeStatus(topic, wire)).error());
    }

    @Test
    void eventOnAStatusTopicIsRejected() {
        byte[] wire = codec.encode(Samples.kioskStarted());

        ProtocolException e = rejected(() -> codec.decodeEvent(Topics.status(Samples.KIOSK), wire));

        assertEquals(ProtocolError.UNKNOWN_TOPIC, e.error());
        assertEquals("topic 'vigie/v1/chu-nord/kiosk-001/status' is not an event topic", e.getMessage());
    }

    @Test
    void statusOnAnEventTopicIsRejected() {
        byte[] wire = codec.encode(Samples.status());

        ProtocolException e = rejected(() -> codec.decodeStatus(Topics.event(Samples.KIOSK), wire));

        assertEquals(ProtocolError.UNKNOWN_TOPIC, e.error());
        assertEquals("topic 'vigie/v1/chu-nord/kiosk-001/event' is not a status topic", e.getMessage());
    }

    @Test
    void eventOnATopicOutsideTheTreeIsRejected() {
        byte[] wire = codec.encode(Samples.kioskStarted());

        ProtocolException e = rejected(() -> codec.decodeEvent("vigie/v2/chu-nord/kiosk-001/event", wire));

        assertEquals(ProtocolError.UNKNOWN_TOPIC, e.error());
    }
}
