package fr.vigie.hub.psc.kiosk;

import fr.vigie.hub.deviceapi.DeviceCaller;
import fr.vigie.hub.deviceapi.DeviceRoutes;
import fr.vigie.hub.psc.CibaChannel;
import fr.vigie.hub.psc.PscException;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.protocol.identity.IdentityException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The device-API routes of kiosk CIBA sign-ins (see the package documentation for the paths). The
 * calling kiosk comes from its client certificate; it can only start sign-ins for itself and see its
 * own. Errors answer {@code {"error": CODE, "message": …}}: {@link KioskCibaError} codes, or a
 * {@link fr.vigie.hub.psc.PscError} with 422 when PSC refused the request and 502 when PSC could not
 * be reached. Answers never carry a token. Thread-safe.
 */
public final class PscDeviceRoutes implements DeviceRoutes {
    static final String BASE = "/device/v1/psc/ciba";
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final KioskCiba ciba;

    /** Routes over {@code ciba} for the device API, where the kiosk's certificate names the caller. */
    public PscDeviceRoutes(KioskCiba ciba) {
        this.ciba = Objects.requireNonNull(ciba, "ciba");
    }

    /** Adds the routes to the hub's device listener. */
    @Override
    public void mount(Javalin app) {
        app.post(BASE, ctx -> answer(ctx, () -> start(ctx)));
        app.get(BASE + "/{requestId}", ctx -> answer(ctx, () -> {
            KioskAddress kiosk = DeviceCaller.of(ctx);
            String id = ctx.pathParam("requestId");
            CibaStatus s = ciba.status(kiosk, id).orElseThrow(() -> new KioskCibaException(
                    KioskCibaError.CIBA_REQUEST_UNKNOWN, "no sign-in request " + id + " for this kiosk"));
            ctx.status(200).result(CibaJson.status(s).toString());
        }));
        app.post(BASE + "/{requestId}/exercice", ctx -> answer(ctx, () -> {
            CibaJson.ExerciceBody b = CibaJson.read(ctx.body(), CibaJson.ExerciceBody.class);
            if (b.index() == null) {
                throw new KioskCibaException(KioskCibaError.CIBA_REQUEST_INVALID, "index is required");
            }
            ctx.status(200).result(CibaJson.exercice(ciba.chooseExercice(DeviceCaller.of(ctx),
                    ctx.pathParam("requestId"), b.index())).toString());
        }));
    }

    private void start(Context ctx) throws Exception {
        KioskAddress kiosk = DeviceCaller.of(ctx);
        CibaJson.StartBody b = CibaJson.read(ctx.body(), CibaJson.StartBody.class);
        IdNatPs who;
        try {
            who = IdNatPs.parse(b.idNatPs());
        } catch (IdentityException e) {
            throw new KioskCibaException(KioskCibaError.CIBA_REQUEST_INVALID, "idNatPs: " + e.getMessage());
        }
        CibaChannel channel;
        try {
            channel = CibaChannel.valueOf(Objects.requireNonNullElse(b.channel(), ""));
        } catch (IllegalArgumentException e) {
            throw new KioskCibaException(KioskCibaError.CIBA_REQUEST_INVALID, "channel must be CARD or MOBILE");
        }
        if (b.kioskSessionId() == null || !SESSION_ID.matcher(b.kioskSessionId()).matches()) {
            throw new KioskCibaException(KioskCibaError.CIBA_REQUEST_INVALID,
                    "kioskSessionId must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        ctx.status(201).result(CibaJson.started(ciba.start(kiosk, who, channel, b.kioskSessionId())).toString());
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void answer(Context ctx, Step step) throws Exception {
        ctx.contentType("application/json").header("Cache-Control", "no-store");
        try {
            step.run();
        } catch (KioskCibaException e) {
            ctx.status(e.error().status()).result(CibaJson.error(e.error().name(), e.getMessage()).toString());
        } catch (PscException e) {
            ctx.status(e.rejected() ? 422 : 502).result(CibaJson.error(e.error().name(), e.getMessage()).toString());
        }
    }
}
