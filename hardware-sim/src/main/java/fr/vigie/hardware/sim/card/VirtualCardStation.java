package fr.vigie.hardware.sim.card;

import fr.vigie.hardware.card.TerminalSource;
import java.io.IOException;

/**
 * One reader with a hand to put virtual cards in it and take them out, over some transport: the
 * in-process reader ({@link #inProcess()}) or a real {@code pcscd} with vpcd
 * ({@link fr.vigie.hardware.sim.pcsc.PcscdStation}). The same scenarios, demos and benchmarks run
 * over both. Not thread-safe unless the implementation says so.
 */
public interface VirtualCardStation extends AutoCloseable {
    /** @return where the reader is seen from, as the application would see it */
    TerminalSource terminals();

    /** @return the name of the station's reader */
    String readerName();

    /** Inserts a card (removing any card already there). */
    void insert(VirtualCard card) throws IOException;

    /** Removes the card, even in the middle of a command. Callable from within {@link VirtualCard#process}. */
    void remove();

    /** Stops the reader service, as when pcscd is stopped; cards and readers disappear. */
    void stopService() throws IOException;

    /** Starts the reader service again; the card that was in the reader is back. */
    void startService() throws IOException;

    /** @return e.g. "in-process" or "pcscd + vpcd" */
    String describe();

    @Override
    void close();

    /** @return a station over a new in-process reader named "Vigie Virtual Reader 0" */
    static VirtualCardStation inProcess() {
        return new InProcessStation();
    }
}
