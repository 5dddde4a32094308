package fr.vigie.kiosk.psc;

/**
 * The hub's CIBA sign-ins as the kiosk uses them. {@link HubPscClient} over the device API in
 * production. Implementations are thread-safe and block on the network: call them off the session
 * lock.
 */
public interface PscHub {
    /**
     * Asks the hub to start CIBA for {@code idNatPs} on {@code channel} ({@code CARD} or {@code MOBILE})
     * for the kiosk session {@code sessionId}.
     *
     * @throws HubUnavailableException the hub, or PSC behind it, cannot be reached now
     * @throws PscRejectedException the hub or PSC refused the request (e.g. an identifier PSC does not know)
     */
    CibaStart start(String idNatPs, String channel, String sessionId)
            throws HubUnavailableException, PscRejectedException;

    /** Where request {@code requestId} stands. */
    CibaState state(String requestId) throws HubUnavailableException, PscRejectedException;

    /** Tells the hub which exercice the clinician works under. */
    void chooseExercice(String requestId, int index) throws HubUnavailableException, PscRejectedException;
}
