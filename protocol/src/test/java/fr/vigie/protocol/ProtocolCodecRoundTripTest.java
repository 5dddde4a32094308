package fr.vigie.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtocolCodecRoundTripTest {
    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void kioskStartedEventSurvivesEncodeAndDecode() throws Exception {
        EventEnvelope sent = Samples.kioskStarted();

        EventEnvelope received = codec.decodeEvent(Topics.event(Samples.KIOSK), codec.encode(sent));

        assertEquals(sent, received);
        assertEquals(EventType.KIOSK_STARTED, received.payload().type());
    }

    @Test
    void demoActivityEventSurvivesEncodeAndDecode() throws Exception {
        EventEnvelope sent = Samples.demoActivity();

        EventEnvelope received = codec.decodeEvent(codec.encode(sent));

        assertEquals(sent, received);
        assertEquals(EventType.DEMO_ACTIVITY, received.payload().type());
    }

    @Test
    void sessionTransitionEventSurvivesEncodeAndDecodeWithAnEmptyExercice() throws Exception {
        EventEnvelope sent = Samples.sessionTransition();

        EventEnvelope received = codec.decodeEvent(codec.encode(sent));

        assertEquals(sent, received);
        assertEquals(EventType.SESSION_TRANSITION, received.payload().type());
        assertEquals("session.transition", received.payload().type().wireName());
        assertEquals("", ((EventPayload.SessionTransition) received.payload()).exercice());
    }

    @Test
    void statusSurvivesEncodeAndDecode() throws Exception {
        KioskStatus sent = Samples.status();

        assertEquals(sent, codec.decodeStatus(Topics.status(Samples.KIOSK), codec.encode(sent)));
        assertEquals(sent, codec.decodeStatus(codec.encode(sent)));
    }

    @Test
    void offlineLastWillSurvivesEncodeAndDecode() throws Exception {
        KioskStatus online = Samples.status();
        KioskStatus will = new KioskStatus(online.site(), online.kioskId(), KioskStatus.State.OFFLINE,
                online.sentAt(), online.softwareVersion(), online.startedAt(), 0, 5, ProtocolCodec.SCHEMA_VERSION);

        assertEquals(will, codec.decodeStatus(codec.encode(will)));
    }

    @Test
    void commandSurvivesEncodeAndDecode() throws Exception {
        Command sent = Samples.command();

        assertEquals(sent, codec.decodeCommand(codec.encode(sent)));
    }

    @Test
    void signedCommandSurvivesEncodeAndDecodeWithOnlyItsJwsAndSchema() throws Exception {
        SignedCommand sent = Samples.signedCommand();

        assertEquals(sent, codec.decodeSignedCommand(codec.encode(sent)));
        assertEquals(List.of("jws", "schema"), names(new ObjectMapper().readTree(codec.encode(sent))));
    }

    @Test
    void replySurvivesEncodeAndDecode() throws Exception {
        Reply sent = Samples.reply();

        assertEquals(sent, codec.decodeReply(codec.encode(sent)));
    }

    @Test
    void configBundleSurvivesEncodeAndDecode() throws Exception {
        ConfigBundle sent = Samples.config();

        assertEquals(sent, codec.decodeConfig(codec.encode(sent)));
    }

    @Test
    void eventIsWrittenWithExactlyTheContractFieldsAndTextualIdAndTime() throws IOException {
        JsonNode json = new ObjectMapper().readTree(codec.encode(Samples.kioskStarted()));

        assertEquals(List.of("eventId", "site", "kioskId", "seq", "type", "occurredAt", "schema", "payload"),
                names(json));
        assertEquals("01958f4c-3b2d-7a10-8c3e-1234567890ab", json.get("eventId").textValue());
        assertEquals("2025-03-14T09:26:53.589793238Z", json.get("occurredAt").textValue());
        assertEquals("kiosk.started", json.get("type").textValue());
        assertEquals(1, json.get("schema").intValue());
        assertEquals(List.of("softwareVersion", "pendingInOutbox"), names(json.get("payload")));
    }

    @Test
    void everyMessageTypeIsWrittenWithItsSchemaVersion() throws IOException {
        ObjectMapper plain = new ObjectMapper();
        for (Object message : List.of(Samples.demoActivity(), Samples.status(), Samples.command(),
                Samples.signedCommand(), Samples.reply(), Samples.config())) {
            JsonNode json = plain.readTree(codec.encode(message));
            assertTrue(json.get("schema").isInt(), message.getClass().getSimpleName());
            assertEquals(ProtocolCodec.SCHEMA_VERSION, json.get("schema").intValue());
        }
    }

    @Test
    void commandWithoutArgumentsSurvivesEncodeAndDecode() throws Exception {
        Command c = Samples.command();
        Command sent = new Command(c.commandId(), c.site(), c.kioskId(), "reboot", Map.of(), c.issuedAt(),
                c.expiresAt(), c.nonce(), c.schema());

        assertEquals(sent, codec.decodeCommand(codec.encode(sent)));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
