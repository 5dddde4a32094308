package fr.vigie.hardware.card;

import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

/**
 * One reader's thread: waits for card insertion and removal and reports them. A failing wait is
 * retried after a poll interval; whether the reader is really gone is the supervisor's call, from
 * its next listing.
 */
final class ReaderWatcher implements Runnable {
    private final ReaderMonitor monitor;
    private final CardTerminal terminal;
    private final Thread thread;
    private volatile boolean stopped;
    private boolean cardPresent; // guarded by this

    ReaderWatcher(ReaderMonitor monitor, CardTerminal terminal) {
        this.monitor = monitor;
        this.terminal = terminal;
        this.thread = new Thread(this, "vigie-reader " + terminal.getName());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Stops the thread. When {@code reportRemoval}, a card it last saw is reported removed, since
     * its reader is going away; when the monitor itself closes, nothing is reported.
     */
    void stop(String why, boolean reportRemoval) {
        stopped = true;
        thread.interrupt();
        synchronized (this) {
            if (cardPresent && reportRemoval) {
                cardPresent = false;
                monitor.emit(ReaderEvent.Type.CARD_REMOVED, terminal.getName(), why);
            }
        }
    }

    void join(long millis) throws InterruptedException {
        thread.join(millis);
    }

    @Override
    public void run() {
        long wait = monitor.pollMillis();
        while (!stopped) {
            try {
                boolean present;
                synchronized (this) {
                    present = cardPresent;
                }
                boolean changed = present ? terminal.waitForCardAbsent(wait) : terminal.waitForCardPresent(wait);
                synchronized (this) {
                    if (changed && !stopped && cardPresent == present) {
                        cardPresent = !present;
                        monitor.emit(cardPresent ? ReaderEvent.Type.CARD_INSERTED : ReaderEvent.Type.CARD_REMOVED,
                                terminal.getName(), "");
                    }
                }
            } catch (CardException | RuntimeException e) {
                pause(wait);
            }
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            stopped = true;
        }
    }
}
