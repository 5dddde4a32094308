package fr.vigie.provisioning;

/**
 * Stable codes for everything the provisioning module rejects. The console, the audit log, the
 * enrolment replies and the tests all speak of rejections by these names.
 *
 * <p>A code means the input (a CSR, a certificate, a token, a passphrase) was refused; it never
 * means the machine failed. Failures such as an unreadable disk surface as {@link java.io.IOException}.
 */
public enum ProvisioningError {
    /** The CSR is not one PEM-encoded PKCS#10 request. */
    CSR_MALFORMED,
    /** The CSR's self-signature does not verify with the key it carries, or is not ECDSA with SHA-256. */
    CSR_SIGNATURE_INVALID,
    /** The CSR's key is not an EC key on the P-256 curve (RSA, other curves). */
    CSR_KEY_NOT_P256,
    /** The CSR's subject or SAN is not {@code CN=<kioskId>, OU=<site>, O=Vigie} with the matching kiosk URN. */
    CSR_SUBJECT_INVALID,
    /** The CSR names a kiosk other than the one it is approved for, or a site other than the CA's. */
    CSR_SUBJECT_MISMATCH,
    /** The enrolment code presented does not match the CSR's public key. */
    ENROLMENT_CODE_MISMATCH,
    /** A certificate or certificate chain cannot be decoded, or is empty. */
    CERT_MALFORMED,
    /** The certificate (or its issuing CA) is past its notAfter at the time of the check. */
    CERT_EXPIRED,
    /** The certificate is before its notBefore at the time of the check. */
    CERT_NOT_YET_VALID,
    /** The certificate was not issued by this site's CA. */
    CERT_FOREIGN_CA,
    /**
     * The certificate does not chain to a configured trust anchor (e.g. the IGC-Santé roots): its
     * issuer is unknown, or a signature on the path does not verify.
     */
    CERT_UNTRUSTED_ISSUER,
    /** The certificate's serial number is on its issuer's revocation list (the site's, or an IGC-Santé CA's). */
    CERT_REVOKED,
    /**
     * The certificate is a CA, or lacks the key usage its role needs: digitalSignature (and the clientAuth
     * extended key usage for a device); a CA on a path without keyCertSign.
     */
    CERT_WRONG_USAGE,
    /** The certificate's subject or SAN does not name a kiosk, or names another kiosk than expected. */
    CERT_SUBJECT_INVALID,
    /** The certificate's public key is not the device's own key. */
    CERT_KEY_MISMATCH,
    /** The certificates of a chain are not each signed by the next one. */
    CERT_CHAIN_INVALID,
    /**
     * The revocation list is past its nextUpdate (plus the configured grace, for IGC-Santé CRLs):
     * revocation cannot be checked, so access is refused.
     */
    CRL_STALE,
    /** No revocation list of the certificate's issuer is held: revocation cannot be checked, so access is refused. */
    CRL_MISSING,
    /**
     * The revocation list is not signed by its issuer (the site's issuing CA, or a configured IGC-Santé
     * CA), is unreadable, older than the one held, or of a kind not supported (delta CRL).
     */
    CRL_INVALID,
    /** The device has no certificate yet: it must enrol first. */
    NOT_ENROLLED,
    /** The CA store exists but no passphrase was configured to open it. */
    CA_LOCKED,
    /** The passphrase does not open the CA store. */
    CA_PASSPHRASE_WRONG,
    /** The CA store opens but does not hold a usable root and issuing CA. */
    CA_STORE_INVALID,
    /** The device identity store cannot be opened with the device secret, or is damaged. */
    DEVICE_STORE_INVALID,
    /** No bootstrap token matches the one presented. */
    TOKEN_UNKNOWN,
    /** The bootstrap token is past its expiry. */
    TOKEN_EXPIRED,
    /** The bootstrap token has already been used once. */
    TOKEN_USED,
    /** The bootstrap token was issued for another kiosk. */
    TOKEN_WRONG_KIOSK
}
