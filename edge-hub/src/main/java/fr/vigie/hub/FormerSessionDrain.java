package fr.vigie.hub;

import fr.vigie.hub.ingest.Ingest;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes what the broker kept for the ingest session of an earlier hub version (its client id was
 * derived from the public instance id) and then ends that session, once: the events are stored like
 * any other, and the broker stops queuing every kiosk's events for a client that will never come back.
 * Runs on its own thread beside the hub's ingest; the session is ended only after nothing came for
 * {@link #QUIET} and everything received was committed; if the hub stops first, the next start tries
 * again. Thread-safe.
 */
final class FormerSessionDrain implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FormerSessionDrain.class);
    static final Duration QUIET = Duration.ofSeconds(5);
    private static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(30);

    private final Ingest drain;
    private final HubDataDirectory directory;
    private final Thread thread;
    private volatile boolean stopping;

    private FormerSessionDrain(Ingest drain, HubDataDirectory directory) {
        this.drain = drain;
        this.directory = directory;
        this.thread = new Thread(this::run, "vigie-former-session-drain");
        this.thread.setDaemon(true);
    }

    static FormerSessionDrain start(Ingest drain, HubDataDirectory directory) {
        FormerSessionDrain d = new FormerSessionDrain(drain, directory);
        d.thread.start();
        return d;
    }

    private void run() {
        try {
            if (!drain.start(SUBSCRIBE_WAIT)) {
                LOG.warn("the ingest session of the earlier hub version could not be resumed yet; trying again");
            }
            while (!stopping && !drain.quietFor(QUIET)) {
                Thread.sleep(250);
            }
            if (stopping) {
                return;
            }
            drain.closeEndingSession();
            directory.formerIngestSessionEnded();
            LOG.info("the ingest session of the earlier hub version was drained into the database and ended");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("draining the ingest session of the earlier hub version failed; the next start tries again: {}",
                    e.toString());
        }
    }

    /** Whether the former session was drained and ended. */
    boolean finished() {
        return !thread.isAlive() && !stopping;
    }

    @Override
    public void close() {
        stopping = true;
        drain.close();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
