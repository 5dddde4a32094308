/**
 * Health professionals' cards: {@link fr.vigie.provisioning.igcsante.IgcSanteTrust} (the configured
 * IGC-Santé anchors and intermediates), {@link fr.vigie.provisioning.igcsante.IgcSanteCrls} (their CRLs,
 * verified and cached on disk) and {@link fr.vigie.provisioning.igcsante.IgcSanteValidator} (path, validity,
 * key usage and revocation of a card's authentication certificate, with a grace for stale CRLs, giving a
 * {@link fr.vigie.provisioning.igcsante.ProfessionalCertificate}).
 */
package fr.vigie.provisioning.igcsante;
