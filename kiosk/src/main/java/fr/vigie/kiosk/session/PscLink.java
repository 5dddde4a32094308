package fr.vigie.kiosk.session;

/**
 * How a {@link ClinicianSession} tells the PSC side what happened; {@link PscConnector} in production.
 * Called under the session's lock: implementations only hand the work to another thread.
 */
public interface PscLink {
    /** Does nothing: a kiosk without a hub connection. */
    PscLink NONE = new PscLink() {
        @Override
        public void cardSignedIn(String sessionId, String idNatPs) {
        }

        @Override
        public void exerciceChosen(String sessionId, int index) {
        }
    };

    /** A contact CPS + PIN sign-in opened {@code sessionId} for {@code idNatPs}: ask PSC when the hub is reachable. */
    void cardSignedIn(String sessionId, String idNatPs);

    /** The clinician of {@code sessionId} chose exercice {@code index} among PSC's. */
    void exerciceChosen(String sessionId, int index);
}
