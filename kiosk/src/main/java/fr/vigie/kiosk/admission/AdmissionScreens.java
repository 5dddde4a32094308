package fr.vigie.kiosk.admission;

import fr.vigie.hardware.barcode.KeyboardWedgeScanner;
import fr.vigie.hardware.barcode.ScanListener;
import fr.vigie.hardware.barcode.ScannedCode;
import fr.vigie.hardware.barcode.WedgeSettings;
import fr.vigie.kiosk.session.ClinicianSession;
import fr.vigie.kiosk.session.SessionState;
import fr.vigie.kiosk.ui.KioskUi;
import fr.vigie.kiosk.ui.ScreenPart;
import fr.vigie.kiosk.ui.ScreenSlot;
import fr.vigie.kiosk.ui.UiRejected;
import fr.vigie.kiosk.ui.UiRequest;
import fr.vigie.protocol.device.AdmissionError;
import fr.vigie.protocol.device.DeviceError;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.TraitsInput;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The admission screens (slot {@code admission}, priority {@value #PRIORITY}: above the session's
 * open-session screen, so shown only while a session is {@link SessionState#OPEN}; when it locks or
 * closes they step aside for the sign-in screens). Home (Vitale card, typed traits, ApCV QR code),
 * the card's beneficiaries, the traits form, the identity found with the differences, the document
 * checked, the INS DataMatrix of a qualified identity and its label printed (a clear word when the desk has no
 * printer or the printer did not take it), and every failure in clear words, including why the
 * agent could not be proven to the hub (this kiosk not declared an admission desk, card removed or revoked)
 * ({@code i18n/admission_fr.properties}, English second): an answer the hub did not apply
 * ({@code IDENTITY_MISMATCH}, a change left to the identity-vigilance cell) shows the record's identity and
 * the returned one side by side ({@code admission.comparison}); INSi not answering gets its own screen with
 * a button that tries again ({@code admission.unavailable}). Both fit an 800×480 screen. Also the {@link ScanListener} of the desk's
 * scanner. Thread-safe.
 *
 * <pre>{@code
 * AdmissionScreens screens = AdmissionScreens.attach(ui, session, desk, VitaleSource.reader(readers, "Patient"));
 * scanner.addListener(screens);
 * }</pre>
 */
public final class AdmissionScreens implements ScanListener {
    /** Above the session's screens (50), below enrolment (100). */
    public static final int PRIORITY = 60;
    static final List<HighTrustDocument> DOCUMENTS = List.of(HighTrustDocument.PASSPORT,
            HighTrustDocument.NATIONAL_ID_CARD_EU_EEA_CH, HighTrustDocument.PERMANENT_RESIDENCE_PERMIT);

    /** Codes shown as "INSi does not answer, try again" with a button that runs the step again. */
    static final Set<DeviceError> INSI_DOWN = Set.of(AdmissionError.INSI_UNAVAILABLE, AdmissionError.INSI_TIMEOUT);

    private final ClinicianSession session;
    private final AdmissionDesk desk;
    private final VitaleSource vitale;
    private final ScreenSlot slot;
    private final Supplier<ScreenPart> extra;
    private AdmissionView view = AdmissionView.home();
    private Runnable retry;
    /** The session in front when the screens last followed it: the patient on screen is that agent's. */
    private String agentSession;

    private AdmissionScreens(KioskUi ui, ClinicianSession session, AdmissionDesk desk, VitaleSource vitale,
            Supplier<ScreenPart> extra) {
        this.session = session;
        this.extra = extra;
        this.desk = desk;
        this.vitale = vitale;
        ui.addBundle("i18n.admission");
        this.slot = ui.slot("admission", PRIORITY);
        // a keyboard-wedge scanner types into the page like a keyboard: the page forwards the keys typed
        // outside input fields, and the wedge turns each line into a scanned code for this desk
        KeyboardWedgeScanner wedge = new KeyboardWedgeScanner(WedgeSettings.defaults(), Clock.systemUTC());
        wedge.addListener(this);
        ui.action("scanner", "keys", r -> wedge.type(r.typedKeys()));
        ui.action("admission", "vitale", r -> step(() -> AdmissionView.beneficiaries(desk.vitaleRead(vitale.read()))));
        ui.action("admission", "choose", r -> {
            int index = index(r);
            step(() -> AdmissionView.identity(desk.chooseBeneficiary(index), null));
        });
        ui.action("admission", "retry", r -> {
            Runnable again;
            synchronized (this) {
                again = retry;
            }
            if (again != null) {
                again.run();
            }
        });
        ui.action("admission", "traits-form", r -> show(AdmissionView.traits(null, null)));
        ui.action("admission", "search", this::search);
        ui.action("admission", "document", r -> {
            HighTrustDocument document = document(r);
            step(() -> AdmissionView.identity(desk.documentChecked(document), null));
        });
        ui.action("admission", "print", r -> step(() -> {
            desk.printLabel();
            return AdmissionView.identity(desk.patient().orElseThrow(), "admission.label.printed");
        }));
        ui.action("admission", "next", r -> {
            desk.nextPatient();
            show(AdmissionView.home());
        });
        ui.resource("admission", "datamatrix", ctx -> {
            try {
                ctx.header("Cache-Control", "no-store").contentType("image/svg+xml")
                        .result(desk.dataMatrixSvg().getBytes(StandardCharsets.UTF_8));
            } catch (AdmissionFailure e) {
                ctx.status(404).result(e.code());
            }
        });
        session.addListener(this::sessionChanged);
        desk.onProofChange(this::refresh);
        refresh();
    }

    /**
     * A session that ended takes its patient with it, and so does another agent's session coming in front (fast
     * user switching keeps the first one locked behind it): the next agent starts at home, never on the
     * previous agent's patient.
     */
    private void sessionChanged() {
        SessionState state = session.state();
        String front = session.sessionId().orElse(null);
        boolean reset;
        synchronized (this) {
            reset = state == SessionState.IDLE || state == SessionState.CLOSED
                    || (front != null && agentSession != null && !front.equals(agentSession));
            agentSession = front;
            if (reset) {
                view = AdmissionView.home();
                retry = null;
            }
        }
        if (reset) {
            desk.nextPatient();
        }
        refresh();
    }

    /** Puts the admission screens on {@code ui}. */
    public static AdmissionScreens attach(KioskUi ui, ClinicianSession session, AdmissionDesk desk,
            VitaleSource vitale) {
        return attach(ui, session, desk, vitale, null);
    }

    /**
     * Puts the admission screens on {@code ui}, with {@code extra} drawn under each (the demo's sandbox box, where
     * the patient's Vitale card is inserted), asked each time one is shown; null for none.
     */
    public static AdmissionScreens attach(KioskUi ui, ClinicianSession session, AdmissionDesk desk,
            VitaleSource vitale, Supplier<ScreenPart> extra) {
        return new AdmissionScreens(Objects.requireNonNull(ui, "ui"), Objects.requireNonNull(session, "session"),
                Objects.requireNonNull(desk, "desk"), Objects.requireNonNull(vitale, "vitale"), extra);
    }

    /** A code read by the desk's scanner: an ApCV token, an e-prescription, or a refusal shown. */
    @Override
    public void scanned(ScannedCode code) {
        if (session.state() != SessionState.OPEN) {
            return;
        }
        step(() -> {
            Admitted a = desk.scanned(code);
            // only an ApCV token or an e-prescription gets here; the latter keeps the patient
            boolean prescription = !code.text().startsWith("APCV");
            return AdmissionView.identity(a, prescription ? "admission.prescription.attached" : null);
        });
    }

    private void search(UiRequest r) throws UiRejected {
        TraitsInput typed = new TraitsInput(r.field("nom"), r.field("prenoms"), r.field("sexe"), r.field("naissance"),
                blankToNull(r.field("lieu")), blankToNull(r.field("nom-utilise")), blankToNull(r.field("prenom-utilise")));
        attempt(() -> AdmissionView.identity(desk.typed(typed), null), e -> AdmissionView.traits(typed, e));
    }

    private interface Step {
        AdmissionView run() throws AdmissionFailure;
    }

    /** Runs a step; a failure is shown on the page it came from. */
    private void step(Step step) {
        attempt(step, e -> {
            synchronized (this) {
                return view.failed(e);
            }
        });
    }

    /**
     * Runs a step and shows its outcome: an answer not applied to a record gets both identities side by side,
     * INSi down gets its own screen with a button that runs the step again, any other failure
     * {@code otherwise}.
     */
    private void attempt(Step step, Function<AdmissionFailure, AdmissionView> otherwise) {
        try {
            show(step.run());
        } catch (AdmissionFailure e) {
            if (e.comparison().isPresent()) {
                show(AdmissionView.comparison(e));
            } else if (e.error().filter(INSI_DOWN::contains).isPresent()) {
                synchronized (this) {
                    retry = () -> attempt(step, otherwise);
                }
                show(AdmissionView.unavailable(e));
            } else {
                show(otherwise.apply(e));
            }
        }
    }

    private void show(AdmissionView next) {
        synchronized (this) {
            view = next;
        }
        refresh();
    }

    private void refresh() {
        if (session.state() != SessionState.OPEN) {
            slot.clear();
            return;
        }
        AdmissionView shown;
        synchronized (this) {
            shown = view;
        }
        // a desk whose agent could not be proven to the hub says why at once, not at the first step
        AdmissionView v = shown.failure() == null ? desk.proofRefusal().map(shown::failed).orElse(shown) : shown;
        String agent = session.clinician().map(h -> h.givenName() + " " + h.familyName()).orElse("");
        slot.show(AdmissionRender.screen(v, agent).with(extra == null ? null : extra.get()));
    }

    private static int index(UiRequest r) throws UiRejected {
        try {
            return Integer.parseInt(r.value());
        } catch (NumberFormatException e) {
            throw new UiRejected("UI_BAD_VALUE", "beneficiary index expected");
        }
    }

    private static HighTrustDocument document(UiRequest r) throws UiRejected {
        String v = r.value();
        return DOCUMENTS.stream().filter(d -> d.name().equals(v)).findFirst()
                .orElseThrow(() -> new UiRejected("UI_BAD_VALUE", "unknown document"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
