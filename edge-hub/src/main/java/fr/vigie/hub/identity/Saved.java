package fr.vigie.hub.identity;

import java.util.List;

/** A record as saved, and the vigilance flags its saving raised (empty when none). Immutable. */
public record Saved(IdentityRecord record, List<VigilanceFlag> raised) {
    public Saved {
        raised = List.copyOf(raised);
    }
}
