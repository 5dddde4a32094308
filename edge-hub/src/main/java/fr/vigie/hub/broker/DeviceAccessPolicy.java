package fr.vigie.hub.broker;

import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.Topics;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one authenticated MQTT client may publish and subscribe to. A <b>device</b> (a kiosk
 * authenticated by its certificate) may publish only to its own {@code event}, {@code status} and
 * {@code reply} topics and subscribe only to its own {@code cmd} and {@code config} topics, by exact
 * name: no wildcard, no {@code $share}, nothing outside {@code vigie/v1/{site}/{kioskId}}. The
 * <b>hub</b> (the in-process client on the loopback listener, see {@link EmbeddedBroker}) may
 * subscribe to any filter of the Vigie tree, plainly or in the hub's shared group, and publish to any
 * kiosk's {@code cmd} and {@code config}. Immutable and thread-safe.
 *
 * <pre>{@code
 * DeviceAccessPolicy policy = DeviceAccessPolicy.device(KioskAddress.of("chu-a", "k1"));
 * policy.mayPublish("vigie/v1/chu-a/k1/event");   // true
 * policy.mayPublish("vigie/v1/chu-a/k2/event");   // false
 * }</pre>
 */
public final class DeviceAccessPolicy {
    private static final Set<Topics.Channel> DEVICE_WRITES =
            Set.of(Topics.Channel.EVENT, Topics.Channel.STATUS, Topics.Channel.REPLY);
    private static final Set<Topics.Channel> DEVICE_READS = Set.of(Topics.Channel.CMD, Topics.Channel.CONFIG);
    private static final String HUB_SHARE_PREFIX = "$share/" + Topics.HUB_SHARE_GROUP + "/";

    private final KioskAddress kiosk;

    private DeviceAccessPolicy(KioskAddress kiosk) {
        this.kiosk = kiosk;
    }

    /** The policy of the kiosk a verified device certificate speaks for. */
    public static DeviceAccessPolicy device(KioskAddress kiosk) {
        return new DeviceAccessPolicy(Objects.requireNonNull(kiosk, "kiosk"));
    }

    /** The policy of the hub's own client. */
    public static DeviceAccessPolicy hub() {
        return new DeviceAccessPolicy(null);
    }

    /** The MQTT client id a kiosk must connect with: {@code vigie-<site>-<kioskId>}. */
    public static String clientIdOf(KioskAddress kiosk) {
        return "vigie-" + kiosk.site() + "-" + kiosk.kioskId();
    }

    /** The kiosk this policy is for; empty for the hub. */
    public Optional<KioskAddress> kiosk() {
        return Optional.ofNullable(kiosk);
    }

    /** Whether this client may publish a message to the concrete topic {@code topic}. */
    public boolean mayPublish(String topic) {
        Optional<Topics.Parsed> parsed = parse(topic);
        if (parsed.isEmpty()) {
            return false;
        }
        if (kiosk == null) {
            return DEVICE_READS.contains(parsed.get().channel());
        }
        return parsed.get().kiosk().equals(kiosk) && DEVICE_WRITES.contains(parsed.get().channel());
    }

    /** Whether this client may subscribe with the topic filter {@code filter}. */
    public boolean maySubscribe(String filter) {
        if (filter == null || filter.isEmpty()) {
            return false;
        }
        if (kiosk == null) {
            String plain = filter.startsWith(HUB_SHARE_PREFIX) ? filter.substring(HUB_SHARE_PREFIX.length()) : filter;
            return plain.startsWith(Topics.ROOT + "/") && !plain.startsWith("$");
        }
        Optional<Topics.Parsed> parsed = parse(filter);
        return parsed.isPresent() && parsed.get().kiosk().equals(kiosk)
                && DEVICE_READS.contains(parsed.get().channel());
    }

    /** A concrete topic of the Vigie tree; anything with a wildcard is not one. */
    private static Optional<Topics.Parsed> parse(String topic) {
        if (topic == null || topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Topics.parse(topic));
        } catch (fr.vigie.protocol.ProtocolException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return kiosk == null ? "DeviceAccessPolicy[hub]" : "DeviceAccessPolicy[" + kiosk + "]";
    }
}
