package fr.vigie.kiosk.session.ui;

import fr.vigie.kiosk.ui.KioskUi;
import fr.vigie.kiosk.ui.Screen;
import fr.vigie.kiosk.ui.ScreenPart;
import fr.vigie.kiosk.ui.ScreenSlot;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * <b>Hook for the e-CPS (CIBA) sign-in</b>: while the hub waits for the clinician's phone, the kiosk
 * shows the two-digit binding message (screen {@code session.ecps}, slot {@code session-ecps} above
 * the sign-in screens). The CIBA flow calls {@link #show} when PSC accepted the request,
 * {@link #clear} when it ends (approved, refused, expired), and registers what "Cancel" does with
 * {@link #onCancel}. Thread-safe.
 */
public final class PhoneApproval {
    /** PSC's binding message: two digits, 00 to 99 (DOMAIN §5). */
    public static final Pattern BINDING_MESSAGE = Pattern.compile("[0-9]{2}");

    private final ScreenSlot slot;
    private final Supplier<ScreenPart> extra;
    private volatile Runnable cancel = () -> { };

    /** What the phone screen shows: who is signing in (may be empty) and the two digits to compare. */
    record Code(String who, String bindingMessage) {
    }

    PhoneApproval(KioskUi ui, Supplier<ScreenPart> extra) {
        this.slot = ui.slot("session-ecps", SessionUi.PRIORITY + 10);
        this.extra = extra;
        ui.action("session", "ecps-cancel", request -> cancel.run());
    }

    /**
     * Shows "approve on your phone" with {@code bindingMessage} for {@code displayName}.
     *
     * @throws IllegalArgumentException if the binding message is not two digits
     */
    public void show(String bindingMessage, String displayName) {
        if (bindingMessage == null || !BINDING_MESSAGE.matcher(bindingMessage).matches()) {
            throw new IllegalArgumentException("a binding message is two digits");
        }
        Screen screen = Screen.of("session.ecps", "session/ui/ecps.jte",
                new Code(displayName == null ? "" : displayName, bindingMessage));
        slot.show(screen.with(extra == null ? null : extra.get()));
    }

    /** The phone step ended: the sign-in screens come back. */
    public void clear() {
        slot.clear();
    }

    /** What the Cancel button does (e.g. abandon the CIBA request); replaces the previous one. */
    public void onCancel(Runnable action) {
        this.cancel = Objects.requireNonNull(action, "action");
    }

}
