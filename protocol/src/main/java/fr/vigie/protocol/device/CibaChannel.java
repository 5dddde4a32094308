package fr.vigie.protocol.device;

/** Where Pro Santé Connect asks the professional to approve a CIBA sign-in. */
public enum CibaChannel {
    /** The CPS card app (contact sign-in, then PSC behind it). */
    CARD,
    /** The e-CPS app on the professional's phone, with a two-digit binding message. */
    MOBILE
}
