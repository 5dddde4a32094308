package fr.vigie.hardware.sim.pcsc;

import fr.vigie.hardware.card.TerminalSource;
import fr.vigie.hardware.card.pcsc.PcscTerminalSource;
import fr.vigie.hardware.sim.card.VirtualCard;
import fr.vigie.hardware.sim.card.VirtualCardStation;
import java.io.IOException;
import java.time.Duration;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

/**
 * A {@link VirtualCardStation} behind a real {@code pcscd}: starts its own pcscd with the vpcd
 * driver, sees the reader "Virtual PCD 00 00" through the JDK's PC/SC provider, and inserts cards
 * by connecting them to vpcd. Used by integration tests, the benchmark and demos. Not thread-safe,
 * except {@link #remove()}, which may be called from within a card's {@code process}.
 *
 * <pre>{@code
 * try (PcscdStation station = PcscdStation.start()) {
 *     station.insert(cpsCard);
 *     CardTerminal t = station.terminals().open().getTerminal(station.readerName());
 * }
 * }</pre>
 */
public final class PcscdStation implements VirtualCardStation {
    /** vpcd's first reader. */
    public static final String READER = "Virtual PCD 00 00";
    private static final Duration STARTUP = Duration.ofSeconds(10);

    private final PcscDaemon daemon;
    private final PcscTerminalSource source;
    private volatile VpcdCardConnector connector;
    private VirtualCard card;

    private PcscdStation(PcscDaemon daemon) {
        this.daemon = daemon;
        this.source = PcscTerminalSource.system();
    }

    /** Starts a pcscd with vpcd on its default port and returns the station. */
    public static PcscdStation start() throws IOException {
        PcscDaemon daemon = PcscDaemon.withVpcd(VpcdCardConnector.DEFAULT_PORT);
        daemon.start(STARTUP);
        return new PcscdStation(daemon);
    }

    @Override
    public TerminalSource terminals() {
        return source;
    }

    @Override
    public String readerName() {
        return READER;
    }

    /** Connects the card to vpcd and waits until pcscd reports it present (pcscd polls vpcd). */
    @Override
    public void insert(VirtualCard newCard) throws IOException {
        remove();
        card = newCard;
        connector = VpcdCardConnector.connect(newCard, "127.0.0.1", daemon.port());
        waitPresence(true);
    }

    @Override
    public void remove() {
        VpcdCardConnector c = connector;
        connector = null;
        if (c != null) {
            c.close();
        }
    }

    /** Removes the card and waits until pcscd reports the reader empty. */
    public void removeAndWait() throws IOException {
        remove();
        card = null;
        waitPresence(false);
    }

    @Override
    public void stopService() {
        remove();
        daemon.stop();
    }

    @Override
    public void startService() throws IOException {
        daemon.start(STARTUP);
        if (card != null) {
            insert(card);
        }
    }

    private void waitPresence(boolean present) throws IOException {
        try {
            CardTerminal t = source.open().getTerminal(READER);
            boolean ok = present ? t.waitForCardPresent(5000) : t.waitForCardAbsent(5000);
            if (!ok) {
                throw new IOException("pcscd did not see the card " + (present ? "inserted" : "removed") + " in 5 s");
            }
        } catch (CardException e) {
            throw new IOException("pcscd unreachable: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "pcscd + vpcd";
    }

    @Override
    public void close() {
        remove();
        daemon.stop();
    }
}
