/**
 * Device identity and site PKI with Bouncy Castle.
 *
 * <ul>
 * <li>Kiosk side: {@link fr.vigie.provisioning.DeviceIdentity} (EC P-256 key generated and kept on
 * the device, CSRs, installed chain, renewal at two thirds of the lifetime, mutual-TLS
 * {@code SSLContext}) and {@link fr.vigie.provisioning.DeviceSecret}.</li>
 * <li>Hub side: {@link fr.vigie.provisioning.SiteCa} (root and issuing CA encrypted at rest,
 * device and server certificates, CRL), {@link fr.vigie.provisioning.DeviceCsr} (checked CSRs) and
 * {@link fr.vigie.provisioning.DeviceCertificates} (verifying a presented device certificate and
 * naming its kiosk, for the broker's access control).</li>
 * <li>The hub's signing key: {@link fr.vigie.provisioning.SigningKeyStore} keeps it encrypted;
 * {@link fr.vigie.provisioning.HubJwsSigner} and {@link fr.vigie.provisioning.HubJwsVerifier} are the
 * one ES256 compact-JWS path for everything it signs (configuration bundles, commands, audit heads),
 * each kind told apart by its {@code typ}; refusals are {@link fr.vigie.provisioning.HubJwsException}s.</li>
 * <li>Health professionals' cards: {@link fr.vigie.provisioning.IgcSanteTrust} (the configured
 * IGC-Santé anchors and intermediates), {@link fr.vigie.provisioning.IgcSanteCrls} (their CRLs,
 * verified and cached on disk), {@link fr.vigie.provisioning.IgcSanteValidator} (path, validity,
 * key usage and revocation of a card's authentication certificate, with a grace for stale CRLs) and
 * {@link fr.vigie.provisioning.IgcSanteSandboxCa} (an IGC-Santé-like hierarchy for the sandbox,
 * the demo and tests).</li>
 * <li>Rejections: {@link fr.vigie.provisioning.ProvisioningException} with a stable
 * {@link fr.vigie.provisioning.ProvisioningError} code; failures of the machine are
 * {@link java.io.IOException}s.</li>
 * </ul>
 *
 * The enrolment messages live in {@link fr.vigie.provisioning.enrolment}. Nothing in this module
 * logs or returns a private key.
 */
package fr.vigie.provisioning;
