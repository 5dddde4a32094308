package fr.vigie.kiosk.session;

import fr.vigie.hardware.card.CpsHolder;
import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.hardware.sim.igcsante.TestIgcSante;
import fr.vigie.protocol.EventPayload.SessionTransition;
import fr.vigie.provisioning.igcsante.IgcSanteCrls;
import fr.vigie.provisioning.igcsante.IgcSanteValidator;
import fr.vigie.provisioning.ProvisioningException;
import java.io.IOException;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A session wired to a recording sink, a recording LED and buzzer, and manual timers. */
final class Rig extends RecordedSignals {
    static final SessionTimeouts TIMEOUTS = new SessionTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(300),
            Duration.ofSeconds(20), Duration.ofSeconds(600), Duration.ofSeconds(900));
    static final CpsCredential MARTIN = TestIgcSante.shared().issuePersonne("810001234565", "MARTIN", "Claire");
    static final CpsCredential DUBOIS = TestIgcSante.shared().issuePersonne("810009876540", "DUBOIS", "Paul");
    /** A day into the test certificates' validity, so that the certificate check accepts them. */
    static final Instant T0 = MARTIN.certificate().getNotBefore().toInstant().plus(Duration.ofDays(1));

    final ManualTimers timers = new ManualTimers(T0);
    final List<SessionTransition> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    final ClinicianSession session;

    Rig() {
        this(PscLink.NONE);
    }

    /** A rig whose open card sessions go to {@code psc}. */
    Rig(PscLink psc) {
        session = ClinicianSession.builder(TIMEOUTS, events::add).clock(timers).timers(timers).signals(this, this)
                .sessionIds(() -> "s" + ids.incrementAndGet()).psc(psc).build();
    }

    /**
     * The kiosk's real certificate check (IGC-Santé path, validity, key usage, revocation) over the
     * shared test hierarchy, on this rig's clock, with the hierarchy's current CRLs.
     */
    IgcSanteCertificateCheck trustedCheck() {
        TestIgcSante igc = TestIgcSante.shared();
        IgcSanteCrls crls = IgcSanteCrls.inMemory(igc.trust());
        try {
            for (X509CRL crl : igc.crls()) {
                crls.offer(crl);
            }
        } catch (ProvisioningException | IOException e) {
            throw new IllegalStateException(e);
        }
        return new IgcSanteCertificateCheck(new IgcSanteValidator(igc.trust(), crls, Duration.ofHours(48), timers));
    }

    static CpsHolder holder(CpsCredential c) {
        return new CpsHolder(c.idNatPs(), c.familyName(), c.givenName(), c.certificate());
    }

    static PresentedCard contact(CpsCredential c, CardAuthenticator card) {
        return new PresentedCard(holder(c), PresentedCard.Interface.CONTACT, card);
    }

    static PresentedCard contactless(CpsCredential c, CardAuthenticator card) {
        return new PresentedCard(holder(c), PresentedCard.Interface.CONTACTLESS, card);
    }

    /** Contact sign-in with the right PIN; returns the card. */
    ScriptedCard signIn(CpsCredential who) {
        ScriptedCard card = new ScriptedCard("1234");
        session.cardInserted(contact(who, card));
        session.submitPin("1234".toCharArray());
        return card;
    }

    SessionTransition last() {
        return events.get(events.size() - 1);
    }

    List<String> path(String sessionId) {
        return events.stream().filter(e -> e.sessionId().equals(sessionId)).map(e -> e.to() + ":" + e.reason()).toList();
    }

    void advance(Duration d) {
        timers.advance(d);
    }
}
