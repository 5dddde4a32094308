package fr.vigie.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hardware.card.CpsCard;
import fr.vigie.hardware.sim.card.CpsCredential;
import fr.vigie.hardware.sim.igcsante.TestIgcSante;
import fr.vigie.hardware.sim.card.VirtualCpsCard;
import fr.vigie.hardware.sim.card.VirtualReaders;
import fr.vigie.protocol.EventEnvelope;
import fr.vigie.protocol.EventId;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The session driven end to end through the real {@link CpsCard} profile and the
 * {@link CpsCardAuthenticator}, over virtual CPS cards in virtual readers.
 */
class VirtualCpsSessionTest {
    private static final String PIN = "7319";

    private final Rig rig = new Rig();
    private final ClinicianSession session = rig.session;
    private final VirtualReaders readers = new VirtualReaders("Contact", "Tap");
    private final VirtualCpsCard martin = VirtualCpsCard.builder(Rig.MARTIN).pin(PIN).build();
    private final VirtualCpsCard dubois = VirtualCpsCard.builder(Rig.DUBOIS).pin(PIN).build();
    private final List<Optional<String>> checked = new CopyOnWriteArrayList<>();
    private final IgcSanteCertificateCheck trusted = rig.trustedCheck();
    private final CertificateCheck check = certificate -> {
        Optional<String> refusal = trusted.refusal(certificate);
        checked.add(refusal);
        return refusal;
    };

    private PresentedCard read(String reader, PresentedCard.Interface via) throws Exception {
        CpsCard cps = CpsCard.open(readers.open().getTerminal(reader).connect("*"), null);
        return new PresentedCard(cps.holder(), via, new CpsCardAuthenticator(cps, check, new SecureRandom()));
    }

    private void insertContact(VirtualCpsCard card) throws Exception {
        readers.insert("Contact", card);
        session.cardInserted(read("Contact", PresentedCard.Interface.CONTACT));
    }

    private void tap(VirtualCpsCard card) throws Exception {
        readers.insert("Tap", card.contactless());
        session.cardInserted(read("Tap", PresentedCard.Interface.CONTACTLESS));
        readers.remove("Tap");
    }

    @Test
    void realCardProfileSignsInLocksAndReauthenticatesByTap() throws Exception {
        insertContact(martin);
        assertEquals(SessionState.PIN_ENTRY, session.submitPin("0000".toCharArray()));
        assertEquals(2, session.pinTriesLeft());
        assertEquals(SessionState.OPEN, session.submitPin(PIN.toCharArray()));

        readers.remove("Contact");
        session.cardRemoved();
        assertEquals(SessionState.LOCKED, session.state());
        rig.advance(Duration.ofSeconds(60));
        tap(martin);
        assertEquals(SessionState.OPEN, session.state());
        assertEquals("REAUTH_SAME_CLINICIAN", rig.last().reason());
    }

    @Test
    void aPinOfTheWrongFormatAsksAgainWithoutUsingATry() throws Exception {
        insertContact(martin);

        assertEquals(SessionState.PIN_ENTRY, session.submitPin("12".toCharArray()));

        assertEquals("PIN_FORMAT", rig.last().reason());
        assertEquals(3, martin.pinTriesLeft());
        assertEquals(SessionState.OPEN, session.submitPin(PIN.toCharArray()));
    }

    @Test
    void threeWrongPinsOnTheVirtualCardBlockIt() throws Exception {
        insertContact(martin);

        session.submitPin("0000".toCharArray());
        session.submitPin("0001".toCharArray());
        session.submitPin("0002".toCharArray());

        assertEquals(SessionState.REFUSED, session.state());
        assertEquals("PIN_BLOCKED", rig.last().reason());
        assertEquals(0, martin.pinTriesLeft());
    }

    @Test
    void switchingBetweenTwoCliniciansByTap() throws Exception {
        insertContact(dubois);
        session.submitPin(PIN.toCharArray());
        readers.remove("Contact");
        session.cardRemoved();
        insertContact(martin);
        session.submitPin(PIN.toCharArray());
        readers.remove("Contact");
        session.cardRemoved();

        String duboisSession = rig.events.get(0).sessionId();

        tap(dubois);

        assertEquals(SessionState.OPEN, session.state());
        assertEquals("810009876540", session.clinician().orElseThrow().idNatPs());
        assertEquals("REAUTH_SAME_CLINICIAN", rig.last().reason(), "Dubois's own locked session comes back");
        assertEquals(duboisSession, session.sessionId().orElseThrow());
    }

