/**
 * The kiosk's fleet side: signed configuration bundles verified, applied atomically, health-checked
 * and rolled back ({@link fr.vigie.kiosk.fleet.ConfigAgent}); the hub's remote commands
 * ({@link fr.vigie.kiosk.fleet.CommandAgent}: reload-config, rotate-cert through
 * {@link fr.vigie.kiosk.fleet.CertificateRotation}, diagnostics, reboot through
 * {@link fr.vigie.kiosk.fleet.Reboot}); wired to the hub link by {@link fr.vigie.kiosk.fleet.KioskFleet}.
 */
package fr.vigie.kiosk.fleet;
