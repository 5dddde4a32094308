package fr.vigie.protocol.device;

/**
 * The routes of an enrolled kiosk's own certificate and configuration key, on {@code /device/v1/} (mutual
 * TLS: the hub knows the kiosk from its certificate).
 *
 * <pre>
 * GET  /device/v1/config/signing-key     → 200 {@link SigningKeyAnswer}
 * POST /device/v1/certificate/renew      {@link RenewalRequest} → 200 {@link RenewalAnswer}, for the caller's new key;
 *                                        400 INVALID_PARAMETER, CSR_…, 403 CSR_SUBJECT_MISMATCH
 * POST /device/v1/certificate/installed  (no body) → 200 {@link InstalledAnswer}: the caller's older certificates
 *                                        are revoked as superseded
 * </pre>
 */
public final class CertificateApi {
    /** The key configurations are signed with. */
    public static final DeviceRoute<Void, SigningKeyAnswer> SIGNING_KEY = DeviceRoute.get(
            "/device/v1/config/signing-key", SigningKeyAnswer.class, DeviceApiError.BAD_REQUEST);
    /** A certificate for the caller's new key. */
    public static final DeviceRoute<RenewalRequest, RenewalAnswer> RENEW = DeviceRoute.post(
            "/device/v1/certificate/renew", RenewalRequest.class, RenewalAnswer.class, 200,
            EnrolmentError.INVALID_PARAMETER);
    /** The caller uses its new certificate now. */
    public static final DeviceRoute<Void, InstalledAnswer> INSTALLED = DeviceRoute.post(
            "/device/v1/certificate/installed", Void.class, InstalledAnswer.class, 200, DeviceApiError.BAD_REQUEST);

    private CertificateApi() {
    }
}
