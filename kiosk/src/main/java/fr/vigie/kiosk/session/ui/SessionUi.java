package fr.vigie.kiosk.session.ui;

import fr.vigie.kiosk.session.ClinicianSession;
import fr.vigie.kiosk.session.SessionView;
import fr.vigie.kiosk.ui.KioskUi;
import fr.vigie.kiosk.ui.ScreenPart;
import fr.vigie.kiosk.ui.ScreenSlot;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The clinician sign-in on the kiosk screen: shows the {@link ClinicianSession}'s state (slot
 * {@code session}, priority {@value #PRIORITY}), sends the PIN typed on the on-screen keypad straight
 * to {@link ClinicianSession#submitPin} (a {@code char[]}, wiped; never a String, never logged),
 * signs out, lets a clinician go on with their card alone rather than wait for Pro Santé Connect
 * ({@link ClinicianSession#continueWithCard}), and reports touches as activity (idle lock). Thread-safe.
 *
 * <pre>{@code
 * SessionUi signIn = SessionUi.attach(ui, session, null);
 * signIn.phoneApproval().show("42", "Claire MARTIN");   // e-CPS: hook for the CIBA flow
 * }</pre>
 */
public final class SessionUi {
    /** Priority of the session's slot: above admission screens, below enrolment. */
    public static final int PRIORITY = 50;

    private final ClinicianSession session;
    private final ScreenSlot slot;
    private final PhoneApproval phone;
    private final Supplier<ScreenPart> extra;
    private final ConcurrentHashMap<String, String> exercices = new ConcurrentHashMap<>();
    private volatile boolean ecps;

    private SessionUi(KioskUi ui, ClinicianSession session, Supplier<ScreenPart> extra) {
        this.session = session;
        this.extra = extra;
        ui.addBundle("i18n.session");
        this.slot = ui.slot("session", PRIORITY);
        this.phone = new PhoneApproval(ui, extra);
        ui.action("session", "pin", request -> {
            char[] pin = request.secretDigits();
            try {
                session.submitPin(pin);
            } finally {
                Arrays.fill(pin, '\0');
            }
        });
        ui.action("session", "logout", request -> session.logout());
        ui.action("session", "card-only", request -> session.continueWithCard());
        ui.onActivity(session::activity);
        session.addListener(slot::refresh);
        slot.showLatest(this::screen);
    }

    /**
     * Puts the sign-in screens on {@code ui} for {@code session}.
     *
     * @param extra drawn under every sign-in screen, asked each time one is shown, e.g. the demo's sandbox card
     *              controls ({@code SandboxCards::controls}); null for none
     */
    public static SessionUi attach(KioskUi ui, ClinicianSession session, Supplier<ScreenPart> extra) {
        return new SessionUi(Objects.requireNonNull(ui, "ui"), Objects.requireNonNull(session, "session"), extra);
    }

    /** The e-CPS screen ("approve on your phone, code 42"): the hook for the CIBA flow. */
    public PhoneApproval phoneApproval() {
        return phone;
    }

    /** Offers e-CPS sign-in on the idle screen: a button sending {@code ecps/open} (e-CPS screens installed). */
    public void offerEcps() {
        ecps = true;
        slot.refresh();
    }

    /**
     * Shows what the clinician of session {@code sessionId} practises as (an exercice chosen from PSC's
     * {@code SubjectRefPro}, e.g. "Infirmier — CHU Nord") on the open-session screen; null removes it.
     */
    public void exercice(String sessionId, String label) {
        if (label == null) {
            exercices.remove(sessionId);
        } else {
            exercices.put(sessionId, label);
        }
        slot.refresh();
    }

    private fr.vigie.kiosk.ui.Screen screen() {
        SessionView v = session.view();
        String exercice = v.sessionId() == null ? null : exercices.get(v.sessionId());
        return SessionScreens.of(v, exercice, ecps, extra == null ? null : extra.get());
    }
}
