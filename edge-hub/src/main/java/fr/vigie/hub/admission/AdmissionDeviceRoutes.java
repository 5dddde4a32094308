package fr.vigie.hub.admission;

import fr.vigie.hub.agent.AgentBinding;
import fr.vigie.hub.agent.ProvenAgents;
import fr.vigie.hub.deviceapi.DeviceCaller;
import fr.vigie.hub.deviceapi.DeviceRefused;
import fr.vigie.hub.deviceapi.DeviceRoutes;
import fr.vigie.hub.insi.VitaleQuery;
import fr.vigie.protocol.AgentProofApi;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.identity.BirthDate;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.RnivException;
import fr.vigie.protocol.identity.TraitsInput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The admission steps on the device API. The kiosk is the one its certificate proves
 * ({@link DeviceCaller}), and must be declared an admission desk on the hub; the agent is the one proven
 * at that kiosk ({@link ProvenAgents#require}: the agent's card signed a hub nonce, or the session's Pro
 * Santé Connect sign-in is bound), never one the request names: a body with {@code agent} is refused.
 * {@code recordId} is optional: without it the record holding the INS found is used, or a new one is made.
 * <pre>
 * POST /device/v1/admission/traits         {recordId?, nomNaissance, listePrenom, sexe, dateNaissance,
 *                                           lieuNaissance?, nomUtilise?, prenomUtilise?}
 * POST /device/v1/admission/vitale         {recordId?, matriculeIndividu, matriculeOd, nomNaissance,
 *                                           dateNaissance, rang}
 * POST /device/v1/admission/apcv           {recordId?, token}
 * POST /device/v1/admission/{id}/document  {document}   (PASSPORT, NATIONAL_ID_CARD_EU_EEA_CH, …)
 *   → 200 {source, identity{id, status, traits…, ins{masked, oid, matricule (QUAL only)}, document},
 *          differences[{trait, local, returned}], flagsRaised, insiSteps[{sent, codeCr}], matchedQuery?}
 *   → 403 NOT_AN_ADMISSION_DESK, AGENT_NOT_PROVEN (checked first, before the body is used);
 *     400 invalid (AGENT_CLAIM_REFUSED, INSI_TRAITS_REJECTED with rejections[{trait, code, reason}], APCV_…,
 *         BAD_REQUEST), 404 IDENTITY_NOT_FOUND, 409 RNIV_… or APCV_REPLAYED,
 *         409 IDENTITY_MISMATCH / IDENTITY_CHANGE_REQUESTED with comparison{source, recordId, recordStatus,
 *             local{traits…}, returned{traits…, insMasked}, differences, flagId?, changeRequestId?} (nothing changed),
 *         422 INSI_NO_MATCH / INSI_SEVERAL_MATCHES / INSI_KEY_NOT_VERIFIED / INSI_FAULT_…,
 *         503 INSI_UNAVAILABLE / INSI_TIMEOUT / …
 * </pre>
 */
public final class AdmissionDeviceRoutes implements DeviceRoutes {
    private static final String PROVEN = "vigie.admission.agent";
    private final AdmissionService admission;
    private final ProvenAgents agents;

    public AdmissionDeviceRoutes(AdmissionService admission, ProvenAgents agents) {
        this.admission = Objects.requireNonNull(admission, "admission");
        this.agents = Objects.requireNonNull(agents, "agents");
    }

    @Override
    public void mount(Javalin app) {
        // after the device API has authenticated the kiosk, before any body is read
        app.before("/device/v1/admission/*", ctx -> ctx.attribute(PROVEN, agents.require(DeviceCaller.of(ctx),
                ctx.path())));
        app.post("/device/v1/admission/traits", ctx -> {
            AdmissionJson.TraitsBody b = body(ctx, AdmissionJson.TraitsBody.class);
            answer(ctx, admission.byTraits(caller(ctx, b.agent()), new TraitsInput(b.nomNaissance(), b.listePrenom(),
                    b.sexe(), b.dateNaissance(), b.lieuNaissance(), b.nomUtilise(), b.prenomUtilise()), id(b.recordId())));
        });
        app.post("/device/v1/admission/vitale", ctx -> {
            AdmissionJson.VitaleBody b = body(ctx, AdmissionJson.VitaleBody.class);
            answer(ctx, admission.byVitale(caller(ctx, b.agent()), vitale(b), id(b.recordId())));
        });
        app.post("/device/v1/admission/apcv", ctx -> {
            AdmissionJson.ApcvBody b = body(ctx, AdmissionJson.ApcvBody.class);
            answer(ctx, admission.byApcv(caller(ctx, b.agent()), b.token(), id(b.recordId())));
        });
        app.post("/device/v1/admission/{id}/document", ctx -> {
            AdmissionJson.DocumentBody b = body(ctx, AdmissionJson.DocumentBody.class);
            HighTrustDocument document;
            try {
                document = HighTrustDocument.parse(b.document());
            } catch (RnivException e) {
                throw new AdmissionRejection(AdmissionRejection.Kind.INVALID, e.error().name(), e.getMessage());
            }
            answer(ctx, admission.documentChecked(caller(ctx, b.agent()), pathId(ctx), document));
        });
        app.exception(AdmissionRejection.class, (e, ctx) -> ctx.status(switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case NOT_RESOLVED -> 422;
            case UNAVAILABLE -> 503;
        }).json(AdmissionJson.of(e)));
    }

    private static void answer(Context ctx, AdmissionResult r) {
        ctx.header("Cache-Control", "no-store").json(AdmissionJson.of(r));
    }

    /** The kiosk and its proven agent; a request that names its own agent is refused, whoever it names. */
    private static AdmissionCaller caller(Context ctx, String claimedAgent) throws DeviceRefused {
        KioskAddress kiosk = DeviceCaller.of(ctx);
        AgentBinding proven = Objects.requireNonNull(ctx.attribute(PROVEN), "the admission filter did not run");
        if (claimedAgent != null) {
            throw new DeviceRefused(400, AgentProofApi.AGENT_CLAIM_REFUSED, "the agent is the one proven at this"
                    + " kiosk, never one the request names: remove the agent field");
        }
        return new AdmissionCaller(kiosk, proven.agent());
    }

    private static VitaleQuery vitale(AdmissionJson.VitaleBody b) throws AdmissionRejection {
        try {
            return new VitaleQuery(InsMatricule.parse(b.matriculeIndividu()), InsMatricule.parse(b.matriculeOd()),
                    b.nomNaissance(), BirthDate.parse(b.dateNaissance()), b.rang() == null ? 1 : b.rang());
        } catch (IdentityException e) {
            throw bad("the Vitale beneficiary is invalid: " + e.error());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw bad("the Vitale beneficiary is invalid: " + e.getMessage());
        }
    }

    private static OptionalLong id(Long recordId) throws AdmissionRejection {
        if (recordId != null && recordId <= 0) {
            throw bad("recordId must be a positive record id");
        }
        return recordId == null ? OptionalLong.empty() : OptionalLong.of(recordId);
    }

    private static long pathId(Context ctx) throws AdmissionRejection {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw bad("record ids are numbers");
        }
    }

    private static <T> T body(Context ctx, Class<T> type) throws AdmissionRejection {
        try {
            T body = ctx.bodyAsClass(type);
            if (body != null) {
                return body;
            }
        } catch (Exception e) { // Jackson's mapping errors arrive unchecked-by-sneak from Javalin
            // answered below
        }
        throw bad("the body is not the JSON object this route takes");
    }

    private static AdmissionRejection bad(String message) {
        return new AdmissionRejection(AdmissionRejection.Kind.INVALID, "BAD_REQUEST", message);
    }
}
