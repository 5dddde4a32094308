/**
 * The clinician workstation of a kiosk, wired from its configuration
 * ({@link fr.vigie.kiosk.station.StationConfig}, the {@code kiosk.ui.*}, {@code kiosk.card.*},
 * {@code kiosk.gpio} and {@code kiosk.session.*} keys) by {@link fr.vigie.kiosk.station.SignInStation}:
 * readers, session, GPIO board and touch UI.
 */
package fr.vigie.kiosk.station;
