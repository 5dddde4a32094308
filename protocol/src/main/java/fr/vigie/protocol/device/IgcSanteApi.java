package fr.vigie.protocol.device;

/**
 * The IGC-Santé CRLs the hub distributes, so that kiosks check CPS cards offline with fresh revocation
 * data. Enrolled kiosks fetch them over the device API; the same bundle is public (CRLs are public, signed
 * data) on the hub's console listener, where {@code kiosk.igc-sante.crl-url} may point.
 *
 * <pre>
 * GET /device/v1/igc-sante/crls   → 200 {@link CrlsAnswer} (up to {@value #MAX_CRLS_BYTES} bytes)
 * GET /pki/v1/igc-sante/crls      → 200 the same CRLs, PEM (console listener)
 * </pre>
 */
public final class IgcSanteApi {
    /** Largest CRL bundle a kiosk reads: 64 MiB. */
    public static final int MAX_CRLS_BYTES = 64 * 1024 * 1024;
    /** The CRLs, for an enrolled kiosk. */
    public static final DeviceRoute<Void, CrlsAnswer> CRLS = DeviceRoute.get("/device/v1/igc-sante/crls",
            CrlsAnswer.class, DeviceApiError.BAD_REQUEST).answersUpTo(MAX_CRLS_BYTES);
    /** The same CRLs, PEM, on the console listener. */
    public static final DeviceRoute<Void, String> PUBLIC_CRLS = DeviceRoute.getPem("/pki/v1/igc-sante/crls");

    private IgcSanteApi() {
    }
}
