package fr.vigie.protocol.device;

/**
 * The device API routes of kiosk CIBA sign-ins through Pro Santé Connect. The calling kiosk comes from its
 * client certificate: it starts sign-ins for itself and sees only its own. Answers never carry a token.
 * Refusals are {@link CibaError}s: the hub's own {@code CIBA_} codes, or PSC's {@code PSC_} ones (422 when
 * PSC refused, 502 when PSC could not be reached); a hub without PSC answers 503 {@code CIBA_UNAVAILABLE}.
 *
 * <pre>
 * POST /device/v1/psc/ciba                       {@link CibaStartRequest} → 201 {@link CibaStartAnswer}
 * GET  /device/v1/psc/ciba/{requestId}                                    → 200 {@link CibaStatusAnswer}
 * POST /device/v1/psc/ciba/{requestId}/exercice  {@link ExerciceChoice}   → 200 {@link Exercice}
 * </pre>
 */
public final class CibaApi {
    /** Starts a sign-in for the kiosk session. */
    public static final DeviceRoute<CibaStartRequest, CibaStartAnswer> START = DeviceRoute.post(
            "/device/v1/psc/ciba", CibaStartRequest.class, CibaStartAnswer.class, 201, CibaError.CIBA_REQUEST_INVALID);
    /** Where a sign-in stands. */
    public static final DeviceRoute<Void, CibaStatusAnswer> STATUS = DeviceRoute.get(
            "/device/v1/psc/ciba/{requestId}", CibaStatusAnswer.class, CibaError.CIBA_REQUEST_INVALID);
    /** The clinician chose the exercice they work under. */
    public static final DeviceRoute<ExerciceChoice, Exercice> EXERCICE = DeviceRoute.post(
            "/device/v1/psc/ciba/{requestId}/exercice", ExerciceChoice.class, Exercice.class, 200,
            CibaError.CIBA_REQUEST_INVALID);
    /** Every CIBA route is this path or under it. */
    public static final String PREFIX = "/device/v1/psc/ciba";

    private CibaApi() {
    }
}
