package fr.vigie.protocol.device;

import java.util.Optional;

/**
 * The admission routes of the device API: a kiosk the hub knows as an admission desk, with an agent
 * proven there ({@link AgentApi}), asks the hub to find and qualify a patient's identity. The agent is
 * the one proven, never one the request names: a body with an {@value #AGENT_CLAIM_FIELD} field is refused
 * {@link AgentError#AGENT_CLAIM_REFUSED}. Bodies that are not the route's JSON are refused
 * {@link DeviceApiError#BAD_REQUEST}.
 *
 * <pre>
 * POST /device/v1/admission/traits         {@link TraitsRequest}   → 200 {@link AdmissionAnswer}
 * POST /device/v1/admission/vitale         {@link VitaleRequest}   → 200 {@link AdmissionAnswer}
 * POST /device/v1/admission/apcv           {@link ApcvRequest}     → 200 {@link AdmissionAnswer}
 * POST /device/v1/admission/{id}/document  {@link DocumentRequest} → 200 {@link AdmissionAnswer}
 *   refused: 403 NOT_AN_ADMISSION_DESK, AGENT_NOT_PROVEN (before the body is read); 400 BAD_REQUEST,
 *   AGENT_CLAIM_REFUSED; an {@link AdmissionError} with its status (INSI_TRAITS_REJECTED with
 *   {@link Refusal#rejections()}, IDENTITY_MISMATCH / IDENTITY_CHANGE_REQUESTED with {@link Refusal#comparison()})
 * </pre>
 */
public final class AdmissionApi {
    /** INSi with typed strict traits. */
    public static final DeviceRoute<TraitsRequest, AdmissionAnswer> TRAITS = DeviceRoute.post(
            "/device/v1/admission/traits", TraitsRequest.class, AdmissionAnswer.class, 200, DeviceApiError.BAD_REQUEST)
            .forbidding(AdmissionApi.AGENT_CLAIM_FIELD, AgentError.AGENT_CLAIM_REFUSED);
    /** INSi with a beneficiary read from a Vitale card. */
    public static final DeviceRoute<VitaleRequest, AdmissionAnswer> VITALE = DeviceRoute.post(
            "/device/v1/admission/vitale", VitaleRequest.class, AdmissionAnswer.class, 200, DeviceApiError.BAD_REQUEST)
            .forbidding(AdmissionApi.AGENT_CLAIM_FIELD, AgentError.AGENT_CLAIM_REFUSED);
    /** A carte Vitale app token: the identity is qualified at once. */
    public static final DeviceRoute<ApcvRequest, AdmissionAnswer> APCV = DeviceRoute.post(
            "/device/v1/admission/apcv", ApcvRequest.class, AdmissionAnswer.class, 200, DeviceApiError.BAD_REQUEST)
            .forbidding(AdmissionApi.AGENT_CLAIM_FIELD, AgentError.AGENT_CLAIM_REFUSED);
    /** The agent checked record {@code {id}}'s traits against a high-trust document. */
    public static final DeviceRoute<DocumentRequest, AdmissionAnswer> DOCUMENT = DeviceRoute.post(
            "/device/v1/admission/{id}/document", DocumentRequest.class, AdmissionAnswer.class, 200,
            DeviceApiError.BAD_REQUEST).forbidding(AdmissionApi.AGENT_CLAIM_FIELD, AgentError.AGENT_CLAIM_REFUSED);
    /** Every admission route is under this prefix (the hub checks the agent there, before any body is read). */
    public static final String PREFIX = "/device/v1/admission/";
    /** The field a request would name its own agent with: refused, whatever it names. */
    public static final String AGENT_CLAIM_FIELD = "agent";

    private AdmissionApi() {
    }

    /** A record id given in a request: positive when present. */
    static Optional<Long> recordId(Optional<Long> recordId) {
        Optional<Long> id = Fields.optional(recordId);
        id.ifPresent(v -> Fields.positive("recordId", v));
        return id;
    }
}
