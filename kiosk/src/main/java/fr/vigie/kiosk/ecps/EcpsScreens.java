package fr.vigie.kiosk.ecps;

import fr.vigie.kiosk.psc.CibaState;
import fr.vigie.kiosk.session.ClinicianSession;
import fr.vigie.kiosk.session.PscConnector;
import fr.vigie.kiosk.session.PscView;
import fr.vigie.kiosk.session.SessionReason;
import fr.vigie.kiosk.session.SessionState;
import fr.vigie.kiosk.session.SessionView;
import fr.vigie.kiosk.session.ui.PhoneApproval;
import fr.vigie.kiosk.session.ui.SessionUi;
import fr.vigie.kiosk.ui.KioskUi;
import fr.vigie.kiosk.ui.Screen;
import fr.vigie.kiosk.ui.ScreenSlot;
import fr.vigie.kiosk.ui.UiRejected;
import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.protocol.identity.IdentityException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The e-CPS and PSC screens (see the package documentation). They follow the session: every session
 * event refreshes them, on this class's own thread (never under the session's lock). The binding
 * message itself is shown through the sign-in screens' {@link PhoneApproval} hook. Thread-safe.
 *
 * <pre>{@code
 * SessionUi signIn = SessionUi.attach(ui, session, null);
 * EcpsScreens screens = EcpsScreens.install(ui);
 * screens.attach(session, pscConnector, signIn);   // offers e-CPS on the idle screen
 * }</pre>
 */
public final class EcpsScreens implements AutoCloseable {
    /** The feature name of the actions ({@code /ui/action/ecps/…}). */
    public static final String FEATURE = "ecps";
    /** The slot's priority: above the session screens (50), below enrolment (100). */
    public static final int PRIORITY = 55;
    private static final int RECENT_KEPT = 4;
    private static final Set<SessionReason> REFUSALS = Set.of(SessionReason.ECPS_REFUSED, SessionReason.ECPS_EXPIRED,
            SessionReason.ECPS_UNKNOWN_ID, SessionReason.HUB_UNREACHABLE, SessionReason.PSC_SUBJECT_MISMATCH);

    /** A refusal: the reason's words ({@code ecps.reason.<reason>}), and whether a card is still in the reader. */
    record Refused(String reason, boolean card) {
    }

    /** The identifier keypad: why the last one was refused (a bundle key, or null) and the ones used lately. */
    record Identifier(String errorKey, List<String> recent) {
    }

