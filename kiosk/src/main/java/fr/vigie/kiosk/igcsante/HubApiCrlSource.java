package fr.vigie.kiosk.igcsante;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@link CrlSource} over the hub's device API, for an enrolled kiosk: {@code GET
 * /device/v1/igc-sante/crls} through its mutual-TLS {@link HubApi}. The answer's base64 DER CRLs
 * are handed on as a PEM bundle; each is still verified against the kiosk's own anchors.
 * Thread-safe.
 *
 * <pre>{@code
 * trust.startRefreshing(new HubApiCrlSource(HubApi.forDevice(hubUri, identity)));
 * }</pre>
 */
public final class HubApiCrlSource implements CrlSource {
    /** The device API path (the hub's {@code CrlDeviceRoutes}). */
    public static final String PATH = "/device/v1/igc-sante/crls";
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    private final HubApi hub;

    public HubApiCrlSource(HubApi hub) {
        this.hub = Objects.requireNonNull(hub, "hub");
    }

    @Override
    public byte[] fetch() throws IOException {
        JsonNode answer;
        try {
            answer = hub.get(PATH);
        } catch (HubApiException e) {
            throw new IOException(e.code() + ": " + e.getMessage(), e);
        }
        JsonNode crls = answer.path("crls");
        if (!crls.isArray()) {
            throw new IOException(hub.base().resolve(PATH) + " answered without a \"crls\" array");
        }
        StringBuilder pem = new StringBuilder();
        for (JsonNode crl : crls) {
            if (!crl.isTextual() || !BASE64.matcher(crl.asText()).matches()) {
                throw new IOException(hub.base().resolve(PATH) + " answered a CRL that is not base64 text");
            }
            pem.append("-----BEGIN X509 CRL-----\n").append(crl.asText()).append("\n-----END X509 CRL-----\n");
        }
        return pem.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return hub.base().resolve(PATH).toString();
    }
}
