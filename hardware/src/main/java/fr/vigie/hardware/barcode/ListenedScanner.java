package fr.vigie.hardware.barcode;

import java.util.Objects;

/** What this package's scanners share: their name and their listeners. Thread-safe. */
abstract sealed class ListenedScanner implements BarcodeScanner permits CameraScanner, KeyboardWedgeScanner {
    private final String name;
    final ScanListeners listeners;

    ListenedScanner(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.listeners = new ScanListeners(name);
    }

    @Override
    public final void addListener(ScanListener listener) {
        listeners.add(listener);
    }

    @Override
    public final void removeListener(ScanListener listener) {
        listeners.remove(listener);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void close() {
        listeners.close();
    }
}
