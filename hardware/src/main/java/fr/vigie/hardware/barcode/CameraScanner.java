package fr.vigie.hardware.barcode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads codes from a camera's frames. Whatever captures the frames (a V4L2 capture, a test) hands
 * each one to {@link #submit(LuminanceFrame)}, which decodes it with a {@linkplain BarcodeDecoder#fast()
 * one-pass} decoder and tells the listeners of the codes it has not reported lately: a code held in
 * front of the camera is reported once, and again only after it has been out of sight for the
 * repeat interval. Thread-safe; listeners are called on the submitting thread.
 *
 * <pre>{@code
 * CameraScanner camera = new CameraScanner("camera /dev/video0", BarcodeDecoder.fast(), Duration.ofSeconds(2), clock);
 * camera.addListener(listener);
 * capture.onFrame((w, h, y) -> camera.submit(new LuminanceFrame(w, h, y)));
 * }</pre>
 */
public final class CameraScanner extends ListenedScanner {
    private final BarcodeDecoder decoder;
    private final Duration repeatAfter;
    private final Clock clock;
    private final Map<ScannedCode, Instant> lastSeen = new HashMap<>();

    /**
     * @param repeatAfter how long a code must be out of sight before it is reported again
     */
    public CameraScanner(String name, BarcodeDecoder decoder, Duration repeatAfter, Clock clock) {
        super(name);
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.repeatAfter = Objects.requireNonNull(repeatAfter, "repeatAfter");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Decodes one frame and reports the codes not reported lately.
     *
     * @return every code in the frame, reported or not
     */
    public List<ScannedCode> submit(LuminanceFrame frame) {
        if (listeners.closed()) {
            return List.of();
        }
        List<ScannedCode> codes = decoder.decode(frame, ScanSource.CAMERA);
        Instant now = clock.instant();
        synchronized (lastSeen) {
            lastSeen.values().removeIf(seen -> now.isAfter(seen.plus(repeatAfter)));
            for (ScannedCode code : codes) {
                if (lastSeen.put(code, now) == null) {
                    listeners.scanned(code);
                }
            }
        }
        return codes;
    }

    /** Tells the listeners that the camera stopped delivering frames. */
    public void sourceLost(String why) {
        listeners.failed(new BarcodeFailedException(BarcodeError.SCANNER_UNAVAILABLE, name() + ": " + why, null));
    }
}
