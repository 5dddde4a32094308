package fr.vigie.hub.ingest;

import fr.vigie.hub.db.WriteBatch;

/** What a received message turned out to be once decoded. Immutable. */
sealed interface Decoded permits Decoded.Event, Decoded.Status, Decoded.Rejected, Decoded.Ignored {

    /** A valid event. */
    record Event(WriteBatch.NewEvent event) implements Decoded {
    }

    /** A valid kiosk status. */
    record Status(WriteBatch.StatusUpdate status) implements Decoded {
    }

    /** A message that broke the contract. */
    record Rejected(WriteBatch.Quarantined rejection) implements Decoded {
    }

    /** A message with nothing to store, e.g. an empty retained status that clears a kiosk's status. */
    record Ignored(String why) implements Decoded {
    }
}
