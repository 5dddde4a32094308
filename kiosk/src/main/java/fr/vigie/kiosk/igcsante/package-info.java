/**
 * Trust in clinicians' cards on the kiosk: the configured IGC-Santé anchors, the CRLs fetched from
 * the hub and cached on disk so that card sign-in works while the hub is unreachable, and the
 * certificate check the session uses.
 *
 * <ul>
 * <li>{@link fr.vigie.kiosk.igcsante.CardTrust}: built from {@link fr.vigie.kiosk.CardTrustSettings}
 * ({@code kiosk.igc-sante.*}), owns the cache and the periodic refresh, and gives the session its
 * {@link fr.vigie.kiosk.session.CertificateCheck}.</li>
 * <li>{@link fr.vigie.kiosk.igcsante.CrlSource}: where CRL bundles come from; {@link
 * fr.vigie.kiosk.igcsante.HttpCrlSource} is a plain GET of the hub's public CRL URL (CRLs are public,
 * signed data: their signatures, not the transport, make them trustworthy).</li>
 * <li>{@link fr.vigie.kiosk.igcsante.CrlRefresher}: one fetch, each CRL checked on its own; a bad
 * one is rejected with its reason and the one held is kept.</li>
 * </ul>
 */
package fr.vigie.kiosk.igcsante;
