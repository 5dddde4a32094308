/**
 * PKI with Bouncy Castle, in one package per idea; this root package holds what they all build on.
 *
 * <ul>
 * <li>{@link fr.vigie.provisioning.siteca}: the hub's site CA (root and issuing CA encrypted at rest,
 * device and server certificates, CRL) and the check of a device certificate a kiosk presents.</li>
 * <li>{@link fr.vigie.provisioning.device}: the kiosk's own identity (key generated and kept on the
 * device, CSRs, installed chain, renewal, root pinning before enrolment).</li>
 * <li>{@link fr.vigie.provisioning.igcsante}: health professionals' cards: IGC-Santé anchors, CRLs and
 * the validation of a card's authentication certificate.</li>
 * <li>{@link fr.vigie.provisioning.enrolment}: the enrolment protocol's messages and bootstrap tokens.</li>
 * <li>{@link fr.vigie.provisioning.signing}: the hub's signing key and its one ES256 JWS path.</li>
 * </ul>
 *
 * <p>Here, the shared building blocks: PEM ({@link fr.vigie.provisioning.Pem}), EC P-256 keys
 * ({@link fr.vigie.provisioning.EcKeys}), encrypted PKCS#12 files ({@link fr.vigie.provisioning.Pkcs12Files})
 * written atomically ({@link fr.vigie.provisioning.AtomicFiles}), how a kiosk is named in certificates
 * ({@link fr.vigie.provisioning.SubjectNames}), the certificate profiles and checks of the site PKI
 * ({@link fr.vigie.provisioning.CertificateProfiles}, {@link fr.vigie.provisioning.CertificateChecks}), a CA's
 * revoked serials and CRL ({@link fr.vigie.provisioning.RevocationList}, {@link fr.vigie.provisioning.RevocationReason}),
 * TLS 1.3 contexts ({@link fr.vigie.provisioning.TlsContexts}), and the module's rejections:
 * {@link fr.vigie.provisioning.ProvisioningException} with a stable {@link fr.vigie.provisioning.ProvisioningError}
 * code; failures of the machine are {@link java.io.IOException}s. Other modules should need only the
 * errors from here: the building blocks are public for the sibling packages.
 *
 * <p>Nothing in this module logs or returns a private key.
 */
package fr.vigie.provisioning;
