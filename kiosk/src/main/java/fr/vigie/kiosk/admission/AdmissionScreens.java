package fr.vigie.kiosk.admission;

import fr.vigie.hardware.barcode.KeyboardWedgeScanner;
import fr.vigie.hardware.barcode.ScanListener;
import fr.vigie.hardware.barcode.ScannedCode;
import fr.vigie.hardware.barcode.WedgeSettings;
import fr.vigie.kiosk.session.ClinicianSession;
import fr.vigie.kiosk.session.SessionState;
import fr.vigie.kiosk.ui.KioskUi;
import fr.vigie.kiosk.ui.Screen;
import fr.vigie.kiosk.ui.ScreenSlot;
import fr.vigie.kiosk.ui.UiRejected;
import fr.vigie.kiosk.ui.UiRequest;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.TraitsInput;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The admission screens (slot {@code admission}, priority {@value #PRIORITY}: above the session's
 * open-session screen, so shown only while a session is {@link SessionState#OPEN}; when it locks or
 * closes they step aside for the sign-in screens). Home (Vitale card, typed traits, ApCV QR code),
 * the card's beneficiaries, the traits form, the identity found with the differences, the document
 * checked, the INS DataMatrix of a qualified identity, and every failure in clear words, including why the
 * agent could not be proven to the hub (this kiosk not declared an admission desk, card removed or revoked)
 * ({@code i18n/admission_fr.properties}, English second). Also the {@link ScanListener} of the desk's
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

    private final ClinicianSession session;
    private final AdmissionDesk desk;
    private final VitaleSource vitale;
    private final ScreenSlot slot;
    private AdmissionView view = AdmissionView.home();

    private AdmissionScreens(KioskUi ui, ClinicianSession session, AdmissionDesk desk, VitaleSource vitale) {
        this.session = session;
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
        ui.action("admission", "traits-form", r -> show(AdmissionView.traits(null, null)));
        ui.action("admission", "search", this::search);
        ui.action("admission", "document", r -> {
            HighTrustDocument document = document(r);
            step(() -> AdmissionView.identity(desk.documentChecked(document), null));
        });
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
        session.addListener(this::refresh);
        desk.onProofChange(this::refresh);
        refresh();
    }

    /** Puts the admission screens on {@code ui}. */
    public static AdmissionScreens attach(KioskUi ui, ClinicianSession session, AdmissionDesk desk,
            VitaleSource vitale) {
        return new AdmissionScreens(Objects.requireNonNull(ui, "ui"), Objects.requireNonNull(session, "session"),
                Objects.requireNonNull(desk, "desk"), Objects.requireNonNull(vitale, "vitale"));
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
        try {
            show(AdmissionView.identity(desk.typed(typed), null));
        } catch (AdmissionFailure e) {
            show(AdmissionView.traits(typed, e));
        }
    }

    private interface Step {
        AdmissionView run() throws AdmissionFailure;
    }

    private void step(Step step) {
        try {
            show(step.run());
        } catch (AdmissionFailure e) {
            AdmissionView now;
            synchronized (this) {
                now = view;
            }
            show(now.failed(e));
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
        slot.show(Screen.of(v.screenId(), html -> AdmissionRender.render(html, v, agent)));
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
