package fr.vigie.kiosk.session;

import fr.vigie.hardware.card.CpsHolder;
import java.util.Objects;

/**
 * A CPS card put in front of the kiosk: its holder (read from its certificate), the interface it was
 * read through, and the authenticator that talks to it. Immutable.
 */
public record PresentedCard(CpsHolder holder, Interface via, CardAuthenticator authenticator) {
    /** How the card was read. */
    public enum Interface { CONTACT, CONTACTLESS }

    public PresentedCard {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(authenticator, "authenticator");
    }
}
