package fr.vigie.hub.igcsante;

import fr.vigie.hub.deviceapi.DeviceExchange;
import fr.vigie.protocol.device.IgcSanteApi;
import io.javalin.Javalin;

/**
 * {@link IgcSanteApi#PUBLIC_CRLS} ({@code GET /pki/v1/igc-sante/crls}) on the console listener: the
 * {@link CrlDistribution}'s bundle as {@code application/x-pem-file}, one {@code X509 CRL} block per CA.
 * Public (CRLs are public, signed data), and cacheable for a few minutes; {@code kiosk.igc-sante.crl-url}
 * may point at it.
 */
public final class CrlRoutes {
    private CrlRoutes() {
    }

    /** Adds the route to {@code app}. */
    public static void mount(Javalin app, CrlDistribution crls) {
        DeviceExchange.serve(app, IgcSanteApi.PUBLIC_CRLS, (ctx, none) -> {
            ctx.header("Cache-Control", "max-age=300");
            return crls.bundle();
        });
    }
}
