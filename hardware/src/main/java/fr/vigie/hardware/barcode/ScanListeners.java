package fr.vigie.hardware.barcode;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one {@link BarcodeScanner}, for whoever implements a scanner: a listener that throws
 * is logged (without the code, which may hold a NIR) and the others still hear; once closed, nobody
 * hears anything. Thread-safe.
 */
public final class ScanListeners {
    private static final Logger LOG = LoggerFactory.getLogger(ScanListeners.class);

    private final List<ScanListener> listeners = new CopyOnWriteArrayList<>();
    private final String scanner;
    private volatile boolean closed;

    /** @param scanner the scanner's name, for the log */
    public ScanListeners(String scanner) {
        this.scanner = scanner;
    }

    public void add(ScanListener l) {
        listeners.add(Objects.requireNonNull(l, "listener"));
    }

    public void remove(ScanListener l) {
        listeners.remove(l);
    }

    /** From now on, nobody hears anything. */
    public void close() {
        closed = true;
    }

    public boolean closed() {
        return closed;
    }

    public void scanned(ScannedCode code) {
        each(l -> l.scanned(code));
    }

    public void rejected(BarcodeRejectedException e) {
        each(l -> l.rejected(e));
    }

    public void failed(BarcodeFailedException e) {
        each(l -> l.failed(e));
    }

    private void each(Consumer<ScanListener> call) {
        if (closed) {
            return;
        }
        for (ScanListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                // The listener's content is not logged: a code may hold a NIR.
                LOG.warn("a listener of {} threw {}; the scanner goes on", scanner, e.getClass().getName());
            }
        }
    }
}
