package fr.vigie.kiosk.session;

import fr.vigie.kiosk.psc.CibaState;
import java.util.List;
import java.util.Optional;

/** Builds the successive {@link PscView}s of a session, and maps the hub's codes to session reasons. */
final class PscParts {
    static final String SUBJECT_MISMATCH = "PSC_SUBJECT_MISMATCH";

    private PscParts() {
    }

    static PscView connecting(PscView v) {
        return new PscView(PscView.Status.CONNECTING, v.bindingMessage(), v.who(), v.exercices(), v.chosen());
    }

    static PscView binding(PscView v, String bindingMessage) {
        return new PscView(PscView.Status.CONNECTING, Optional.of(bindingMessage), v.who(), v.exercices(), v.chosen());
    }

    static PscView connected(CibaState.Bound b) {
        Optional<Integer> chosen = b.chosen().isPresent() ? b.chosen()
                : b.exercices().size() == 1 ? Optional.of(0) : Optional.empty();
        return new PscView(PscView.Status.CONNECTED, Optional.empty(), Optional.of(b.who()), b.exercices(), chosen);
    }

    static PscView withStatus(PscView v, PscView.Status status) {
        return new PscView(status, Optional.empty(), v.who(), status == PscView.Status.CONNECTED ? v.exercices()
                : List.of(), Optional.empty());
    }

    static PscView chosen(PscView v, int index) {
        return new PscView(v.status(), v.bindingMessage(), v.who(), v.exercices(), Optional.of(index));
    }

    /** Why an e-CPS sign-in ended, from the hub's refusal code. */
    static SessionReason phoneReason(String code) {
        switch (code) {
            case "PSC_ACCESS_DENIED":
                return SessionReason.ECPS_REFUSED;
            case "PSC_REQUEST_EXPIRED":
                return SessionReason.ECPS_EXPIRED;
            case SUBJECT_MISMATCH:
                return SessionReason.PSC_SUBJECT_MISMATCH;
            default:
                return SessionReason.ECPS_UNKNOWN_ID;
        }
    }
}
