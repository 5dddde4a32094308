package fr.vigie.hub.deviceapi;

import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.device.DeviceApiError;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.siteca.DeviceCertificates;
import fr.vigie.provisioning.ProvisioningException;
import io.javalin.http.Context;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/**
 * The kiosk calling a {@code /device/v1/} route, as its TLS client certificate proves it. The device
 * API checks the certificate before every such request (site CA, validity, usage, CRL) and refuses
 * the request with 401 {@code DEVICE_CERTIFICATE_REQUIRED} when none was presented, or 403 with the
 * check's code ({@code CERT_REVOKED}, {@code CERT_EXPIRED}, {@code CERT_FOREIGN_CA}…, a
 * {@link DeviceApiError}) when it is not acceptable. Checked per request rather than per connection, so that a revocation applies at
 * once, even on a kept-alive connection. Stateless.
 *
 * <pre>{@code
 * KioskAddress kiosk = DeviceCaller.of(ctx);
 * }</pre>
 */
public final class DeviceCaller {
    static final String KIOSK = "vigie.device.kiosk";
    static final String CERTIFICATE = "vigie.device.certificate";
    private static final String SERVLET_CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private DeviceCaller() {
    }

    /**
     * The kiosk that calls.
     *
     * @throws IllegalStateException when the route is not under {@code /device/v1/}, where callers are checked
     */
    public static KioskAddress of(Context ctx) {
        KioskAddress kiosk = ctx.attribute(KIOSK);
        if (kiosk == null) {
            throw new IllegalStateException(ctx.path() + " is not a device route: only /device/v1/ routes know their caller");
        }
        return kiosk;
    }

    /** The device certificate the caller presented (already checked), e.g. to renew it. */
    public static X509Certificate certificate(Context ctx) {
        of(ctx);
        return ctx.attribute(CERTIFICATE);
    }

    /** Checks the caller's certificate and records the kiosk on the request. */
    static void authenticate(Context ctx, DeviceCertificates devices, Clock clock) throws DeviceRefused {
        X509Certificate[] chain = (X509Certificate[]) ctx.req().getAttribute(SERVLET_CERTIFICATES);
        if (chain == null || chain.length == 0) {
            throw new DeviceRefused(DeviceApiError.DEVICE_CERTIFICATE_REQUIRED,
                    "device routes need the kiosk's client certificate");
        }
        try {
            ctx.attribute(KIOSK, devices.verify(List.of(chain), clock.instant()));
            ctx.attribute(CERTIFICATE, chain[0]);
        } catch (ProvisioningException e) {
            throw new DeviceRefused(certificateRefusal(e.error()), e.getMessage());
        }
    }

    /** The device API's code of a device certificate check that failed with {@code check} (same name, 403). */
    static DeviceApiError certificateRefusal(ProvisioningError check) {
        for (DeviceApiError e : DeviceApiError.values()) {
            if (e.name().equals(check.name()) && e.status() == 403) {
                return e;
            }
        }
        throw new IllegalArgumentException(check + " is not a certificate check code of the device API");
    }
}
