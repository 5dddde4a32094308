package fr.vigie.hub.enrol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.hub.deviceapi.DeviceCaller;
import fr.vigie.hub.deviceapi.DeviceRoutes;
import fr.vigie.hub.http.SourceAddress;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.enrolment.EnrolmentJson;
import fr.vigie.provisioning.enrolment.EnrolmentResult;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Enrolment and certificate routes on the device API.
 *
 * <pre>
 * POST /enrol/v1/requests              EnrolmentJson request → 202 {id, status: PENDING} | 201 {id, status: ISSUED};
 *                                      429 ENROLMENT_RATE_LIMITED (Retry-After), ENROLMENT_SOURCE_QUEUE_FULL,
 *                                      ENROLMENT_QUEUE_FULL: see {@link EnrolmentLimits}
 * GET  /enrol/v1/requests/{id}         {id, status, reason?, result?: EnrolmentJson result}
 * GET  /enrol/v1/crl                   the site CRL, PEM
 * GET  /device/v1/config/signing-key   {keyId, publicKeyPem}: the key configurations are signed with
 * POST /device/v1/certificate/renew    {csrPem} → {certificateChainPem}, for the caller's new key
 * POST /device/v1/certificate/installed {} → {superseded: n}: the caller's older certificates are revoked
 * </pre>
 */
public final class EnrolmentDeviceRoutes implements DeviceRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Enrolments enrolments;
    private final EnrolmentJson messages = new EnrolmentJson();
    private final ProtocolCodec codec = new ProtocolCodec();

    public EnrolmentDeviceRoutes(Enrolments enrolments) {
        this.enrolments = enrolments;
    }

    @Override
    public void mount(Javalin app) {
        RefusalJson.install(app);
        app.post("/enrol/v1/requests", this::submit);
        app.get("/enrol/v1/requests/{id}", this::poll);
        app.get("/enrol/v1/crl", ctx -> ctx.header("Cache-Control", "no-cache").contentType("application/x-pem-file")
                .result(enrolments.siteCa().currentCrlPem()));
        app.get("/device/v1/config/signing-key", ctx -> ctx.json(Map.of("keyId", enrolments.configKey().keyId(),
                "publicKeyPem", enrolments.configKey().publicKeyPem())));
        app.post("/device/v1/certificate/renew", this::renew);
        app.post("/device/v1/certificate/installed", ctx -> ctx.json(Map.of("superseded",
                enrolments.installed(DeviceCaller.of(ctx), DeviceCaller.certificate(ctx)))));
    }

    private void submit(Context ctx) throws Exception {
        EnrolmentView v;
        try {
            v = enrolments.submit(messages.readRequest(ctx.bodyAsBytes()), SourceAddress.of(ctx));
        } catch (ProvisioningException e) {
            throw new EnrolmentRefused(400, e.error().name(), e.getMessage());
        }
        ctx.status(EnrolmentView.ISSUED.equals(v.status()) ? 201 : 202).json(Map.of("id", v.id().toString(),
                "status", v.status()));
    }

    private void poll(Context ctx) throws Exception {
        EnrolmentView v = enrolments.find(RefusalJson.id(ctx));
        ObjectNode out = JSON.createObjectNode().put("id", v.id().toString()).put("status", v.status());
        if (v.reason() != null) {
            out.put("reason", v.reason());
        }
        Optional<EnrolmentRows.Issued> issued = enrolments.issued(v.id());
        if (issued.isPresent()) {
            EnrolmentResult result = new EnrolmentResult(KioskAddress.of(v.site(), v.kioskId()),
                    issued.get().chainPem(), codec.decodeConfig(issued.get().firstConfigJson()
                            .getBytes(StandardCharsets.UTF_8)));
            out.set("result", JSON.readTree(messages.encode(result)));
        }
        ctx.header("Cache-Control", "no-store").json(out);
    }

    private void renew(Context ctx) throws Exception {
        JsonNode body = JSON.readTree(ctx.bodyAsBytes());
        JsonNode csr = body == null ? null : body.get("csrPem");
        if (csr == null || !csr.isTextual()) {
            throw new EnrolmentRefused(400, EnrolmentRefused.INVALID, "body must be {\"csrPem\": \"…\"}");
        }
        ctx.json(Map.of("certificateChainPem", enrolments.renew(DeviceCaller.of(ctx), csr.textValue())));
    }
}
