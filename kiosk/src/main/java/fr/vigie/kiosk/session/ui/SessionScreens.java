package fr.vigie.kiosk.session.ui;

import fr.vigie.hardware.card.CpsHolder;
import fr.vigie.kiosk.psc.CibaState;
import fr.vigie.kiosk.session.PscView;
import fr.vigie.kiosk.session.SessionReason;
import fr.vigie.kiosk.session.SessionView;
import fr.vigie.kiosk.ui.Screen;
import fr.vigie.kiosk.ui.ScreenPart;
import java.time.Duration;
import java.util.Locale;

/**
 * The sign-in screens, one per session state, in words a nurse understands: the models of the templates
 * {@code session/ui/*.jte}. Screen ids: {@code session.idle}, {@code session.card}, {@code session.pin},
 * {@code session.verifying}, {@code session.open}, {@code session.locked}, {@code session.refused}. Stateless.
 */
final class SessionScreens {
    /** The PIN length of a CPS card (DOMAIN §6). */
    static final int PIN_DIGITS = 4;

    /** Idle: a note on why the last session ended (a bundle key, or null), and whether e-CPS is offered. */
    record Idle(String noteKey, boolean ecps) {
    }

    /**
     * PIN entry for the card's holder.
     *
     * @param triesLeft tries left after a wrong PIN, or 0 when none was wrong
     * @param format whether the last PIN typed was not four digits
     */
    record Pin(String name, int triesLeft, boolean format) {
    }

    /**
     * An open session: who, their national id and its register (RPPS, ADELI or null), what they practise as
     * (or null), where PSC stands (a bundle key, or null when PSC was not asked or is being waited for), how
     * long the kiosk still waits for PSC (or null), and what locks the workstation (a bundle key: removing the
     * card, or for an e-CPS session without a card, stepping away or inactivity).
     */
    record Open(String who, String idNatPs, String register, String exercice, String pscKey, Wait pscWait,
            String lockHintKey) {
    }

    /** Time left waiting for Pro Santé Connect, as the countdown shows it: minutes and seconds. */
    record Wait(long minutes, long seconds) {
        static Wait of(Duration left) {
            long s = (left.toMillis() + 999) / 1000; // 0.4 s left still says 1 s
            return new Wait(s / 60, s % 60);
        }
    }

    /**
     * A locked workstation: whose session, why (a bundle key, or null), whether the re-authentication window
     * passed, and the name of another clinician who tapped their card after their own window (asked to insert
     * it and type their PIN), or null.
     */
    record Locked(String name, String reasonKey, boolean windowExpired, String cardNeededBy) {
    }

    private SessionScreens() {
    }

    /**
     * @param exercice what the clinician practises as, if known (from PSC), else null
     * @param ecps whether the idle screen offers e-CPS sign-in ({@code ecps/open})
     * @param extra drawn under every screen (the sandbox controls in the demo), or null
     */
    static Screen of(SessionView v, String exercice, boolean ecps, ScreenPart extra) {
        Screen screen = switch (v.state()) {
            case IDLE, CLOSED -> Screen.of("session.idle", "session/ui/idle.jte", new Idle(idleNote(v.reason()), ecps));
            case CARD_DETECTED -> Screen.of("session.card", "session/ui/card.jte", name(v.clinician()));
            case PIN_ENTRY -> Screen.of("session.pin", "session/ui/pin.jte", pin(v));
            case VERIFYING, AWAITING_PHONE -> Screen.of("session.verifying", "session/ui/verifying.jte", null);
            case OPEN -> Screen.of("session.open", "session/ui/open.jte", open(v, exercice));
            case LOCKED -> Screen.of("session.locked", "session/ui/locked.jte", locked(v));
            case REFUSED -> Screen.of("session.refused", "session/ui/refused.jte", refusal(v));
        };
        return screen.with(extra);
    }

    private static String idleNote(SessionReason reason) {
        return reason == null ? null : switch (reason) {
            case CARD_REMOVED -> "session.idle.card-removed";
            case LOGOUT -> "session.idle.logout";
            case GRACE_EXPIRED -> "session.idle.grace-expired";
            default -> null;
        };
    }

