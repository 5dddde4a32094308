package fr.vigie.protocol;

import java.util.Optional;

/**
 * The MQTT topic tree shared by kiosks and hubs:
 *
 * <pre>
 * vigie/v1/{site}/{kioskId}/event    kiosk → hub   QoS 1, one event per message, idempotent by eventId
 * vigie/v1/{site}/{kioskId}/status   kiosk → hub   retained heartbeat; last will = offline
 * vigie/v1/{site}/{kioskId}/cmd      hub → kiosk   commands, signed by the hub
 * vigie/v1/{site}/{kioskId}/config   hub → kiosk   retained signed configuration bundle
 * vigie/v1/{site}/{kioskId}/reply    kiosk → hub   command results, configuration applied or rejected
 * </pre>
 *
 * A device may speak only inside its own {@code {site}/{kioskId}} subtree. Stateless.
 */
public final class Topics {
    /** Root of every Vigie topic, with the contract's major version. */
    public static final String ROOT = "vigie/v1";
    /** The shared-subscription group that hub instances use to split ingest between them. */
    public static final String HUB_SHARE_GROUP = "hub";

    /** The five channels under a kiosk's subtree. */
    public enum Channel {
        EVENT("event"), STATUS("status"), CMD("cmd"), CONFIG("config"), REPLY("reply");

        private final String segment;

        Channel(String segment) {
            this.segment = segment;
        }

        public String segment() {
            return segment;
        }

        static Optional<Channel> ofSegment(String segment) {
            for (Channel c : values()) {
                if (c.segment.equals(segment)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    /** A topic split into the kiosk it belongs to and its channel. */
    public record Parsed(KioskAddress kiosk, Channel channel) {
    }

    private Topics() {
    }

    public static String of(KioskAddress kiosk, Channel channel) {
        return ROOT + "/" + kiosk.site() + "/" + kiosk.kioskId() + "/" + channel.segment();
    }

    public static String event(KioskAddress kiosk) {
        return of(kiosk, Channel.EVENT);
    }

    public static String status(KioskAddress kiosk) {
        return of(kiosk, Channel.STATUS);
    }

    public static String command(KioskAddress kiosk) {
        return of(kiosk, Channel.CMD);
    }

    public static String config(KioskAddress kiosk) {
        return of(kiosk, Channel.CONFIG);
    }

    public static String reply(KioskAddress kiosk) {
        return of(kiosk, Channel.REPLY);
    }

    /** Filter matching one channel of every kiosk of every site, e.g. {@code vigie/v1/+/+/event}. */
    public static String allKiosks(Channel channel) {
        return ROOT + "/+/+/" + channel.segment();
    }

    /** The same filter as a shared subscription of the hub group: {@code $share/hub/vigie/v1/+/+/event}. */
    public static String sharedByHubs(Channel channel) {
        return "$share/" + HUB_SHARE_GROUP + "/" + allKiosks(channel);
    }

    /** Filter for everything a kiosk may touch: {@code vigie/v1/{site}/{kioskId}/#}. */
    public static String subtree(KioskAddress kiosk) {
        return ROOT + "/" + kiosk.site() + "/" + kiosk.kioskId() + "/#";
    }

    /**
     * Splits a concrete topic name into kiosk and channel.
     *
     * @throws ProtocolException {@link ProtocolError#UNKNOWN_TOPIC} when the topic is not in the tree
     */
    public static Parsed parse(String topic) throws ProtocolException {
        String[] parts = topic == null ? new String[0] : topic.split("/", -1);
        if (parts.length != 5 || !(parts[0] + "/" + parts[1]).equals(ROOT)) {
            throw new ProtocolException(ProtocolError.UNKNOWN_TOPIC,
                    "topic '" + topic + "' is not of the form " + ROOT + "/{site}/{kioskId}/{channel}");
        }
        if (!KioskAddress.isValidId(parts[2]) || !KioskAddress.isValidId(parts[3])) {
            throw new ProtocolException(ProtocolError.UNKNOWN_TOPIC,
                    "topic '" + topic + "' has an invalid site or kiosk id");
        }
        Channel channel = Channel.ofSegment(parts[4]).orElseThrow(() -> new ProtocolException(
                ProtocolError.UNKNOWN_TOPIC, "topic '" + topic + "' has unknown channel '" + parts[4] + "'"));
        return new Parsed(new KioskAddress(parts[2], parts[3]), channel);
    }
}
