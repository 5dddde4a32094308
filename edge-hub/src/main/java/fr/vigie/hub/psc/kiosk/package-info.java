/**
 * CIBA sign-ins that kiosks ask the hub for, over the device API: a kiosk names the idNat_PS of
 * the card in its reader (channel {@code CARD}) or of the identifier a clinician chose (channel
 * {@code MOBILE}) and its own session id; the hub runs CIBA with Pro Santé Connect, keeps the
 * tokens, binds them to that kiosk session only through
 * {@link fr.vigie.hub.psc.SessionBindingGuard}, and answers the kiosk's polls with who signed in
 * and their exercices — never with a token.
 *
 * <p>{@link fr.vigie.hub.psc.kiosk.KioskCiba} is the service, {@link fr.vigie.hub.psc.kiosk.PscGateway}
 * the gateway it drives (discovered lazily, so a hub whose PSC is down still starts), and
 * {@link fr.vigie.hub.psc.kiosk.PscDeviceRoutes} serves the routes of {@link fr.vigie.protocol.device.CibaApi}
 * (start, status, exercice chosen), with the device API's codes ({@link fr.vigie.protocol.device.CibaError}).
 * A kiosk only ever sees its own requests: another kiosk's request id answers 404 like an unknown one.
 *
 * <p>The requests are kept in the hub database ({@link fr.vigie.hub.psc.kiosk.CibaRequests}, table
 * {@code psc_ciba_requests}), PSC's {@code auth_req_id} and the tokens sealed with
 * {@link fr.vigie.hub.db.DataSeal}: every hub sharing the database answers for every request, and takes
 * polling PSC over, under a lease, from a hub that stopped.
 */
package fr.vigie.hub.psc.kiosk;
