/**
 * The kiosk's fleet side: signed configuration bundles verified, applied atomically, health-checked
 * and rolled back ({@link fr.vigie.kiosk.fleet.ConfigAgent}); the hub's signed remote commands
 * ({@link fr.vigie.kiosk.fleet.CommandAgent}: verified with the pinned hub key, carried out once —
 * received commands are remembered on disk until they expire — and refused with a stable code
 * otherwise; reload-config, rotate-cert through {@link fr.vigie.kiosk.fleet.CertificateRotation},
 * diagnostics, reboot through {@link fr.vigie.kiosk.fleet.Reboot}); wired to the hub link by
 * {@link fr.vigie.kiosk.fleet.KioskFleet}.
 */
package fr.vigie.kiosk.fleet;