    private final ScreenSlot slot;
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ecps-screens");
        t.setDaemon(true);
        return t;
    });
    private final Deque<String> recent = new ArrayDeque<>();
    private volatile ClinicianSession session;
    private volatile PscConnector psc;
    private volatile PhoneApproval phone;
    private boolean entering;
    private String typed;
    private String error;

    private EcpsScreens(ScreenSlot slot) {
        this.slot = slot;
    }

    /** Adds the texts, the slot and the actions to {@code ui}. */
    public static EcpsScreens install(KioskUi ui) {
        ui.addBundle("i18n.ecps");
        EcpsScreens s = new EcpsScreens(ui.slot(FEATURE, PRIORITY));
        ui.action(FEATURE, "open", r -> s.edit(() -> {
            s.entering = true;
            s.typed = null;
            s.error = null;
        }));
        ui.action(FEATURE, "identifier", r -> {
            char[] digits = r.secretDigits();
            try {
                String id = typedIdentifier(digits);
                String refusal = identifierError(id);
                s.edit(() -> {
                    // a number that cannot be an idNat_PS is refused here, before the confirmation screen
                    s.typed = refusal == null ? id : null;
                    s.error = refusal;
                });
            } finally {
                Arrays.fill(digits, '\0');
            }
        });
        ui.action(FEATURE, "start", r -> s.start(r.value()));
        ui.action(FEATURE, "cancel", r -> s.edit(() -> {
            s.entering = false;
            s.typed = null;
            s.session().dismiss();
        }));
        ui.action(FEATURE, "retry", r -> s.edit(() -> {
            s.session().dismiss();
            s.entering = true;
            s.typed = null;
        }));
        ui.action(FEATURE, "exercice", r -> {
            try {
                s.session().chooseExercice(Integer.parseInt(r.value()));
            } catch (NumberFormatException e) {
                throw new UiRejected("UI_BAD_VALUE", "an exercice is chosen by its number");
            }
            s.refresh();
        });
        return s;
    }

    /**
     * The session and connector the screens drive, and the sign-in screens' binding-message hook; call
     * once all are built.
     */
    public void attach(ClinicianSession value, PscConnector connector, SessionUi signIn) {
        this.session = value;
        this.psc = connector;
        this.phone = signIn.phoneApproval();
        phone.onCancel(value::dismiss);
        signIn.offerEcps();
        value.addListener(this::refresh);
        refresh();
    }

    /** Shows the screen that fits the session now, or gives the screen back; asynchronous. */
    public void refresh() {
        refresher.execute(this::show);
    }

    private void start(String identifier) {
        edit(() -> {
            switch (connector().phoneSignIn(identifier)) {
                case STARTED -> {
                    entering = false;
                    typed = null;
                    recent.remove(identifier.strip());
                    recent.addFirst(identifier.strip());
                    while (recent.size() > RECENT_KEPT) {
                        recent.removeLast();
                    }
                }
                case IDENTIFIER_INVALID -> {
                    typed = null;
                    error = connector().lastIdentifierError();
                }
                case BUSY -> error = "BUSY";
            }
        });
    }

    /** The idNat_PS typed on the keypad: 11 digits are an RPPS number ({@code 8} + RPPS), anything else is whole. */
    static String typedIdentifier(char[] digits) {
        return digits.length == 11 ? "8" + new String(digits) : new String(digits);
    }

    /**
     * Why {@code id} cannot be an idNat_PS (an {@link fr.vigie.protocol.identity.IdentityError} name, e.g.
     * {@code RPPS_KEY_MISMATCH}), or null when it can: the same check the e-CPS sign-in makes
     * ({@link IdNatPs#parse}), made as soon as the number is typed so that "123" is refused at once, in
     * words, and never sent.
     */
    static String identifierError(String id) {
        try {
            IdNatPs.parse(id);
            return null;
        } catch (IdentityException e) {
            return e.error().name();
        }
    }

    private synchronized void edit(Runnable change) {
        change.run();
        refresh();
    }

    private synchronized void show() {
        ClinicianSession s = session;
        if (s == null) {
            return;
        }
        SessionView v = s.view();
        SessionState state = v.state();
        PscView view = v.psc();
        Optional<SessionReason> reason = Optional.ofNullable(v.reason());
        if (state == SessionState.AWAITING_PHONE && view.bindingMessage().isPresent()) {
            phone.show(view.bindingMessage().get(), v.idNatPs());
        } else {
            phone.clear();
        }
        if (state == SessionState.VERIFYING && v.clinician() == null) {
            slot.show(Screen.of("ecps.connecting", "ecps/connecting.jte", null));
        } else if (state == SessionState.AWAITING_PHONE) {
            slot.clear();
        } else if (state == SessionState.REFUSED && reason.filter(REFUSALS::contains).isPresent()) {
            String r = reason.get().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            slot.show(Screen.of("ecps.refused." + r, "ecps/refused.jte", new Refused(r, v.clinician() != null)));
        } else if (state == SessionState.OPEN && view.exerciceToChoose()) {
            List<String> labels = view.exercices().stream().map(CibaState.Exercice::screenLabel).toList();
            slot.show(Screen.of("psc.exercice", "ecps/exercice.jte", labels));
        } else if (state == SessionState.IDLE && entering) {
            showEntry();
        } else {
            slot.clear();
        }
    }

    private void showEntry() {
        String id = typed;
        String err = error;
        List<String> known = List.copyOf(recent);
        if (id != null) {
            slot.show(Screen.of("ecps.confirm", "ecps/confirm.jte", id));
            return;
        }
        String errorKey = err == null ? null
                : "ecps.identifier.error." + err.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        slot.show(Screen.of("ecps.identifier", "ecps/identifier.jte", new Identifier(errorKey, known)));
    }

    private ClinicianSession session() throws IllegalStateException {
        ClinicianSession s = session;
        if (s == null) {
            throw new IllegalStateException("EcpsScreens.attach was not called");
        }
        return s;
    }

    private PscConnector connector() {
        PscConnector c = psc;
        if (c == null) {
            throw new IllegalStateException("EcpsScreens.attach was not called");
        }
        return c;
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
