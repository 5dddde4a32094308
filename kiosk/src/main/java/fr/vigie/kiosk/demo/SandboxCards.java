package fr.vigie.kiosk.demo;

import fr.vigie.hardware.card.TerminalSource;
import fr.vigie.hardware.gpio.Pi4jBoard;
import fr.vigie.hardware.card.VitaleBeneficiary;
import fr.vigie.hardware.card.VitaleBirthDate;
import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.hardware.sim.card.VirtualCpsCard;
import fr.vigie.hardware.sim.card.VirtualReaders;
import fr.vigie.hardware.sim.card.VirtualVitaleCard;
import fr.vigie.hardware.sim.igcsante.TestIgcSante;
import fr.vigie.kiosk.session.CertificateCheck;
import fr.vigie.kiosk.session.IgcSanteCertificateCheck;
import fr.vigie.kiosk.station.StationReaders;
import fr.vigie.kiosk.ui.KioskUi;
import fr.vigie.kiosk.ui.ScreenPart;
import fr.vigie.kiosk.ui.UiRejected;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.igcsante.IgcSanteCrls;
import fr.vigie.provisioning.igcsante.IgcSanteValidator;
import java.io.IOException;
import java.net.URI;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * <b>Demo only — never on a production kiosk.</b> Two in-process virtual card readers (contact and
 * contactless, seen through {@code javax.smartcardio} exactly like PC/SC readers) and a few virtual CPS
 * cards from the local test IGC-Santé, with on-screen controls to insert, remove and tap a card and
 * to step away from the presence sensor (Pi4J mock platform), for the demo and the browser tests.
 * The controls are drawn in a dashed "sandbox" box under the sign-in screens and answer
 * {@code POST /ui/action/sandbox/*}. The station's readers when {@code kiosk.card.readers=sandbox}. On the demo's
 * admission desk ({@link #admissionDesk}) a third reader holds the patient's Vitale card, with its own buttons.
 * Thread-safe.
 *
 * <pre>{@code
 * SandboxCards cards = SandboxCards.demo();
 * SignInStation station = SignInStation.builder(config, sink, cards, SandboxCards.certificateCheck(clock)).start();
 * cards.insert(0);   // or the "insert" button under the sign-in screen
 * }</pre>
 */
public final class SandboxCards implements StationReaders {
    /** Name of the virtual contact reader. */
    public static final String CONTACT_READER = "Vigie sandbox contact reader";
    /** Name of the virtual contactless reader. */
    public static final String CONTACTLESS_READER = "Vigie sandbox contactless reader";
    /** Name of the virtual reader of the patient's Vitale card, on an admission desk. */
    public static final String PATIENT_READER = "Vigie sandbox patient reader";
    /** The PIN of the {@link #demo()} cards, shown in the sandbox box. */
    public static final String DEMO_PIN = "1234";
    /** The demo clinicians: the sandbox PSC's doctor and nurse (edge-hub sandbox/psc-professionals.json). */
    private static final List<String[]> DEMO_CLINICIANS = List.of(new String[] {"810099900010", "MARTIN", "Claire"},
            new String[] {"810099900028", "DUBOIS", "Julien"});

    private static final Logger LOG = LoggerFactory.getLogger(SandboxCards.class);
    private static List<CpsCredential> demoCredentials;

    private final VirtualReaders readers;
    private final List<VirtualCpsCard> cards;
    private final String pinHint;
    private final VirtualVitaleCard vitale;
    private volatile Consumer<Boolean> presence;

    /** @param pinHint the PIN shown in the sandbox box, or null to show none */
    public SandboxCards(List<VirtualCpsCard> cards, String pinHint) {
        this(cards, pinHint, null);
    }

    /**
     * @param pinHint the PIN shown in the sandbox box, or null to show none
     * @param vitale a patient's Vitale card, in a third reader of its own with its own buttons (an admission
     *        desk), or null for none
     */
    public SandboxCards(List<VirtualCpsCard> cards, String pinHint, VirtualVitaleCard vitale) {
        if (cards.isEmpty()) {
            throw new IllegalArgumentException("the sandbox needs at least one card");
        }
        this.cards = List.copyOf(cards);
        this.pinHint = pinHint;
        this.vitale = vitale;
        this.readers = vitale == null ? new VirtualReaders(CONTACT_READER, CONTACTLESS_READER)
                : new VirtualReaders(CONTACT_READER, CONTACTLESS_READER, PATIENT_READER);
    }

    /** Cards of two demo clinicians (a nurse and a doctor), PIN {@value #DEMO_PIN}, fresh counters. */
    public static SandboxCards demo() {
        return new SandboxCards(credentials().stream().map(c -> VirtualCpsCard.builder(c).pin(DEMO_PIN).build()).toList(),
                DEMO_PIN);
    }

    private static synchronized List<CpsCredential> credentials() {
        if (demoCredentials == null) {
            TestIgcSante igc = TestIgcSante.shared();
            // The sandbox PSC's doctor and nurse, so that a demo card sign-in also connects to the sandbox PSC
            // through the hub.
            demoCredentials = DEMO_CLINICIANS.stream().map(c -> igc.issuePersonne(c[0], c[1], c[2])).toList();
        }
        return demoCredentials;
    }

    /**
     * The demo's admission desk: the two demo clinicians' cards (PIN {@value #DEMO_PIN}), certified by the
     * sandbox IGC-Santé at {@code sandboxOrigin} so that the hub it configured accepts them as the desk's agent
     * (check them with the kiosk's own trust: {@code kiosk.cardTrust().certificateCheck()}), and the
     * {@linkplain #demoVitaleCard() demo Vitale card} in the patient's reader's buttons.
     *
     * @throws IllegalStateException when the sandbox does not certify them
     */
    public static SandboxCards admissionDesk(URI sandboxOrigin) {
        return new SandboxCards(DEMO_CLINICIANS.stream().map(c -> VirtualCpsCard.builder(
                SandboxIgcSante.certify(sandboxOrigin, c[0], c[1], c[2])).pin(DEMO_PIN).build()).toList(), DEMO_PIN,
                demoVitaleCard());
    }

    /**
     * The demo's Vitale card: the insured DUPONT Marie Claire and her two children, each with the NIR the
     * sandbox INSi simulator knows them by (edge-hub sandbox/insi-identities.json, {@code "demoVitaleCard": true},
     * listed on the sandbox's page of test identities).
     */
    public static VirtualVitaleCard demoVitaleCard() {
        return new VirtualVitaleCard(List.of(
                new VitaleBeneficiary(Optional.of("280057505612389"), "DUPONT", "MARIE CLAIRE",
                        new VitaleBirthDate(1980, 5, 12), 1),
                new VitaleBeneficiary(Optional.of("212047505612310"), "DUPONT", "LEA JEANNE",
                        new VitaleBirthDate(2012, 4, 18), 1),
                new VitaleBeneficiary(Optional.of("115096912304566"), "DUPONT", "HUGO",
                        new VitaleBirthDate(2015, 9, 3), 1)));
    }

    /**
     * The kiosk's real certificate check (IGC-Santé path, dates, key usage, CRL) over the local test
     * hierarchy the sandbox cards come from, with that hierarchy's current CRLs.
     */
    public static CertificateCheck certificateCheck(Clock clock) {
        return certificateCheck(TestIgcSante.shared(), clock);
    }

    /**
     * The same check over another test hierarchy, e.g. a sandbox hub's ({@code TestIgcSante.over(hubCa, random)}),
     * with its CRLs of now: a card revoked later is still accepted by this kiosk check (not by the hub's).
     */
    public static CertificateCheck certificateCheck(TestIgcSante igc, Clock clock) {
        IgcSanteCrls crls = IgcSanteCrls.inMemory(igc.trust());
        try {
            for (X509CRL crl : igc.crls()) {
                crls.offer(crl);
            }
        } catch (ProvisioningException | IOException e) {
            throw new IllegalStateException("the sandbox's test IGC-Santé CRLs cannot be used: " + e.getMessage(), e);
        }
        return new IgcSanteCertificateCheck(new IgcSanteValidator(igc.trust(), crls, Duration.ofHours(48), clock));
    }

    /** @return the virtual readers, for a {@link fr.vigie.hardware.card.ReaderMonitor} */
    @Override
    public TerminalSource terminals() {
        return readers;
    }

    /** @return the cards, in the order of the controls */
    public List<VirtualCpsCard> cards() {
        return cards;
    }

    /**
     * Puts card {@code index} in the contact reader (replacing any other card there). A card that is already
     * in the reader stays as it is, as in a real reader: pressing "insert" twice must not reset the card under
     * a sign-in in progress (whose PIN would then reach a card connection that is gone).
     */
    public void insert(int index) {
        VirtualCpsCard card = card(index);
        synchronized (readers) {
            if (readers.card(CONTACT_READER).orElse(null) != card) {
                readers.insert(CONTACT_READER, card);
            }
        }
    }

    /** Puts the patient's Vitale card in its reader (the same card stays as it is). */
    public void insertVitale() throws UiRejected {
        VirtualVitaleCard card = requireVitale();
        synchronized (readers) {
            if (readers.card(PATIENT_READER).orElse(null) != card) {
                readers.insert(PATIENT_READER, card);
            }
        }
    }

    /** Takes the Vitale card out of the patient's reader. */
    public void removeVitale() throws UiRejected {
        requireVitale();
        readers.remove(PATIENT_READER);
    }

    private VirtualVitaleCard requireVitale() throws UiRejected {
        if (vitale == null) {
            throw new UiRejected("SANDBOX_NO_VITALE_CARD", "this kiosk has no sandbox Vitale card");
        }
        return vitale;
    }

    /** Takes the card out of the contact reader. */
    public void remove() {
        readers.remove(CONTACT_READER);
    }

    /** Holds card {@code index} on the contactless reader (until {@link #untap}). */
    public void tap(int index) {
        readers.remove(CONTACTLESS_READER);
        readers.insert(CONTACTLESS_READER, card(index).contactless());
    }

    /** Takes the card away from the contactless reader. */
    public void untap() {
        readers.remove(CONTACTLESS_READER);
    }

    /**
     * Registers the {@code sandbox/*} actions; on the Pi4J mock platform, someone is in front of the kiosk at
     * start (so that walking away is a change) and the walk-away buttons drive the presence sensor.
     *
     * @return the sandbox box, drawn under the sign-in screens
     */
    @Override
    public Supplier<ScreenPart> mount(KioskUi ui, Pi4jBoard board) {
        try {
            board.simulatePresence(true);
            this.presence = board::simulatePresence;
        } catch (IllegalStateException e) {
            LOG.info("sandbox cards on a real GPIO board: the presence sensor is not simulated");
        }
        ui.addBundle("i18n.sandbox");
        ui.action("sandbox", "insert", r -> insert(index(r.value())));
        ui.action("sandbox", "remove", r -> remove());
        ui.action("sandbox", "tap", r -> tap(index(r.value())));
        ui.action("sandbox", "untap", r -> untap());
        ui.action("sandbox", "vitale-insert", r -> insertVitale());
        ui.action("sandbox", "vitale-remove", r -> removeVitale());
        ui.action("sandbox", "leave", r -> presence(false));
        ui.action("sandbox", "return", r -> presence(true));
        return this::controls;
    }

    /**
     * What the sandbox box shows ({@code demo/controls.jte}): the demo PIN (or null), the cards' holders in
     * the order of their buttons, whether the presence sensor can be driven, and the people on the Vitale card
     * (empty without one).
     */
    record Controls(String pinHint, List<String> holders, boolean presence, List<String> vitale) {
    }

    /** The sandbox box drawn under the sign-in screens: one insert and one tap button per card, remove, and presence. */
    public ScreenPart controls() {
        List<String> holders = cards.stream().map(VirtualCpsCard::credential)
                .map(c -> (c.givenName() + " " + c.familyName()).trim()).toList();
        List<String> beneficiaries = vitale == null ? List.of() : vitale.beneficiaries().stream()
                .map(b -> b.givenNames() + " " + b.familyName()).toList();
        return new ScreenPart("demo/controls.jte", new Controls(pinHint, holders, presence != null, beneficiaries));
    }

    private void presence(boolean present) throws UiRejected {
        Consumer<Boolean> p = presence;
        if (p == null) {
            throw new UiRejected("SANDBOX_NO_PRESENCE_SENSOR", "this kiosk has no simulated presence sensor");
        }
        p.accept(present);
    }

    private VirtualCpsCard card(int index) {
        Objects.checkIndex(index, cards.size());
        return cards.get(index);
    }

    private int index(String value) throws UiRejected {
        try {
            int i = Integer.parseInt(value);
            if (i >= 0 && i < cards.size()) {
                return i;
            }
        } catch (NumberFormatException e) {
            // rejected below
        }
        throw new UiRejected("SANDBOX_NO_SUCH_CARD", "no sandbox card " + value);
    }
}
