package fr.vigie.hardware.barcode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The QR code shown by the Appli carte Vitale (ApCV), modelled as an opaque, signed, short-lived
 * token: the ApCV content is not public (DOMAIN §7). Vigie's convention: the text {@value #PREFIX}
 * followed by a compact JWS ({@code header.payload.signature}, base64url without padding). Only the
 * shape is checked here; the signature and expiry are verified later by the hub's ApCV verifier,
 * with a published key. Immutable; {@link #toString()} shows the length only (it is a credential).
 *
 * @param jws the compact JWS after the prefix
 */
public record ApcvToken(String jws) implements ScannedPayload {
    /** What starts every ApCV token text; a later format would be {@code APCV2.}. */
    public static final String PREFIX = "APCV1.";
    /** Longest token accepted, well below what a QR code holds. */
    public static final int MAX_LENGTH = 2048;

    public ApcvToken {
        Objects.requireNonNull(jws, "jws");
    }

    /**
     * Reads {@code APCV1.<compact JWS>}.
     *
     * @throws BarcodeRejectedException {@link BarcodeError#APCV_MALFORMED} when the JWS has not three
     *     base64url parts or its header is not a JSON object with an {@code alg};
     *     {@link BarcodeError#BARCODE_MISLABELLED} for another {@code APCVn.} version;
     *     {@link BarcodeError#BARCODE_TOO_LONG} past {@value #MAX_LENGTH} characters
     */
    public static ApcvToken parse(String text) throws BarcodeRejectedException {
        if (!text.startsWith(PREFIX)) {
            throw new BarcodeRejectedException(text.matches("(?s)APCV[0-9]+\\..*") ? BarcodeError.BARCODE_MISLABELLED
                    : BarcodeError.APCV_MALFORMED, "ApCV: the token does not start with " + PREFIX);
        }
        if (text.length() > MAX_LENGTH) {
            throw new BarcodeRejectedException(BarcodeError.BARCODE_TOO_LONG,
                    "ApCV: the token has " + text.length() + " characters, more than " + MAX_LENGTH);
        }
        String jws = text.substring(PREFIX.length());
        String[] parts = jws.split("\\.", -1);
        if (parts.length != 3) {
            throw malformed("a compact JWS has 3 parts separated by dots, this one " + parts.length);
        }
        for (int i = 0; i < 3; i++) {
            if (parts[i].isEmpty() || !parts[i].matches("[A-Za-z0-9_-]+")) {
                throw malformed("JWS part " + (i + 1) + " is " + (parts[i].isEmpty() ? "empty" : "not base64url"));
            }
        }
        String header;
        try {
            header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed("the JWS header is not base64url: " + e.getMessage());
        }
        if (!header.strip().startsWith("{") || !header.contains("\"alg\"")) {
            throw malformed("the JWS header is not a JSON object with an \"alg\"");
        }
        return new ApcvToken(jws);
    }

    private static BarcodeRejectedException malformed(String why) {
        return new BarcodeRejectedException(BarcodeError.APCV_MALFORMED, "ApCV: " + why);
    }

    /** The decoded JWS protected header (JSON), e.g. to pick the verification key by {@code kid}. */
    public String header() {
        return new String(Base64.getUrlDecoder().decode(jws.substring(0, jws.indexOf('.'))), StandardCharsets.UTF_8);
    }

    @Override
    public String kind() {
        return "ApCV token";
    }

    @Override
    public String toString() {
        return "ApcvToken[" + (PREFIX.length() + jws.length()) + " chars]";
    }
}
