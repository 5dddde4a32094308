/**
 * The hub's HTTP surface (Javalin): the REST API ({@code /api/v1/devices}, {@code /api/v1/events}),
 * {@code /healthz}, {@code /metrics} in the Prometheus text format, and the IT console at {@code /}
 * (French by default, English on request; every text from the {@code i18n/console_*.properties}
 * bundles).
 *
 * <p>Every route but {@code /healthz}, {@code /metrics}, the FHIR API {@code /fhir/**} (which
 * checks its callers' tokens itself, {@code fr.vigie.hub.fhir}), static assets and the sign-in
 * page is for signed-in IT staff (an application's {@code FHIR_READER} token gets 403 here) ({@link fr.vigie.hub.web.StaffRoutes}): a filter authenticates the
 * session cookie (with its CSRF token on changes) or the API bearer token, enforces the role (viewer:
 * read only; a few reads are for admins only, such as the INSi call record of
 * {@link fr.vigie.hub.web.InsiCallRoutes}) and leaves the login in {@code ctx.attribute("vigie.staff")}
 * for the audit log and as the operator of identity changes ({@link fr.vigie.hub.web.IdentityRoutes}: never a
 * field of the request). The console
 * pages ({@code /}, {@code /device}, {@code /enrolments}, {@code /configuration}, {@code /audit},
 * {@code /vigilance}, {@code /staff}, {@code /gam}) are jte templates compiled with the hub ({@code src/main/jte/web/*.jte}, see
 * {@link fr.vigie.hub.web.ConsolePage}), rendered once per language at start-up: they share their head, header and
 * navigation through {@code web/layout.jte}, their tables through {@code web/table.jte}, and their script helpers
 * through {@code common.js}; the engine escapes every text (never output one with {@code $unsafe}:
 * {@code ConsoleTemplatesTest} refuses it); scripts put data into the page only as text. To add a
 * page: a template {@code web/<name>.jte} calling {@code @template.web.layout(...)}, its texts in both
 * {@code console_*.properties} bundles, a script {@code console/<name>.js}, its name in {@code ConsoleRoutes} and its
 * link in the layout's navigation.
 *
 * <p>Every request passes {@link fr.vigie.hub.http.RequestGate} before anything else ({@code Host} among
 * {@code hub.http.names}, JSON bodies well-formed) and every answer carries the headers of
 * {@code SecurityHeaders}. Bad request parameters are rejected with 400 and a JSON body naming the parameter
 * ({@link fr.vigie.hub.web.BadRequest}). The {@code /staff} page lists IT accounts and sign-in locks.
 */
package fr.vigie.hub.web;
