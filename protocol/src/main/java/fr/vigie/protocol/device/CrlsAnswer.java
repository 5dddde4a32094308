package fr.vigie.protocol.device;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The answer of {@link IgcSanteApi#CRLS}: the IGC-Santé CRLs the hub distributes, each DER in base64. The
 * kiosk verifies each against its own anchors before using it. Immutable.
 */
public record CrlsAnswer(List<String> crls) {
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    public CrlsAnswer {
        crls = Fields.list("crls", crls);
        for (String crl : crls) {
            if (!BASE64.matcher(crl).matches()) {
                throw new IllegalArgumentException("crls holds a CRL that is not base64 text");
            }
        }
    }

    /** The CRLs as one PEM bundle, one {@code X509 CRL} block each. */
    public String pem() {
        StringBuilder pem = new StringBuilder();
        for (String crl : crls) {
            pem.append("-----BEGIN X509 CRL-----\n").append(crl).append("\n-----END X509 CRL-----\n");
        }
        return pem.toString();
    }
}
