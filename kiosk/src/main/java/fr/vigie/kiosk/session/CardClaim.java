package fr.vigie.kiosk.session;

/**
 * A card question asked on behalf of {@code session} (PIN, tap proof, signature for the hub) and answered
 * outside the session's lock. The answer counts only if the {@link SessionStateMachine} has not moved
 * since the claim was taken: same session in front, no transition since {@code generation}. Immutable.
 */
record CardClaim(SessionRecord session, CardAuthenticator card, long generation) {
}
