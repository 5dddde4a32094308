/**
 * The hub's HTTP surface (Javalin): the REST API ({@code /api/v1/devices}, {@code /api/v1/events}),
 * {@code /healthz}, {@code /metrics} in the Prometheus text format, and the IT console at {@code /}
 * (French by default, English on request; every text from the {@code i18n/console_*.properties}
 * bundles).
 *
 * <p>Bad request parameters are rejected with 400 and a JSON body naming the parameter
 * ({@link fr.vigie.hub.web.BadRequest}).
 */
package fr.vigie.hub.web;
