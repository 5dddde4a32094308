package fr.vigie.kiosk.session;

import fr.vigie.hardware.card.CpsHolder;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The card side of the clinician session: a contact CPS in or out of the reader, the card's verdict on the
 * PIN typed, a contactless tap inside or outside its holder's {@link ReauthWindow}, and the card that may
 * sign for an open session (the one its PIN was verified on, still in the reader). It drives the
 * {@link SessionStateMachine}.
 *
 * <p>Not thread-safe, by design: called by {@link ClinicianSession} under the session's lock. The card
 * questions themselves (PIN, proof of the holder, signature) are asked outside the lock by the caller, on a
 * {@link CardClaim} taken here; their answers come back through {@link #pinVerified} and {@link #tapProved}.
 */
final class CardSignIn {
    private static final Logger LOG = LoggerFactory.getLogger(CardSignIn.class);

    private final SessionStateMachine machine;
    private final ReauthWindow window;
    private final Clock clock;
    /** The contact card in the reader, or null. */
    private CardAuthenticator contactCard;
    private int pinTriesLeft = -1;

    CardSignIn(SessionStateMachine machine, ReauthWindow window, Clock clock) {
        this.machine = machine;
        this.window = window;
        this.clock = clock;
    }

    /** PIN tries left after a wrong PIN, -1 if unknown. */
    int pinTriesLeft() {
        return pinTriesLeft;
    }

    /**
     * A contact card was inserted: the PIN of its holder is asked. An open session of someone else locks
     * first; their locked session waits behind the sign-in (and comes back if it fails).
     */
    void inserted(PresentedCard card) {
        SessionRecord a = machine.foreground();
        String who = card.holder().idNatPs();
        if (a != null && a.state != SessionState.OPEN && a.state != SessionState.LOCKED) {
            LOG.warn("contact card inserted while session {} is {}: ignored", a.id, a.state);
            return;
        }
        contactCard = card.authenticator();
        if (a != null && a.state == SessionState.OPEN) {
            if (a.idNatPs.equals(who)) {
                a.contact = true;
                return;
            }
            machine.transition(a, SessionState.LOCKED, SessionReason.CARD_INSERTED);
        }
        a = machine.cardSignIn(card.holder());
        a.contact = true;
        pinTriesLeft = -1;
        machine.transition(a, SessionState.CARD_DETECTED, SessionReason.CARD_INSERTED);
        machine.transition(a, SessionState.PIN_ENTRY, SessionReason.PIN_REQUESTED);
    }

    /** A PIN was typed: the contact card is to verify it, unless no PIN is expected now. */
    Optional<CardClaim> claimPin() {
        SessionRecord a = machine.foreground();
        if (a == null || a.state != SessionState.PIN_ENTRY || contactCard == null) {
            LOG.info("PIN submitted while {}: ignored", machine.state());
            return Optional.empty();
        }
        machine.transition(a, SessionState.VERIFYING, SessionReason.PIN_SUBMITTED);
        return Optional.of(machine.claim(contactCard));
    }

    /** @return whether the card's verdict {@code v} opened the claimed session */
    boolean pinVerified(CardClaim claim, Verification v) {
        SessionRecord a = claim.session();
        if (!machine.holds(claim)) {
            LOG.info("PIN verification for session {} ended after the session moved on: dropped", a.id);
            return false;
        }
        switch (v.outcome()) {
            case OK -> {
                a.pinCard = claim.card();
                window.pinSignIn(a.idNatPs, clock.instant());
                pinTriesLeft = -1;
                machine.signedIn(a, SessionAuthentication.CARD_PIN, SessionReason.PIN_OK);
                return true;
            }
            case PIN_WRONG -> {
                pinTriesLeft = v.triesLeft();
                if (v.triesLeft() == 0) {
                    machine.transition(a, SessionState.REFUSED, SessionReason.PIN_BLOCKED);
                } else {
                    machine.transition(a, SessionState.PIN_ENTRY, SessionReason.PIN_WRONG);
                }
            }
            case PIN_FORMAT -> machine.transition(a, SessionState.PIN_ENTRY, SessionReason.PIN_FORMAT);
            case PIN_BLOCKED -> {
                pinTriesLeft = 0;
                machine.transition(a, SessionState.REFUSED, SessionReason.PIN_BLOCKED);
            }
            case CARD_ERROR -> refuse(a, SessionReason.CARD_ERROR, v);
            case CERTIFICATE_REJECTED -> refuse(a, SessionReason.CERTIFICATE_REJECTED, v);
        }
        return false;
    }

    private void refuse(SessionRecord a, SessionReason reason, Verification v) {
        LOG.warn("session {} refused: {} ({})", a.id, reason, v.detail());
        machine.refuse(a, reason, v.detail());
    }

    /** The contact card left the reader: an open session locks at once, a sign-in under way ends. */
    void removed() {
        contactCard = null;
        SessionRecord a = machine.foreground();
        if (a == null) {
            return;
        }
        switch (a.state) {
            case OPEN -> {
                if (a.contact) {
                    machine.transition(a, SessionState.LOCKED, SessionReason.CARD_REMOVED);
                }
            }
            case CARD_DETECTED, PIN_ENTRY, VERIFYING, REFUSED -> machine.close(a, SessionReason.CARD_REMOVED);
            default -> {
            }
        }
        if (machine.foreground() != null) {
            machine.foreground().contact = false;
        }
    }

    /**
     * A contactless tap: the card is to prove its holder if their re-authentication window is open; a tap
     * by the clinician of the open session only counts as activity. Outside the window, the clinician of the
     * locked session is told their card and PIN are needed; another clinician is asked, by name, to insert their
     * card and type their PIN (their session then opens, the locked one stays locked).
     */
    Optional<CardClaim> claimTap(PresentedCard card) {
        SessionRecord a = machine.foreground();
        String who = card.holder().idNatPs();
        if (a == null || (a.state != SessionState.LOCKED && a.state != SessionState.OPEN)) {
            LOG.info("contactless tap while {}: ignored", machine.state());
            return Optional.empty();
        }
        if (a.idNatPs.equals(who) && a.state == SessionState.OPEN) {
            machine.activity();
            return Optional.empty();
        }
        if (!window.open(who, clock.instant())) {
            if (a.state == SessionState.LOCKED && a.idNatPs.equals(who)) {
                machine.transition(a, SessionState.LOCKED, SessionReason.REAUTH_WINDOW_EXPIRED);
            } else if (a.state == SessionState.LOCKED) {
                machine.cardNeeded(card.holder());
            } else {
                machine.refusalBeep();
            }
            return Optional.empty();
        }
        return Optional.of(machine.claim(card.authenticator()));
    }

    /** The tapped card of {@code holder} answered {@code v}: unlock for the same clinician, switch for another. */
    void tapProved(CardClaim claim, CpsHolder holder, Verification v) {
        SessionRecord a = claim.session();
        if (!machine.holds(claim)) {
            LOG.info("tap proof ended after session {} moved on: dropped", a.id);
        } else if (v.outcome() != Verification.Outcome.OK) {
            LOG.warn("contactless tap refused for session {}: {}", a.id, v.detail());
            machine.refusalBeep();
        } else if (a.idNatPs.equals(holder.idNatPs())) {
            machine.unlockedByTap(a);
        } else {
            machine.switchTo(a, holder);
        }
    }

    /** Whether open session {@code sessionId} has in the reader the contact card its PIN was verified on. */
    boolean hasSessionCard(String sessionId) {
        SessionRecord a = machine.foreground();
        return a != null && a.id.equals(sessionId) && a.state == SessionState.OPEN && a.pinCard != null
                && a.pinCard == contactCard;
    }

    /** The card that may sign for open session {@code sessionId}, if it is in the reader. */
    Optional<CardClaim> claimSessionCard(String sessionId) {
        return hasSessionCard(sessionId) ? Optional.of(machine.claim(contactCard)) : Optional.empty();
    }

    /** Whether the signature asked on {@code claim} still speaks for session {@code sessionId}. */
    boolean stillSessionCard(CardClaim claim, String sessionId) {
        return machine.holds(claim) && hasSessionCard(sessionId);
    }
}
