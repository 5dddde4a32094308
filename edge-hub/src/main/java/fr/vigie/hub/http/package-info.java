/**
 * What the hub's two HTTP listeners (console and REST API, device API) share in front of their
 * routes: {@link fr.vigie.hub.http.RequestGate} (the {@code Host} must name the hub, bodies carry a
 * media type their route takes and parse, refusals answered with stable codes and never a stack trace)
 * and {@link fr.vigie.hub.http.SourceAddress} (who sends a request, for per-source limits).
 */
package fr.vigie.hub.http;
