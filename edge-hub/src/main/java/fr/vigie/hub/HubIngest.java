package fr.vigie.hub;

import fr.vigie.hub.ingest.Ingest;
import fr.vigie.hub.metrics.HubMetrics;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest of the kiosks' events into the database, with the drain of an earlier version's ingest
 * session when there is one. Started with the hub unless {@code hub.ingest.enabled=false}, or later by
 * {@link #start()}. Thread-safe.
 */
final class HubIngest implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HubIngest.class);
    private static final Duration EMBEDDED_SUBSCRIBE_WAIT = Duration.ofSeconds(30);
    private static final Duration EXTERNAL_SUBSCRIBE_WAIT = Duration.ofSeconds(10);
    /** The purpose ingest's client id is derived for (see {@code HubMqttCredentials#clientId}). */
    private static final String INGEST_CLIENT = "ingest";

    private final HubConfig config;
    private final HubFoundation base;
    private final HubRegistries registries;
    private final HubMetrics metrics;
    private final Clock clock;
    private volatile Ingest ingest;
    private FormerSessionDrain formerSession;
    private boolean closed;

    HubIngest(HubConfig config, HubFoundation base, HubRegistries registries, HubMetrics metrics, Clock clock) {
        this.config = config;
        this.base = base;
        this.registries = registries;
        this.metrics = metrics;
        this.clock = clock;
        metrics.gauge("vigie_ingest_queue_depth", "Messages received and waiting for the ingest writer.",
                () -> ingest == null ? 0 : ingest.queueDepth());
        metrics.gauge("vigie_ingest_connected", "1 when ingest is connected and subscribed to the broker.",
                () -> ingest != null && ingest.isConnected() ? 1 : 0);
    }

    /**
     * Starts ingest if it is not running. Waits until the subscriptions are in place (for an external
     * broker, at most a few seconds; connecting then goes on in the background).
     *
     * @throws IllegalStateException when closed, or the embedded broker refuses the subscriptions
     */
    synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the hub is closed");
        }
        if (ingest != null) {
            return;
        }
        String url = base.mqttUrl;
        boolean embedded = base.broker != null;
        Ingest in = new Ingest(url, base.mqttCredentials, base.mqttCredentials.clientId(INGEST_CLIENT),
                registries.events, metrics, clock, config.ingestBatchSize(), !embedded);
        ingest = in;
        try {
            boolean subscribed = in.start(embedded ? EMBEDDED_SUBSCRIBE_WAIT : EXTERNAL_SUBSCRIBE_WAIT);
            if (!subscribed && embedded) {
                throw new IllegalStateException("ingest could not subscribe on the embedded broker " + url);
            }
            if (!subscribed) {
                LOG.warn("broker {} not reachable yet; ingest keeps trying in the background", url);
            }
            Optional<String> former = base.directory.formerIngestClientId();
            if (former.isPresent()) {
                formerSession = FormerSessionDrain.start(Ingest.drainOf(url, base.mqttCredentials, former.get(),
                        registries.events, metrics, clock, config.ingestBatchSize()), base.directory);
            }
        } catch (MqttException | IOException e) {
            throw new IllegalStateException("cannot create the ingest client for " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting ingest", e);
        }
    }

    /** {@code DISABLED}, {@code CONNECTED} or {@code DISCONNECTED}, as {@code /healthz} says. */
    String state() {
        Ingest in = ingest;
        return in == null ? "DISABLED" : in.isConnected() ? "CONNECTED" : "DISCONNECTED";
    }

    /** Stops the former session's drain, then ingest (committing and acknowledging the batch in progress). */
    @Override
    public synchronized void close() {
        closed = true;
        if (formerSession != null) {
            formerSession.close();
        }
        if (ingest != null) {
            ingest.close();
        }
    }
}
