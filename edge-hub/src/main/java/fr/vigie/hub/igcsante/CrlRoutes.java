package fr.vigie.hub.igcsante;

import io.javalin.Javalin;

/**
 * {@code GET /pki/v1/igc-sante/crls}: the {@link CrlDistribution}'s bundle as
 * {@code application/x-pem-file}, one {@code X509 CRL} block per CA. Public (CRLs are public, signed
 * data), and cacheable for a few minutes.
 */
public final class CrlRoutes {
    /** The path kiosks fetch ({@code kiosk.igc-sante.crl-url} = hub origin + this). */
    public static final String PATH = "/pki/v1/igc-sante/crls";

    private CrlRoutes() {
    }

    /** Adds the route to {@code app}. */
    public static void mount(Javalin app, CrlDistribution crls) {
        app.get(PATH, ctx -> ctx.contentType("application/x-pem-file").header("Cache-Control", "max-age=300")
                .result(crls.bundle()));
    }
}
