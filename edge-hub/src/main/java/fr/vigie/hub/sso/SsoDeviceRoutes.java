package fr.vigie.hub.sso;

import fr.vigie.hub.agent.CardProof;
import fr.vigie.hub.deviceapi.DeviceCaller;
import fr.vigie.hub.deviceapi.DeviceExchange;
import fr.vigie.hub.deviceapi.DeviceRoutes;
import fr.vigie.hub.deviceapi.DeviceRefused;
import fr.vigie.protocol.device.NonceAnswer;
import fr.vigie.protocol.device.SsoApplication;
import fr.vigie.protocol.device.SsoApplicationsAnswer;
import fr.vigie.protocol.device.SsoError;
import fr.vigie.protocol.device.SsoApi;
import fr.vigie.protocol.device.SsoSessionAnswer;
import fr.vigie.protocol.device.SsoTicketAnswer;
import io.javalin.Javalin;
import java.util.List;

/**
 * The single sign-on routes on the device API ({@link SsoApi}): the kiosk is the one its certificate proves,
 * and acts on its own sessions only. Thread-safe.
 */
public final class SsoDeviceRoutes implements DeviceRoutes {
    private final SingleSignOn sso;

    public SsoDeviceRoutes(SingleSignOn sso) {
        this.sso = sso;
    }

    @Override
    public void mount(Javalin app) {
        DeviceExchange.serve(app, SsoApi.NONCE, (ctx, request) -> {
            var n = sso.nonce(DeviceCaller.of(ctx), request.kioskSessionId());
            return NonceAnswer.of(n.value(), n.expiresAt());
        });
        DeviceExchange.serve(app, SsoApi.CARD_SESSION, (ctx, request) -> answer(sso.openWithCard(DeviceCaller.of(ctx),
                CardProof.of(request.proof()), request.factor(), request.exercice())));
        DeviceExchange.serve(app, SsoApi.PSC_SESSION, (ctx, request) -> answer(sso.openThroughPsc(DeviceCaller.of(ctx),
                request.kioskSessionId(), request.cibaRequestId())));
        DeviceExchange.serve(app, SsoApi.TICKET, (ctx, request) -> {
            SingleSignOn.Ticket t = sso.ticket(DeviceCaller.of(ctx), request.kioskSessionId());
            return new SsoTicketAnswer(t.value(), t.expiresAt(), sso.issuer().map(i -> i + OpenIdProvider.AUTHORIZE)
                    .orElse(OpenIdProvider.AUTHORIZE));
        });
        DeviceExchange.serve(app, SsoApi.APPLICATIONS, (ctx, request) -> {
            List<SsoApplication> apps = sso.applications(DeviceCaller.of(ctx)).stream().map(a -> new SsoApplication(
                    a.clientId(), a.name(), a.startUri().toString(), a.minLevel().acr())).toList();
            return new SsoApplicationsAnswer(sso.issuer().map(Object::toString).orElseThrow(() -> new DeviceRefused(
                    SsoError.SSO_UNAVAILABLE, "the OpenID Provider is not listening yet")), apps);
        });
        DeviceExchange.serve(app, SsoApi.END, (ctx, request) -> {
            sso.end(DeviceCaller.of(ctx), request.kioskSessionId(), request.reason());
            return null;
        });
    }

    private static SsoSessionAnswer answer(SsoSession s) {
        return new SsoSessionAnswer(s.subject(), s.kioskSessionId(), s.level().acr(), s.expiresAt());
    }
}
