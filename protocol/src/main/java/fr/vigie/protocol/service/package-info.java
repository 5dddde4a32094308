/**
 * Running as a systemd service: {@link fr.vigie.protocol.service.ServiceNotifier} tells the service manager
 * that the process is ready, and {@link fr.vigie.protocol.service.ServiceWatchdog} feeds the unit's watchdog
 * only while the application's {@link fr.vigie.protocol.service.HealthProbe} says it is healthy, so that
 * systemd restarts a hub or kiosk that is alive but no longer working. Outside systemd (no
 * {@code NOTIFY_SOCKET}) both do nothing. Like {@code retry}, this is here only because {@code protocol} is
 * the one module the kiosk and the hub share; nothing in it touches the wire. The same goes for the lines of a
 * site's preflight ({@link fr.vigie.protocol.service.PreflightCheck}, {@link fr.vigie.protocol.service.PreflightReport}),
 * which {@code ./vigie hub check} and {@code ./vigie kiosk check} print alike.
 */
package fr.vigie.protocol.service;
