package fr.vigie.hub.igcsante;

import fr.vigie.hub.deviceapi.DeviceExchange;
import fr.vigie.hub.deviceapi.DeviceRoutes;
import fr.vigie.protocol.device.CrlsAnswer;
import fr.vigie.protocol.device.IgcSanteApi;
import io.javalin.Javalin;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The same CRLs as {@link CrlRoutes}, on the device API for enrolled kiosks ({@link IgcSanteApi#CRLS}):
 * each CRL DER in base64, cacheable for a few minutes. Immutable.
 */
public final class CrlDeviceRoutes implements DeviceRoutes {
    private final CrlDistribution crls;

    public CrlDeviceRoutes(CrlDistribution crls) {
        this.crls = Objects.requireNonNull(crls, "crls");
    }

    @Override
    public void mount(Javalin app) {
        DeviceExchange.serve(app, IgcSanteApi.CRLS, (ctx, none) -> {
            List<String> der = new ArrayList<>();
            for (X509CRL crl : crls.crls()) {
                der.add(base64(crl));
            }
            ctx.header("Cache-Control", "max-age=300");
            return new CrlsAnswer(der);
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
