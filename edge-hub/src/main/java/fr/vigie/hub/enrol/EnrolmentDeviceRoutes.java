package fr.vigie.hub.enrol;

import fr.vigie.hub.deviceapi.DeviceCaller;
import fr.vigie.hub.deviceapi.DeviceExchange;
import fr.vigie.hub.deviceapi.DeviceRefused;
import fr.vigie.hub.deviceapi.DeviceRoutes;
import fr.vigie.hub.http.SourceAddress;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.device.CertificateApi;
import fr.vigie.protocol.device.DeviceApiError;
import fr.vigie.protocol.device.EnrolmentApi;
import fr.vigie.protocol.device.EnrolmentProgress;
import fr.vigie.protocol.device.EnrolmentResult;
import fr.vigie.protocol.device.EnrolmentStatus;
import fr.vigie.protocol.device.EnrolmentTicket;
import fr.vigie.protocol.device.InstalledAnswer;
import fr.vigie.protocol.device.RenewalAnswer;
import fr.vigie.protocol.device.SigningKeyAnswer;
import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrolment and certificate routes on the device API ({@link EnrolmentApi}, {@link CertificateApi} give
 * the paths, bodies and codes): a kiosk asks for its certificate and polls until IT decides; an enrolled
 * kiosk reads the configuration key, renews its certificate and reports the new one installed. Refusals of
 * the {@link Enrolments} service are answered with their {@link fr.vigie.protocol.device.EnrolmentError}
 * (429s with {@code Retry-After}: see {@link EnrolmentLimits}). Thread-safe.
 */
public final class EnrolmentDeviceRoutes implements DeviceRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(EnrolmentDeviceRoutes.class);
    private final Enrolments enrolments;
    private final ProtocolCodec codec = new ProtocolCodec();

    public EnrolmentDeviceRoutes(Enrolments enrolments) {
        this.enrolments = enrolments;
    }

    @Override
    public void mount(Javalin app) {
        DeviceExchange.serve(app, EnrolmentApi.SUBMIT, (ctx, request) -> {
            EnrolmentView v = enrolments.submit(request, SourceAddress.of(ctx));
            return new EnrolmentTicket(v.id().toString(), v.status());
        });
        DeviceExchange.serve(app, EnrolmentApi.PROGRESS, (ctx, none) -> progress(enrolments.find(
                RefusalJson.id(DeviceExchange.parameter(ctx, EnrolmentApi.PROGRESS)))));
        DeviceExchange.serve(app, EnrolmentApi.SITE_CRL, (ctx, none) -> {
            ctx.header("Cache-Control", "no-cache");
            return enrolments.siteCa().currentCrlPem();
        });
        DeviceExchange.serve(app, CertificateApi.SIGNING_KEY, (ctx, none) -> new SigningKeyAnswer(
                enrolments.configKey().keyId(), enrolments.configKey().publicKeyPem()));
        DeviceExchange.serve(app, CertificateApi.RENEW, (ctx, request) -> new RenewalAnswer(
                enrolments.renew(DeviceCaller.of(ctx), request.csrPem())));
        DeviceExchange.serve(app, CertificateApi.INSTALLED, (ctx, none) -> new InstalledAnswer(
                enrolments.installed(DeviceCaller.of(ctx), DeviceCaller.certificate(ctx))));
        app.exception(EnrolmentRefused.class, (e, ctx) -> {
            if (e.status() == 429) {
                LOG.debug("{} {} refused: {} {}", ctx.method(), ctx.path(), e.code(), e.getMessage()); // summarised
            } else {
                LOG.info("{} {} refused: {} {}", ctx.method(), ctx.path(), e.code(), e.getMessage());
            }
            DeviceExchange.refuse(ctx, refusal(e));
        });
    }

    private EnrolmentProgress progress(EnrolmentView v) throws Exception {
        // read after the status: a request approved in between is answered PENDING, and ISSUED at the next poll
        Optional<EnrolmentRows.Issued> issued = v.status() == EnrolmentStatus.ISSUED ? enrolments.issued(v.id())
                : Optional.empty();
        Optional<EnrolmentResult> result = Optional.empty();
        if (issued.isPresent()) {
            result = Optional.of(EnrolmentResult.of(KioskAddress.of(v.site(), v.kioskId()), issued.get().chainPem(),
                    codec.decodeConfig(issued.get().firstConfigJson().getBytes(StandardCharsets.UTF_8))));
        }
        return new EnrolmentProgress(v.id().toString(), v.status(), Optional.ofNullable(v.reason()), result);
    }

    /** The device API's refusal of what the enrolment service refused. */
    private static DeviceRefused refusal(EnrolmentRefused e) {
        if (e.contractError().isEmpty()) {
            LOG.error("enrolment refusal {} has no code of the device API: answered as an internal error", e.code());
            return new DeviceRefused(DeviceApiError.INTERNAL_ERROR, "the hub could not answer");
        }
        return new DeviceRefused(e.contractError().get(), e.getMessage(), e.retryAfter());
    }
}
