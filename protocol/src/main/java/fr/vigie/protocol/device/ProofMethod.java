package fr.vigie.protocol.device;

/** How the agent bound to a kiosk session was proven. */
public enum ProofMethod {
    /** Their CPS card signed a hub nonce. */
    CARD,
    /** Their Pro Santé Connect sign-in of the session is bound on the hub. */
    PSC
}
