package fr.vigie.protocol;

/**
 * Whether an error code is a <em>rejection</em> — the input (a card, a scanned code, a request, an answer
 * of a national service) was refused with a reason a person can act on — or a <em>failure</em> to do the
 * work at all (a device or a service could not be reached, a file could not be read). Every family of
 * stable error codes whose members can be either says which with this one enum (e.g. hardware's
 * {@code CardError}, {@code BarcodeError}, the hub's {@code InsiError}, {@code PscError}). Immutable.
 */
public enum ErrorKind {
    /** Refused with a reason: the caller's input or the other party's answer, not Vigie, is at fault. */
    REJECTED,
    /** Could not be done: a device, a file or a service failed. */
    FAILED
}
