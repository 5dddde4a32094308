package fr.vigie.hardware.sim.card;

import fr.vigie.hardware.card.apdu.ApduChannel;
import fr.vigie.hardware.card.apdu.ResponseApdu;

/**
 * A smart card simulated in software at the APDU level: it answers reset with an ATR and answers
 * each command APDU with a response APDU, exactly as a chip would.
 *
 * <p>The same object can sit in the in-process reader ({@link VirtualReaders}) or behind a real
 * {@code pcscd} through a {@link fr.vigie.hardware.sim.pcsc.VpcdCardConnector}: transports only move
 * bytes. Implementations are thread-safe (they serialise commands), but, like a chip, keep one
 * security state: two hosts talking to one card at once see each other's state.
 */
public interface VirtualCard {
    /** @return the Answer To Reset of this card (a copy) */
    byte[] atr();

    /**
     * Processes one command APDU.
     *
     * @param command the raw command bytes (CLA INS P1 P2 [Lc data] [Le])
     * @return the raw response bytes, data followed by SW1 SW2; never null, at least 2 bytes
     */
    byte[] process(byte[] command);

    /** Cold or warm reset: the security state (verified PIN, selected files) is lost. */
    void reset();

    /**
     * @return a channel that calls {@link #process(byte[])} directly, without any reader: the
     *     shortest path from a card profile to this card (unit tests, benchmarks of pure software cost)
     */
    default ApduChannel directChannel() {
        return command -> ResponseApdu.parse(process(command.toBytes()));
    }

    /** @return a short human description, e.g. "virtual CPS3 (contact) 899700000001" */
    String describe();
}
