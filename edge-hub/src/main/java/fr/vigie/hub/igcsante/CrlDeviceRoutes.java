package fr.vigie.hub.igcsante;

import fr.vigie.hub.deviceapi.DeviceRoutes;
import io.javalin.Javalin;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The same CRLs as {@link CrlRoutes}, on the device API for enrolled kiosks that call the hub
 * through their {@code HubApi}: {@code GET /device/v1/igc-sante/crls} → {@code {"crls": [base64 DER, …]}}.
 * Immutable.
 */
public final class CrlDeviceRoutes implements DeviceRoutes {
    /** The device API path. */
    public static final String PATH = "/device/v1/igc-sante/crls";

    private final CrlDistribution crls;

    public CrlDeviceRoutes(CrlDistribution crls) {
        this.crls = Objects.requireNonNull(crls, "crls");
    }

    @Override
    public void mount(Javalin app) {
        app.get(PATH, ctx -> {
            List<String> der = new ArrayList<>();
            for (X509CRL crl : crls.crls()) {
                der.add(base64(crl));
            }
            ctx.header("Cache-Control", "max-age=300").json(Map.of("crls", der));
        });
    }

    private static String base64(X509CRL crl) {
        try {
            return Base64.getEncoder().encodeToString(crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalStateException("cannot encode the CRL of " + crl.getIssuerX500Principal(), e);
        }
    }
}
