/**
 * Software updates of the kiosk from its hub's signed package repository (issue 14). The kiosk itself runs
 * unprivileged and never installs anything: {@link fr.vigie.kiosk.update.RepositoryMirror} copies the hub's
 * repository (signed metadata and the packages asked for) over the device API's mutual TLS into
 * {@code <data>/updates/mirror}, {@link fr.vigie.kiosk.update.UpdateFiles} leaves a request for the root unit
 * {@code vigie-kiosk-update.service} (packaging/deb/vigie-kiosk), which runs the real APT against that mirror with
 * {@code signed-by} the pinned repository key, restarts the kiosk, checks it, rolls back by itself, and leaves its
 * outcome, which the kiosk reports to the hub through its outbox. {@link fr.vigie.kiosk.update.MaintenanceWindow}
 * says when an update may start.
 */
package fr.vigie.kiosk.update;
