package fr.vigie.hardware.card.apdu;

import fr.vigie.hardware.card.CardOperationException;

/**
 * Something that carries one command APDU to a card and brings its response back: a
 * {@code javax.smartcardio.CardChannel}, a virtual card called directly, a test double.
 *
 * <p>Implementations translate transport problems into {@link fr.vigie.hardware.card.CardFailedException}
 * (card removed, reader gone) and return every status word as it is, without interpreting it.
 */
@FunctionalInterface
public interface ApduChannel {
    /** Sends {@code command} and returns the card's response. */
    ResponseApdu transmit(CommandApdu command) throws CardOperationException;
}