    @Test
    void aRevokedCertificateIsRefusedEvenWithTheRightPinAndTheReasonSaysRevoked() throws Exception {
        CpsCredential revoked = TestIgcSante.shared().issuePersonne("810000000009", "BERNARD", "Luc");
        TestIgcSante.shared().revoke(revoked);
        IgcSanteCertificateCheck withNewCrl = rig.trustedCheck();
        readers.insert("Contact", VirtualCpsCard.builder(revoked).pin(PIN).build());
        CpsCard cps = CpsCard.open(readers.open().getTerminal("Contact").connect("*"), null);
        List<Optional<String>> refusals = new CopyOnWriteArrayList<>();
        session.cardInserted(new PresentedCard(cps.holder(), PresentedCard.Interface.CONTACT,
                new CpsCardAuthenticator(cps, c -> {
                    Optional<String> r = withNewCrl.refusal(c);
                    refusals.add(r);
                    return r;
                }, new SecureRandom())));

        session.submitPin(PIN.toCharArray());

        assertEquals(SessionState.REFUSED, session.state());
        assertEquals("CERTIFICATE_REJECTED", rig.last().reason());
        assertEquals("810000000009", rig.last().idNatPs());
        assertTrue(refusals.get(0).orElseThrow().startsWith("CERT_REVOKED: "), refusals.toString());
    }

    @Test
    void theCardsCertificateIsValidatedAtEverySignInAndTapAndNamesTheClinician() throws Exception {
        insertContact(martin);
        session.submitPin(PIN.toCharArray());
        readers.remove("Contact");
        session.cardRemoved();
        tap(martin);

        assertEquals(SessionState.OPEN, session.state());
        assertEquals(List.of(Optional.empty(), Optional.empty()), checked);
        assertEquals(Rig.MARTIN.idNatPs(), trusted.validate(Rig.MARTIN.certificate()).idNatPs());
        assertEquals(session.clinician().orElseThrow().idNatPs(), trusted.validate(Rig.MARTIN.certificate()).idNatPs());
    }

    @Test
    void noEventAndNoLogLineCarriesThePin() throws Exception {
        insertContact(martin);
        session.submitPin("7318".toCharArray());
        session.submitPin(PIN.toCharArray());
        readers.remove("Contact");
        session.cardRemoved();
        tap(martin);
        session.logout();

        ProtocolCodec codec = new ProtocolCodec();
        KioskAddress kiosk = KioskAddress.of("site-a", "kiosk-1");
        String json = rig.events.stream()
                .map(e -> new String(codec.encode(EventEnvelope.of(EventId.parse("01958f4c-3b2d-7a10-8c3e-000000000001"), kiosk, 1, rig.timers.instant(), e)),
                        StandardCharsets.UTF_8))
                .collect(Collectors.joining("\n"));
        String log = Files.readString(Path.of(System.getProperty("session.log.capture",
                "target/session-log-capture.log")));

        assertTrue(json.contains("\"session.transition\"") && json.contains("PIN_WRONG") && json.contains("810001234565"));
        assertTrue(log.contains("PIN_SUBMITTED"), "the log capture works");
        for (String secret : List.of(PIN, "7318")) {
            // as a whole run of digits: a port or a timestamp may hold the same four digits
            Pattern alone = Pattern.compile("(?<!\\d)" + secret + "(?!\\d)");
            assertFalse(alone.matcher(json).find(), "PIN in an event");
            assertFalse(alone.matcher(log).find(), "PIN in a log line");
        }
    }

    @Test
    void onlyTheCardWhosePinOpenedTheSessionSignsForItAndOnlyWhileItIsInTheReader() throws Exception {
        byte[] nonce = new byte[32];
        new SecureRandom().nextBytes(nonce);
        insertContact(martin);
        session.submitPin(PIN.toCharArray());
        String id = session.sessionId().orElseThrow();

        CardSignature signed = session.signWithSessionCard(id, nonce);

        java.security.Signature rsa = java.security.Signature.getInstance("NONEwithRSA");
        rsa.initVerify(Rig.MARTIN.certificate().getPublicKey());
        rsa.update(nonce);
        assertTrue(rsa.verify(signed.signature()), "the card's authentication key signed the nonce itself");
        assertEquals(Rig.MARTIN.certificate(), signed.certificate());
        assertEquals(SessionCardException.Reason.ABSENT, org.junit.jupiter.api.Assertions.assertThrows(
                SessionCardException.class, () -> session.signWithSessionCard("another-session", nonce)).reason());

        readers.remove("Contact");
        session.cardRemoved();
        rig.advance(Duration.ofSeconds(30));
        tap(martin);
        assertEquals(SessionState.OPEN, session.state(), "unlocked by a tap, without the card's PIN");
        assertEquals(SessionCardException.Reason.ABSENT, org.junit.jupiter.api.Assertions.assertThrows(
                SessionCardException.class, () -> session.signWithSessionCard(id, nonce)).reason());
        insertContact(martin);
        assertEquals(SessionState.OPEN, session.state());
        assertFalse(session.hasSessionCard(id), "inserted again while open: its PIN was not verified on it");
    }
}
