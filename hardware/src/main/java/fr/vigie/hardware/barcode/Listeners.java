package fr.vigie.hardware.barcode;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listeners of one scanner: a listener that throws is logged and the others still hear. */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<ScanListener> listeners = new CopyOnWriteArrayList<>();
    private final String scanner;
    private volatile boolean closed;

    Listeners(String scanner) {
        this.scanner = scanner;
    }

    void add(ScanListener l) {
        listeners.add(Objects.requireNonNull(l, "listener"));
    }

    void remove(ScanListener l) {
        listeners.remove(l);
    }

    void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    void scanned(ScannedCode code) {
        each(l -> l.scanned(code));
    }

    void rejected(BarcodeRejectedException e) {
        each(l -> l.rejected(e));
    }

    void failed(BarcodeFailedException e) {
        each(l -> l.failed(e));
    }

    private void each(java.util.function.Consumer<ScanListener> call) {
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
