package fr.vigie.kiosk.igcsante;

import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.protocol.device.CrlsAnswer;
import fr.vigie.protocol.device.IgcSanteApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A {@link CrlSource} over the hub's device API, for an enrolled kiosk: {@link IgcSanteApi#CRLS} through its
 * mutual-TLS {@link HubApi}. The answer's base64 DER CRLs (checked base64 by the contract) are handed on as a
 * PEM bundle; each is still verified against the kiosk's own anchors. Thread-safe.
 *
 * <pre>{@code
 * trust.startRefreshing(new HubApiCrlSource(HubApi.forDevice(hubUri, identity)));
 * }</pre>
 */
public final class HubApiCrlSource implements CrlSource {
    private final HubApi hub;

    public HubApiCrlSource(HubApi hub) {
        this.hub = Objects.requireNonNull(hub, "hub");
    }

    @Override
    public byte[] fetch() throws IOException {
        CrlsAnswer answer;
        try {
            answer = hub.get(IgcSanteApi.CRLS);
        } catch (HubApiException e) {
            throw new IOException(e.error() + ": " + e.getMessage(), e);
        }
        StringBuilder pem = new StringBuilder();
        for (String crl : answer.crls()) {
            pem.append("-----BEGIN X509 CRL-----\n").append(crl).append("\n-----END X509 CRL-----\n");
        }
        return pem.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return hub.base().resolve(IgcSanteApi.CRLS.path()).toString();
    }
}
