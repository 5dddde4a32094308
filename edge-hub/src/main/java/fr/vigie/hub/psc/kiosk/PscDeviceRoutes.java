package fr.vigie.hub.psc.kiosk;

import fr.vigie.hub.deviceapi.DeviceCaller;
import fr.vigie.hub.deviceapi.DeviceExchange;
import fr.vigie.hub.deviceapi.DeviceRefused;
import fr.vigie.hub.deviceapi.DeviceRoutes;
import fr.vigie.hub.psc.CibaChannel;
import fr.vigie.hub.psc.PscError;
import fr.vigie.hub.psc.PscException;
import fr.vigie.hub.psc.SubjectRefPro;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.CibaApi;
import fr.vigie.protocol.device.CibaError;
import fr.vigie.protocol.device.CibaStartAnswer;
import fr.vigie.protocol.device.CibaStatusAnswer;
import fr.vigie.protocol.device.Exercice;
import fr.vigie.protocol.device.Professional;
import fr.vigie.protocol.identity.IdNatPs;
import fr.vigie.protocol.identity.IdentityException;
import io.javalin.Javalin;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The device-API routes of kiosk CIBA sign-ins ({@link CibaApi} gives the paths, bodies, answers and codes).
 * The calling kiosk comes from its client certificate; it can only start sign-ins for itself and see its
 * own. Refusals are {@link CibaError}s: the hub's own ({@code CIBA_}), or PSC's ({@code PSC_}, 422 when PSC
 * refused, 502 when it could not be reached). Answers never carry a token. Thread-safe.
 */
public final class PscDeviceRoutes implements DeviceRoutes {
    private final KioskCiba ciba;

    /** Routes over {@code ciba} for the device API, where the kiosk's certificate names the caller. */
    public PscDeviceRoutes(KioskCiba ciba) {
        this.ciba = Objects.requireNonNull(ciba, "ciba");
    }

    /** Adds the routes to the hub's device listener. */
    @Override
    public void mount(Javalin app) {
        DeviceExchange.serve(app, CibaApi.START, (ctx, b) -> {
            KioskAddress kiosk = DeviceCaller.of(ctx);
            IdNatPs who;
            try {
                who = IdNatPs.parse(b.idNatPs());
            } catch (IdentityException e) {
                throw new DeviceRefused(CibaError.CIBA_REQUEST_INVALID, "idNatPs: " + e.getMessage());
            }
            CibaStarted s = cibaStep(() -> ciba.start(kiosk, who, channel(b.channel()), b.kioskSessionId()));
            return new CibaStartAnswer(s.requestId(), s.bindingMessage(), s.interval().toSeconds(), s.expiresAt());
        });
        DeviceExchange.serve(app, CibaApi.STATUS, (ctx, none) -> {
            String id = DeviceExchange.parameter(ctx, CibaApi.STATUS);
            CibaStatus s = ciba.status(DeviceCaller.of(ctx), id).orElseThrow(() -> new DeviceRefused(
                    CibaError.CIBA_REQUEST_UNKNOWN, "no sign-in request " + id + " for this kiosk"));
            return answer(s);
        });
        DeviceExchange.serve(app, CibaApi.EXERCICE, (ctx, b) -> exercice(cibaStep(() -> ciba.chooseExercice(
                DeviceCaller.of(ctx), DeviceExchange.parameter(ctx, CibaApi.EXERCICE), b.index()))));
    }

    /** Where a sign-in stands, as the kiosk may see it: never a token. */
    static CibaStatusAnswer answer(CibaStatus status) {
        if (status instanceof CibaStatus.Pending p) {
            return CibaStatusAnswer.pending(p.bindingMessage(), p.expiresAt());
        }
        if (status instanceof CibaStatus.Bound b) {
            return CibaStatusAnswer.bound(new Professional(b.who().idNatPs(), b.who().givenName(),
                    b.who().familyName()), b.exercices().stream().map(PscDeviceRoutes::exercice).toList(), b.chosen(),
                    b.expiresAt());
        }
        if (status instanceof CibaStatus.Refused r) {
            return CibaStatusAnswer.refused(code(r.code()));
        }
        return CibaStatusAnswer.failed(code(((CibaStatus.Failed) status).code()));
    }

    static Exercice exercice(SubjectRefPro.Exercice e) {
        return new Exercice(e.codeProfession(), e.codeCategorieProfessionnelle(), e.codeSavoirFaire(),
                e.nomDexercice(), e.prenomDexercice(), e.activities().stream()
                        .map(SubjectRefPro.Activite::raisonSocialeSite).toList());
    }

    /** The device API's code of a PSC outcome: the same name. */
    static CibaError code(PscError error) {
        return CibaError.valueOf(error.name());
    }

    private static CibaChannel channel(fr.vigie.protocol.device.CibaChannel channel) {
        return switch (channel) {
            case CARD -> CibaChannel.CARD;
            case MOBILE -> CibaChannel.MOBILE;
        };
    }

    private interface Step<T> {
        T run() throws KioskCibaException, PscException, SQLException;
    }

    /** Runs a step of the service; its refusals become the device API's (a database failure stays one). */
    private static <T> T cibaStep(Step<T> step) throws DeviceRefused, SQLException {
        try {
            return step.run();
        } catch (KioskCibaException e) {
            throw new DeviceRefused(e.error(), e.getMessage());
        } catch (PscException e) {
            throw new DeviceRefused(code(e.error()), e.getMessage());
        }
    }
}
