/**
 * {@code ./vigie kiosk check}: a kiosk's preflight on its own machine. {@link fr.vigie.kiosk.preflight.KioskCheck}
 * reads the settings as the kiosk does and {@link fr.vigie.kiosk.preflight.KioskPreflight} checks pcscd and the
 * readers, the hub's device API with its pinned root, the device identity, the GPIO provider (the station's own
 * choice) and the touch screen's page, one {@link fr.vigie.protocol.service.PreflightCheck} line each. It reads
 * only: no identity, secret or file is created.
 */
package fr.vigie.kiosk.preflight;
