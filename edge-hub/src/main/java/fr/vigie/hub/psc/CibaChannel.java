package fr.vigie.hub.psc;

/** Where PSC asks the professional to approve a CIBA request: the CPS card app or the e-CPS phone app. */
public enum CibaChannel {
    /** A CPx card, through the CPS-Gestion app. */
    CARD,
    /** The e-CPS phone app. */
    MOBILE
}
