package fr.vigie.kiosk.session.ui;

import fr.vigie.hardware.card.CpsHolder;
import fr.vigie.kiosk.session.SessionReason;
import fr.vigie.kiosk.session.SessionView;
import fr.vigie.kiosk.ui.Html;
import fr.vigie.kiosk.ui.Html.Style;
import fr.vigie.kiosk.ui.Html.Tone;
import fr.vigie.kiosk.ui.Screen;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The sign-in screens, one per session state, in words a nurse understands. Screen ids:
 * {@code session.idle}, {@code session.card}, {@code session.pin}, {@code session.verifying},
 * {@code session.open}, {@code session.locked}, {@code session.refused}. Stateless.
 */
final class SessionScreens {
    /** The PIN length of a CPS card (DOMAIN §6). */
    static final int PIN_DIGITS = 4;

    private SessionScreens() {
    }

    /**
     * @param exercice what the clinician practises as, if known (from PSC), else null
     * @param extra drawn under every screen (the sandbox controls in the demo), or null
     */
    static Screen of(SessionView v, String exercice, Consumer<Html> extra) {
        return switch (v.state()) {
            case IDLE, CLOSED -> screen("session.idle", extra, h -> idle(h, v.reason()));
            case CARD_DETECTED -> screen("session.card", extra, h -> h.heading("session.card.title", name(v.clinician()))
                    .para("session.card.reading"));
            case PIN_ENTRY -> screen("session.pin", extra, h -> pin(h, v));
            case VERIFYING -> screen("session.verifying", extra, h -> h.heading("session.verifying.title")
                    .para("session.verifying.hint"));
            case OPEN -> screen("session.open", extra, h -> open(h, v.clinician(), exercice));
            case LOCKED -> screen("session.locked", extra, h -> locked(h, v));
            case REFUSED -> screen("session.refused", extra, h -> refused(h, v));
        };
    }

    private static Screen screen(String id, Consumer<Html> extra, Consumer<Html> body) {
        return Screen.of(id, h -> {
            body.accept(h);
            if (extra != null) {
                extra.accept(h);
            }
        });
    }

    private static void idle(Html h, SessionReason reason) {
        h.heading("session.idle.title").para("session.idle.hint");
        String note = reason == null ? null : switch (reason) {
            case CARD_REMOVED -> "session.idle.card-removed";
            case LOGOUT -> "session.idle.logout";
            case GRACE_EXPIRED -> "session.idle.grace-expired";
            case REAUTH_SWITCH -> "session.idle.switched";
            default -> null;
        };
        if (note != null) {
            h.notice("idle-note", Tone.INFO, note);
        }
    }

    private static void pin(Html h, SessionView v) {
        h.heading("session.pin.title", name(v.clinician())).para("session.pin.hint");
        if (v.reason() == SessionReason.PIN_WRONG && v.pinTriesLeft() > 0) {
            h.notice("pin-wrong", Tone.WARN, "session.pin.wrong", v.pinTriesLeft());
            if (v.pinTriesLeft() == 1) {
                h.notice("pin-last-try", Tone.ERROR, "session.pin.last-try");
            }
        } else if (v.reason() == SessionReason.PIN_FORMAT) {
            h.notice("pin-format", Tone.WARN, "session.pin.format");
        }
        h.secretPad("pin-pad", "session/pin", PIN_DIGITS, "session.pin.clear", "session.pin.submit")
                .paragraph(null, "hint", "session.pin.cancel-hint");
    }

    private static void open(Html h, CpsHolder who, String exercice) {
        h.heading("session.open.title").open("p", "who", "who").text(name(who)).close();
        String kind = idKind(who.idNatPs());
        if (kind == null) {
            h.para("session.open.id", who.idNatPs());
        } else {
            h.para("session.open.id-typed", who.idNatPs(), kind);
        }
        if (exercice != null) {
            h.paragraph(null, "exercice", "session.open.exercice", exercice);
        }
        h.paragraph(null, "hint", "session.open.lock-hint").button("logout", "session/logout", "session.open.logout", Style.SECONDARY);
    }

    private static void locked(Html h, SessionView v) {
        h.heading("session.locked.title").open("p", "who", "who").text(h.message("session.locked.who", name(v.clinician())))
                .close();
        String why = v.reason() == null ? null : switch (v.reason()) {
            case CARD_REMOVED -> "session.locked.card-removed";
            case WALKED_AWAY -> "session.locked.walked-away";
            case IDLE_TIMEOUT -> "session.locked.idle";
            case CARD_INSERTED -> "session.locked.card-inserted";
            default -> null;
        };
        if (v.reason() == SessionReason.REAUTH_WINDOW_EXPIRED) {
            h.notice("window-expired", Tone.WARN, "session.locked.window-expired");
        } else {
            if (why != null) {
                h.notice("lock-reason", Tone.INFO, why);
            }
            h.para("session.locked.hint");
        }
        h.button("logout", "session/logout", "session.locked.logout", Style.SECONDARY);
    }

    private static void refused(Html h, SessionView v) {
        h.heading("session.refused.title");
        String why = switch (v.reason() == null ? SessionReason.CARD_ERROR : v.reason()) {
            case PIN_BLOCKED -> "session.refused.pin-blocked";
            case PIN_ENTRY_TIMEOUT -> "session.refused.pin-timeout";
            case CERTIFICATE_REJECTED -> certificateRefusal(v.refusalDetail());
            default -> "session.refused.card-error";
        };
        h.notice("refusal", Tone.ERROR, why).paragraph(null, "remove", "session.refused.remove");
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
