/**
 * The kiosk's side of Pro Santé Connect: the kiosk never talks to PSC, it asks its hub to run CIBA
 * ({@link fr.vigie.kiosk.psc.PscHub}, over the device API with {@link fr.vigie.kiosk.psc.HubPscClient})
 * and learns who signed in and their exercices, never a token. The session side lives in
 * {@link fr.vigie.kiosk.session.PscConnector}.
 */
package fr.vigie.kiosk.psc;
