package fr.vigie.hub.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.function.Supplier;

/**
 * The hub's health as {@code GET /healthz} reports it. Immutable.
 *
 * @param status {@code UP} when the database and the broker are up and ingest (if enabled) is
 *        connected, else {@code DOWN} (answered with 503)
 * @param database {@code UP} or {@code DOWN}
 * @param broker {@code UP} or {@code DOWN}
 * @param ingest {@code CONNECTED}, {@code DISCONNECTED} or {@code DISABLED}
 */
public record Health(String status, String database, String broker, String ingest) {

    /** Puts the parts together and derives the overall status. */
    public static Health of(boolean database, boolean broker, String ingest) {
        boolean up = database && broker && !"DISCONNECTED".equals(ingest);
        return new Health(up ? "UP" : "DOWN", database ? "UP" : "DOWN", broker ? "UP" : "DOWN", ingest);
    }

    /** Whether the hub is fully up. */
    @JsonIgnore
    public boolean isUp() {
        return "UP".equals(status);
    }

    /** Computes the current health; called on every {@code /healthz}. */
    public interface Probe extends Supplier<Health> {
    }
}
