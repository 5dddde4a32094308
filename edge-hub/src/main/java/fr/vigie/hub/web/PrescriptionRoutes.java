package fr.vigie.hub.web;

import fr.vigie.hub.admission.Prescriptions;
import fr.vigie.hub.identity.IdentityRegistry;
import fr.vigie.hub.identity.RegistryError;
import fr.vigie.hub.identity.RegistryRejection;
import io.javalin.Javalin;
import java.util.List;

/**
 * The e-prescriptions attached to an identity's visits (errors as in {@link IdentityRoutes}):
 * <pre>
 * GET /api/v1/identities/{id}/prescriptions  {recordId, prescriptions: [{eventId, number, site, kioskId, idNatPs,
 *                                            scannedAt}]}, oldest first
 * </pre>
 */
public final class PrescriptionRoutes {
    private static final int LIMIT = 500;

    /** The answer. */
    record PrescriptionsJson(long recordId, List<Prescriptions.Scanned> prescriptions) {
    }

    private PrescriptionRoutes() {
    }

    /** Adds the route to {@code app}; mount {@link IdentityRoutes} too, which maps the rejections. */
    public static void mount(Javalin app, IdentityRegistry registry, Prescriptions prescriptions) {
        app.get("/api/v1/identities/{id}/prescriptions", ctx -> {
            long id;
            try {
                id = Long.parseLong(ctx.pathParam("id"));
            } catch (NumberFormatException e) {
                throw new RegistryRejection(RegistryRejection.Kind.NOT_FOUND, RegistryError.IDENTITY_NOT_FOUND.name(),
                        "record ids are numbers");
            }
            if (registry.find(id).isEmpty()) {
                throw new RegistryRejection(RegistryRejection.Kind.NOT_FOUND, RegistryError.IDENTITY_NOT_FOUND.name(),
                        "no identity record " + id);
            }
            ctx.header("Cache-Control", "no-store").json(new PrescriptionsJson(id, prescriptions.forRecord(id, LIMIT)));
        });
    }
}
