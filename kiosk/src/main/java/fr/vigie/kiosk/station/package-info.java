/**
 * The clinician workstation of a kiosk, wired from its configuration
 * ({@link fr.vigie.kiosk.config.StationConfig}, the {@code kiosk.ui.*}, {@code kiosk.card.*},
 * {@code kiosk.gpio}, {@code kiosk.gpio.*} and {@code kiosk.session.*} keys) by
 * {@link fr.vigie.kiosk.station.SignInStation}: readers, session, GPIO board (on the configured pins; one INFO
 * line at start says which provider it runs on and why) and touch UI.
 */
package fr.vigie.kiosk.station;
