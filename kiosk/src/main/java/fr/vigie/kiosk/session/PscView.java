package fr.vigie.kiosk.session;

import fr.vigie.kiosk.psc.CibaState;
import java.util.List;
import java.util.Optional;

/**
 * The session's link with Pro Santé Connect, for the screens. Immutable.
 *
 * @param status where it stands
 * @param bindingMessage the two digits to show while waiting for the phone
 * @param who the professional as PSC names them, once connected
 * @param exercices their exercices, to choose from when several
 * @param chosen the exercice chosen (or the only one)
 */
public record PscView(Status status, Optional<String> bindingMessage, Optional<CibaState.Professional> who,
        List<CibaState.Exercice> exercices, Optional<Integer> chosen) {
    /** Where the session stands with PSC. */
    public enum Status {
        /** Not asked (no session, or no hub configured). */
        NOT_ASKED,
        /** Asked; waiting for the hub or the approval. */
        CONNECTING,
        /** Tokens bound on the hub. */
        CONNECTED,
        /** The hub or PSC could not be reached: working offline. */
        OFFLINE,
        /**
         * PSC did not connect the session (refused, expired on the card app, or not within the kiosk's wait):
         * a card session goes on with the card alone.
         */
        NOT_CONNECTED,
        /** The clinician chose to go on with the card alone without waiting for PSC: it is no longer asked. */
        CARD_ONLY
    }

    public PscView {
        exercices = List.copyOf(exercices);
    }

    /** Nothing asked of PSC. */
    public static final PscView NONE = new PscView(Status.NOT_ASKED, Optional.empty(), Optional.empty(), List.of(),
            Optional.empty());

    /** Whether the clinician must still choose among several exercices. */
    public boolean exerciceToChoose() {
        return status == Status.CONNECTED && exercices.size() > 1 && chosen.isEmpty();
    }

    /** The exercice chosen, for events and the open-session screen. */
    public Optional<CibaState.Exercice> exercice() {
        return chosen.filter(i -> i < exercices.size()).map(exercices::get);
    }
}
