/**
 * The IGC-Santé CRLs the hub distributes to its kiosks: {@link fr.vigie.hub.igcsante.CrlDistribution}
 * gathers them (the configured files, re-read when they change) and {@link fr.vigie.hub.igcsante.CrlRoutes} serves them as one PEM bundle at
 * {@code GET /pki/v1/igc-sante/crls}. CRLs are public, signed data: kiosks check every signature
 * against their own anchors, so the route needs no sign-in.
 */
package fr.vigie.hub.igcsante;
