package fr.vigie.hub;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a hub has started, in order, so that it stops in the reverse order: on {@link #close()}, and
 * when a later part fails to start. A failure to stop one part is logged and does not keep the others
 * running. Thread-safe.
 */
final class StartedParts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StartedParts.class);
    private final Deque<AutoCloseable> parts = new ArrayDeque<>();

    /** Records {@code part} as started (null is ignored) and returns it. */
    synchronized <T extends AutoCloseable> T add(T part) {
        if (part != null) {
            parts.push(part);
        }
        return part;
    }

    /** Stops every part, the last started first. Idempotent. */
    @Override
    public void close() {
        while (true) {
            AutoCloseable part;
            synchronized (this) {
                part = parts.poll();
            }
            if (part == null) {
                return;
            }
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("while stopping {}: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
