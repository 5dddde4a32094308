package fr.vigie.hub.ingest;

import fr.vigie.hub.db.WriteBatch;
import fr.vigie.hub.device.Presence;
import fr.vigie.protocol.EventEnvelope;
import fr.vigie.protocol.KioskStatus;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.ProtocolError;
import fr.vigie.protocol.ProtocolException;
import fr.vigie.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Decodes a received MQTT message with the protocol codec into an event, a status or a rejection.
 * Never throws: whatever the bytes, the result is something the writer can commit and acknowledge.
 * Thread-safe.
 */
final class MessageClassifier {
    private final ProtocolCodec codec;

    MessageClassifier(ProtocolCodec codec) {
        this.codec = codec;
    }

    Decoded classify(String topic, byte[] payload, Instant receivedAt) {
        try {
            Topics.Parsed parsed = Topics.parse(topic);
            switch (parsed.channel()) {
                case EVENT:
                    return event(topic, payload, receivedAt);
                case STATUS:
                    if (payload.length == 0) {
                        return new Decoded.Ignored("empty status: the kiosk's retained status was cleared");
                    }
                    KioskStatus status = codec.decodeStatus(topic, payload);
                    return new Decoded.Status(new WriteBatch.StatusUpdate(status,
                            Presence.heartbeatTime(status.sentAt(), receivedAt)));
                default:
                    throw new ProtocolException(ProtocolError.UNKNOWN_TOPIC,
                            "the hub does not take messages on channel '" + parsed.channel().segment() + "'");
            }
        } catch (ProtocolException e) {
            return rejected(topic, payload, receivedAt, e.error(), e.getMessage());
        } catch (RuntimeException e) {
            return rejected(topic, payload, receivedAt, ProtocolError.INVALID_FIELD,
                    "the message could not be decoded: " + e.getClass().getSimpleName());
        }
    }

    private Decoded event(String topic, byte[] payload, Instant receivedAt) throws ProtocolException {
        EventEnvelope event = codec.decodeEvent(topic, payload);
        String payloadJson = new String(codec.encode(event.payload()), StandardCharsets.UTF_8);
        if (payloadJson.contains("\\u0000")) {
            // valid JSON, but PostgreSQL's jsonb cannot hold a NUL character
            throw new ProtocolException(ProtocolError.INVALID_FIELD, "payload text contains a NUL character (\\u0000)");
        }
        return new Decoded.Event(new WriteBatch.NewEvent(event, payloadJson));
    }

    private static Decoded rejected(String topic, byte[] payload, Instant receivedAt, ProtocolError code,
            String reason) {
        byte[] head = Arrays.copyOf(payload, Math.min(payload.length, WriteBatch.Quarantined.KEPT_BYTES));
        return new Decoded.Rejected(new WriteBatch.Quarantined(topic, code, reason, payload.length, head,
                receivedAt));
    }
}
