package fr.vigie.hub.web;

import io.javalin.Javalin;
import java.util.List;

/**
 * The IT console's pages beyond the device list ({@code /}) and their scripts. Each page is static
 * HTML rendered once per language ({@link ConsolePage}); its script reads the data from the REST API
 * and puts it into the page only as text. The staff sign-in ({@link StaffGuard}) is in front of every
 * page; admin-only controls are hidden for viewers and refused by the API anyway.
 *
 * <pre>
 * GET /device?site=&amp;kiosk=   one kiosk: heartbeat content, group, recent events, commands, revocation
 * GET /enrolments            pending enrolments (approve with the code shown on the kiosk, reject), bootstrap tokens
 * GET /configuration         a group's configuration: edit, roll out, live progress, re-issue an earlier version
 * GET /audit                 the audit log, filtered, and the verification of its hash chain
 * GET /staff                 IT accounts and the sign-in locks of accounts and addresses, lifted with a button
 * GET /gam                   the identity feed to the GAM: its state, refused messages (sent again by an admin),
 *                            waiting and accepted ones (routes: {@link fr.vigie.hub.gam.GamRoutes})
 * GET /sso                   the applications opened from the kiosks without a password (single sign-on): register
 *                            one, a new secret shown once, remove (routes: {@link fr.vigie.hub.sso.SsoClientRoutes})
 * GET /accounts              clinicians' local accounts: card holders refused for want of one, IT's links to directory
 *                            accounts, link and unlink (routes: {@link fr.vigie.hub.directory.AccountLinkRoutes})
 * </pre>
 */
final class ConsoleRoutes {
    private static final List<String> PAGES = List.of("device", "enrolments", "configuration", "audit", "staff", "gam",
            "sso", "accounts");

    private ConsoleRoutes() {
    }

    static void mount(Javalin app) {
        for (String name : PAGES) {
            ConsolePage page = new ConsolePage(name);
            String script = ConsolePage.resource("console/" + name + ".js");
            app.get("/" + name, ctx -> HttpApi.page(ctx, page));
            app.get("/" + name + ".js", ctx -> HttpApi.asset(ctx, "text/javascript; charset=utf-8", script));
        }
    }
}
