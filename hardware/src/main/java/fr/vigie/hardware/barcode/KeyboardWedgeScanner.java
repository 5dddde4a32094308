package fr.vigie.hardware.barcode;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * A barcode scanner that types its codes like a keyboard into the kiosk. Feed it every character
 * the kiosk's input field receives ({@link #keyTyped(char)}); it assembles lines ending with the
 * configured suffix, strips the prefix and an AIM symbology identifier, puts back GS and US from
 * their placeholders and tells the listeners. A line interrupted for longer than the key timeout
 * is rejected as cut off, and the next key starts a new line. Thread-safe; listeners are called on
 * the typing thread.
 *
 * <pre>{@code
 * KeyboardWedgeScanner wedge = new KeyboardWedgeScanner(WedgeSettings.defaults(), clock);
 * wedge.addListener(code -> …);
 * ui.onKey(wedge::keyTyped);
 * }</pre>
 */
public final class KeyboardWedgeScanner extends ListenedScanner {
    private final WedgeSettings settings;
    private final Clock clock;
    private final StringBuilder line = new StringBuilder();
    private Instant lastKey;
    private boolean afterCr;

    public KeyboardWedgeScanner(WedgeSettings settings, Clock clock) {
        super("keyboard wedge");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Takes one typed character. */
    public synchronized void keyTyped(char c) {
        Instant now = clock.instant();
        expireStale(now);
        lastKey = now;
        boolean lineEnd = settings.suffix().equals("\n");
        if (lineEnd && c == '\n' && afterCr) {
            afterCr = false;
            return;   // the LF of a CR LF pair
        }
        afterCr = lineEnd && c == '\r';
        line.append(lineEnd && c == '\r' ? '\n' : c);
        if (line.length() >= settings.suffix().length() && line.lastIndexOf(settings.suffix()) == line.length()
                - settings.suffix().length()) {
            String text = line.substring(0, line.length() - settings.suffix().length());
            line.setLength(0);
            complete(text);
        } else if (line.length() > settings.maxLength() + settings.suffix().length() + settings.prefix().length() + 3) {
            int length = line.length();
            line.setLength(0);
            listeners.rejected(new BarcodeRejectedException(BarcodeError.BARCODE_TOO_LONG, "the scanner typed "
                    + length + " characters without ending the code; the limit is " + settings.maxLength()));
        }
    }

    /** Takes several typed characters, as {@link #keyTyped(char)} one by one. */
    public void type(CharSequence keys) {
        for (int i = 0; i < keys.length(); i++) {
            keyTyped(keys.charAt(i));
        }
    }

    /** Rejects a partial line left unfinished for longer than the key timeout; call it from a UI timer. */
    public synchronized void expireStale() {
        expireStale(clock.instant());
    }

    private void expireStale(Instant now) {
        if (line.length() > 0 && lastKey != null && now.isAfter(lastKey.plus(settings.keyTimeout()))) {
            int length = line.length();
            line.setLength(0);
            afterCr = false;
            listeners.rejected(new BarcodeRejectedException(BarcodeError.BARCODE_TRUNCATED, "the scanner stopped typing for more than "
                    + settings.keyTimeout().toMillis() + " ms after " + length + " characters: the code was cut off, scan it again"));
        }
    }

    private void complete(String raw) {
        if (raw.isEmpty()) {
            return;
        }
        String text = raw;
        if (!settings.prefix().isEmpty()) {
            if (!text.startsWith(settings.prefix())) {
                listeners.rejected(new BarcodeRejectedException(BarcodeError.BARCODE_TRUNCATED, "the line does not start"
                        + " with the scanner's prefix: its start was lost, or it was typed by hand"));
                return;
            }
            text = text.substring(settings.prefix().length());
        }
        BarcodeFormat format = BarcodeFormat.UNKNOWN;
        if (settings.aimIdentifiers() && text.length() >= 3 && text.charAt(0) == ']'
                && Character.isLetter(text.charAt(1)) && Character.isLetterOrDigit(text.charAt(2))) {
            format = switch (text.charAt(1)) {
                case 'Q' -> BarcodeFormat.QR_CODE;
                case 'd' -> BarcodeFormat.DATA_MATRIX;
                default -> BarcodeFormat.UNKNOWN;
            };
            text = text.substring(3);
        }
        if (!settings.gsPlaceholder().isEmpty()) {
            text = text.replace(settings.gsPlaceholder(), String.valueOf(ScannedCode.GS));
        }
        if (!settings.usPlaceholder().isEmpty()) {
            text = text.replace(settings.usPlaceholder(), String.valueOf(ScannedCode.US));
        }
        if (text.length() > settings.maxLength()) {
            listeners.rejected(new BarcodeRejectedException(BarcodeError.BARCODE_TOO_LONG, "the code has "
                    + text.length() + " characters; the limit is " + settings.maxLength()));
            return;
        }
        listeners.scanned(new ScannedCode(format, text, ScanSource.KEYBOARD_WEDGE));
    }
}
