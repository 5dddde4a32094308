/**
 * {@code ./vigie hub check}: a site's preflight of the hub's external services before (and after) it goes live.
 * {@link fr.vigie.hub.preflight.HubCheck} reads the settings through the hub's own readers
 * ({@link fr.vigie.hub.PreflightSettings}) and {@link fr.vigie.hub.preflight.HubPreflight} checks, for PSC, INSi,
 * ApCV and the GAM, the client certificate (CertificateChecks), the TLS connection (Reachability) and what each
 * service publishes (ServiceDocuments), one {@link fr.vigie.protocol.service.PreflightCheck} line per check. It
 * changes nothing: no file is written, no request is sent beyond a HEAD and the GETs of published documents.
 */
package fr.vigie.hub.preflight;
