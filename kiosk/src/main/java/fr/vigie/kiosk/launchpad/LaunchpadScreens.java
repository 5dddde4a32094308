package fr.vigie.kiosk.launchpad;

import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.kiosk.session.ClinicianSession;
import fr.vigie.kiosk.session.SessionView;
import fr.vigie.kiosk.ui.KioskUi;
import fr.vigie.kiosk.ui.Screen;
import fr.vigie.kiosk.ui.ScreenPart;
import fr.vigie.kiosk.ui.ScreenSlot;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launchpad on the kiosk screen (slot {@code launchpad}, priority {@value #PRIORITY}: above the open-session
 * screen, below enrolment): the clinician's name, a button per application, sign-out (screen
 * {@code launchpad.apps}; {@code launchpad.opening} while the hub opens the SSO session, {@code launchpad.refused}
 * when it cannot); and
 * {@code GET /ui/x/launchpad/open?app=…&key=…}, which the kiosk page opens in the application window and answers
 * with a redirect to the application's start URI with a fresh ticket. Thread-safe.
 */
public final class LaunchpadScreens {
    /** Priority of the launchpad's slot: above the clinician session's ({@code SessionUi.PRIORITY}, 50). */
    public static final int PRIORITY = 60;
    private static final Logger LOG = LoggerFactory.getLogger(LaunchpadScreens.class);

    /** What the launchpad screen draws. */
    record Model(String who, List<Tile> tiles, String noticeKey) {
    }

    /** One application's button: its name and the kiosk-local address that opens it. */
    record Tile(String id, String name, String href) {
    }

    private final Launchpad launchpad;
    private final ClinicianSession session;
    private final Supplier<ScreenPart> extra;

    private LaunchpadScreens(Launchpad launchpad, ClinicianSession session, Supplier<ScreenPart> extra) {
        this.launchpad = launchpad;
        this.session = session;
        this.extra = extra;
    }

    /**
     * Puts the launchpad on {@code ui}.
     *
     * @param extra drawn under the launchpad (e.g. the demo's sandbox card controls); null for none
     */
    public static LaunchpadScreens attach(KioskUi ui, ClinicianSession session, Launchpad launchpad,
            Supplier<ScreenPart> extra) {
        LaunchpadScreens screens = new LaunchpadScreens(launchpad, session, extra);
        ui.addBundle("i18n.launchpad");
        ScreenSlot slot = ui.slot("launchpad", PRIORITY);
        ui.resource("launchpad", "open", screens::open);
        launchpad.addListener(slot::refresh);
        slot.showLatest(screens::screen);
        return screens;
    }

    private Screen screen() {
        Launchpad.State s = launchpad.state();
        if (s instanceof Launchpad.State.None) {
            return null;
        }
        SessionView v = session.view();
        String who = v.clinician() == null ? (v.idNatPs() == null ? "" : v.idNatPs())
                : (v.clinician().givenName() + " " + v.clinician().familyName()).trim();
        Model m;
        String id;
        if (s instanceof Launchpad.State.Ready r) {
            id = "launchpad.apps";
            m = new Model(who, r.applications().stream().map(a -> new Tile("app-" + a.clientId(), a.name(),
                    "/ui/x/launchpad/open?app=" + encode(a.clientId()) + "&key=" + encode(r.key()))).toList(), null);
        } else if (s instanceof Launchpad.State.Refused r) {
            id = "launchpad.refused";
            m = new Model(who, List.of(), Launchpad.CARD_NEEDED.equals(r.code()) ? "launchpad.card-needed"
                    : "launchpad.hub-refused");
        } else {
            id = "launchpad.opening";
            m = new Model(who, List.of(), "launchpad.opening");
        }
        Screen screen = Screen.of(id, "launchpad/apps.jte", m);
        return screen.with(extra == null ? null : extra.get());
    }

    private void open(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Optional<URI> target;
        try {
            target = launchpad.open(ctx.queryParam("app"), ctx.queryParam("key"));
        } catch (HubApiException e) {
            LOG.warn("an application could not be opened: the hub answered {}", e.error());
            ctx.status(503).contentType("text/plain; charset=utf-8").result(
                    "L'application n'a pas pu être ouverte : le serveur du site n'a pas répondu. Revenez au poste"
                            + " et réessayez.\n\nThe application could not be opened: the site server did not answer.");
            return;
        }
        if (target.isEmpty()) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("Cette application n'est plus proposée"
                    + " sur ce poste.\n\nThis application is no longer offered on this kiosk.");
            return;
        }
        ctx.header("Referrer-Policy", "no-referrer").redirect(target.get().toString(),
                io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
