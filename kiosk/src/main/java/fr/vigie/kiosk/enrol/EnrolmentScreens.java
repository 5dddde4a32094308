package fr.vigie.kiosk.enrol;

import fr.vigie.hardware.barcode.BarcodeRejectedException;
import fr.vigie.hardware.barcode.BarcodeSymbol;
import fr.vigie.kiosk.ui.KioskUi;
import fr.vigie.kiosk.ui.Screen;
import fr.vigie.kiosk.ui.ScreenSlot;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The enrolment screens of a kiosk that has no certificate yet: while it waits for IT's approval it
 * shows its enrolment code and the same as a QR code (IT compares the code with the console's, or
 * scans it), then the rejection or the hub's refusal in words (and that the kiosk will ask again); once
 * enrolled the slot is cleared and
 * the sign-in screens show. The slot has the highest priority: an unenrolled kiosk does nothing else.
 * Nothing shown is secret. Thread-safe.
 *
 * <pre>{@code
 * kiosk.enrolment().ifPresent(state -> EnrolmentScreens.attach(ui, state));
 * }</pre>
 */
public final class EnrolmentScreens {
    /** Above every other feature's screens. */
    public static final int PRIORITY = 100;
    /** The hub's reason when IT approved another key for this kiosk id. */
    static final String SUPERSEDED = "SUPERSEDED";

    private final ScreenSlot slot;

    private EnrolmentScreens(KioskUi ui, EnrolmentState state) {
        ui.addBundle("i18n.enrolment");
        this.slot = ui.slot("enrolment", PRIORITY);
        ui.resource("enrolment", "qr", ctx -> ctx.header("Cache-Control", "no-store")
                .contentType("image/svg+xml").result(qrSvg(state.snapshot()).getBytes(StandardCharsets.UTF_8)));
        state.addListener(this::show);
    }

    /** Shows {@code state}'s enrolment on {@code ui} until the kiosk is enrolled. */
    public static EnrolmentScreens attach(KioskUi ui, EnrolmentState state) {
        return new EnrolmentScreens(Objects.requireNonNull(ui, "ui"), Objects.requireNonNull(state, "state"));
    }

    private void show(EnrolmentState.Snapshot s) {
        switch (s.phase()) {
            case ENROLLED -> slot.clear();
            case NOT_ENROLLED -> slot.show(Screen.of("enrolment.connecting", "enrol/connecting.jte", null));
            case WAITING_FOR_APPROVAL -> slot.show(Screen.of("enrolment.waiting", "enrol/waiting.jte", s.enrolmentCode()));
            case REJECTED -> slot.show(SUPERSEDED.equals(s.reason())
                    ? Screen.of("enrolment.superseded", "enrol/superseded.jte", null)
                    : Screen.of("enrolment.rejected", "enrol/rejected.jte", s.reason()));
            case FAILED -> slot.show(Screen.of("enrolment.failed", "enrol/failed.jte", s.reason()));
        }
    }

    private static String qrSvg(EnrolmentState.Snapshot s) {
        try {
            return BarcodeSymbol.qrCode(s.qrPayload()).toSvg(4, "px");
        } catch (BarcodeRejectedException e) {
            // the payload is short and fixed in shape: this cannot happen with a valid kiosk address
            throw new IllegalStateException("enrolment QR payload cannot be encoded: " + e.getMessage(), e);
        }
    }
}
