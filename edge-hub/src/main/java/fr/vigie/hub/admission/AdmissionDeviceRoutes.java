package fr.vigie.hub.admission;

import fr.vigie.hub.agent.AgentBinding;
import fr.vigie.hub.agent.ProvenAgents;
import fr.vigie.hub.deviceapi.DeviceCaller;
import fr.vigie.hub.deviceapi.DeviceExchange;
import fr.vigie.hub.deviceapi.DeviceRefused;
import fr.vigie.hub.deviceapi.DeviceRoutes;
import fr.vigie.hub.insi.VitaleQuery;
import fr.vigie.protocol.device.AdmissionApi;
import fr.vigie.protocol.device.AdmissionError;
import fr.vigie.protocol.device.DeviceApiError;
import fr.vigie.protocol.device.VitaleRequest;
import fr.vigie.protocol.identity.BirthDate;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.RnivException;
import fr.vigie.protocol.identity.TraitsInput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The admission steps on the device API ({@link AdmissionApi} gives the paths, bodies, answers and codes).
 * The kiosk is the one its certificate proves ({@link DeviceCaller}), and must be declared an admission desk
 * on the hub; the agent is the one proven at that kiosk ({@link ProvenAgents#require}: the agent's card signed
 * a hub nonce, or the session's Pro Santé Connect sign-in is bound), checked before any body is read, never
 * one the request names (the contract refuses a body with {@code agent}). A step that gives no identity is
 * answered with its {@link AdmissionError} and, where it has them, the traits refused or both identities.
 * Thread-safe.
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
        app.before(AdmissionApi.PREFIX + "*", ctx -> ctx.attribute(PROVEN, agents.require(DeviceCaller.of(ctx),
                ctx.path())));
        DeviceExchange.serve(app, AdmissionApi.TRAITS, (ctx, b) -> AdmissionAnswers.of(admission.byTraits(caller(ctx),
                new TraitsInput(b.nomNaissance(), b.listePrenom(), b.sexe(), b.dateNaissance(),
                        b.lieuNaissance().orElse(null), b.nomUtilise().orElse(null), b.prenomUtilise().orElse(null)),
                id(b.recordId()))));
        DeviceExchange.serve(app, AdmissionApi.VITALE, (ctx, b) -> AdmissionAnswers.of(admission.byVitale(caller(ctx),
                vitale(b), id(b.recordId()))));
        DeviceExchange.serve(app, AdmissionApi.APCV, (ctx, b) -> AdmissionAnswers.of(admission.byApcv(caller(ctx),
                b.token(), id(b.recordId()))));
        DeviceExchange.serve(app, AdmissionApi.DOCUMENT, (ctx, b) -> {
            HighTrustDocument document;
            try {
                document = HighTrustDocument.parse(b.document());
            } catch (RnivException e) {
                throw new AdmissionRejection(Rejections.code(e.error().name()), e.getMessage());
            }
            return AdmissionAnswers.of(admission.documentChecked(caller(ctx), recordId(ctx), document));
        });
        app.exception(AdmissionRejection.class, (e, ctx) -> DeviceExchange.refuse(ctx,
                new DeviceRefused(AdmissionAnswers.refusal(e))));
    }

    /** The kiosk and its proven agent. */
    private static AdmissionCaller caller(Context ctx) {
        AgentBinding proven = Objects.requireNonNull(ctx.attribute(PROVEN), "the admission filter did not run");
        return new AdmissionCaller(DeviceCaller.of(ctx), proven.agent());
    }

    private static VitaleQuery vitale(VitaleRequest b) throws DeviceRefused {
        try {
            return new VitaleQuery(InsMatricule.parse(b.matriculeIndividu()), InsMatricule.parse(b.matriculeOd()),
                    b.nomNaissance(), BirthDate.parse(b.dateNaissance()), b.rang().orElse(1));
        } catch (IdentityException e) {
            throw bad("the Vitale beneficiary is invalid: " + e.error());
        } catch (IllegalArgumentException e) {
            throw bad("the Vitale beneficiary is invalid: " + e.getMessage());
        }
    }

    private static OptionalLong id(Optional<Long> recordId) {
        return recordId.map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    private static long recordId(Context ctx) throws DeviceRefused {
        try {
            return Long.parseLong(DeviceExchange.parameter(ctx, AdmissionApi.DOCUMENT));
        } catch (NumberFormatException e) {
            throw bad("record ids are numbers");
        }
    }

    private static DeviceRefused bad(String message) {
        return new DeviceRefused(DeviceApiError.BAD_REQUEST, message);
    }
}