    private static Pin pin(SessionView v) {
        boolean wrong = v.reason() == SessionReason.PIN_WRONG && v.pinTriesLeft() > 0;
        return new Pin(name(v.clinician()), wrong ? v.pinTriesLeft() : 0, v.reason() == SessionReason.PIN_FORMAT);
    }

    private static Open open(SessionView v, String chosen) {
        PscView psc = v.psc() == null ? PscView.NONE : v.psc();
        String who = v.clinician() != null ? name(v.clinician()) : psc.who()
                .map(p -> (p.givenName() + " " + p.familyName()).trim()).orElse(v.idNatPs());
        String exercice = chosen != null ? chosen : psc.exercice().map(CibaState.Exercice::screenLabel).orElse(null);
        Wait wait = v.pscWaitLeft() == null ? null : Wait.of(v.pscWaitLeft());
        String pscKey = psc.status() == PscView.Status.NOT_ASKED || wait != null ? null
                : "session.open.psc." + psc.status().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return new Open(who, v.idNatPs(), idKind(v.idNatPs()), exercice, pscKey, wait, lockHint(v));
    }

    /**
     * What locks an open session: a card session locks when its card leaves the reader; an e-CPS session has
     * no card, so only stepping away (presence sensor) or inactivity lock it, and signing out ends it.
     */
    static String lockHint(SessionView v) {
        return v.clinician() == null ? "session.open.lock-hint-ecps" : "session.open.lock-hint";
    }

    private static Locked locked(SessionView v) {
        String why = v.reason() == null ? null : switch (v.reason()) {
            case CARD_REMOVED -> "session.locked.card-removed";
            case WALKED_AWAY -> "session.locked.walked-away";
            case IDLE_TIMEOUT -> "session.locked.idle";
            case CARD_INSERTED -> "session.locked.card-inserted";
            case REAUTH_SWITCH -> "session.locked.switched";
            default -> null;
        };
        return new Locked(name(v.clinician()), why, v.reason() == SessionReason.REAUTH_WINDOW_EXPIRED,
                v.cardNeeded() == null ? null : name(v.cardNeeded()));
    }

    private static String refusal(SessionView v) {
        return switch (v.reason() == null ? SessionReason.CARD_ERROR : v.reason()) {
            case PIN_BLOCKED -> "session.refused.pin-blocked";
            case PIN_ENTRY_TIMEOUT -> "session.refused.pin-timeout";
            case CERTIFICATE_REJECTED -> certificateRefusal(v.refusalDetail());
            default -> "session.refused.card-error";
        };
    }

    /**
     * Which words explain a refused certificate. The {@link fr.vigie.kiosk.session.CertificateCheck}
     * gives a short English reason; one naming revocation is a revoked card, one naming expiry or the
     * validity dates an expired card, anything else a card not recognised.
     */
    static String certificateRefusal(String detail) {
        String d = detail == null ? "" : detail.toLowerCase(Locale.ROOT);
        if (d.contains("revoked") || d.contains("revocation")) {
            return "session.refused.revoked";
        }
        if (d.contains("expired") || d.contains("validity") || d.contains("not yet valid")) {
            return "session.refused.expired";
        }
        return "session.refused.untrusted";
    }

    /** The holder's name as the card gives it, e.g. {@code Claire MARTIN}. */
    static String name(CpsHolder who) {
        if (who == null) {
            return "";
        }
        String n = (who.givenName() + " " + who.familyName()).trim();
        return n.isEmpty() ? who.idNatPs() : n;
    }

    /** The register an idNat_PS comes from, by its type prefix (8 = RPPS, 0 = ADELI), or null. */
    static String idKind(String idNatPs) {
        if (idNatPs.startsWith("8")) {
            return "RPPS";
        }
        if (idNatPs.startsWith("0")) {
            return "ADELI";
        }
        return null;
    }
}
