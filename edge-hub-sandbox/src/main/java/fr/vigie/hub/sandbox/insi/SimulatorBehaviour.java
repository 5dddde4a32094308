package fr.vigie.hub.sandbox.insi;

/**
 * How the simulator answers, so that tests and demos can show every failure the gateway must
 * handle. {@link #NORMAL} answers from the test identities.
 */
public enum SimulatorBehaviour {
    /** Answer from the test identities, or with a SOAP fault for a bad request. */
    NORMAL,
    /** Wait {@link InsiSimulator.Settings#slowDelay()} before answering normally. */
    SLOW,
    /** Send the headers at once, then drip the body over {@link InsiSimulator.Settings#slowDelay()}. */
    DRIP_BODY,
    /** HTTP 500 with an HTML page, as a failing proxy would. */
    HTTP_500,
    /** A well-formed answer far larger than any client cap (2 MiB). */
    OVERSIZED_BODY,
    /** An answer declaring an external entity that points at a local file (XXE). */
    XXE_BODY,
    /** An answer declaring exponentially nested entities ("billion laughs"). */
    ENTITY_EXPANSION_BODY,
    /** An answer that is not XML. */
    NOT_XML_BODY,
    /** A well-formed RESULTAT that breaks the schema (CodeCR 07). */
    SCHEMA_VIOLATION;

    /** Whether the simulator answers this way instead of from the test identities (all but NORMAL and SLOW). */
    boolean replacesTheAnswer() {
        return this != NORMAL && this != SLOW;
    }
}
