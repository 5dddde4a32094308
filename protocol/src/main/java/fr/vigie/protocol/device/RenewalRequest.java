package fr.vigie.protocol.device;

/** The body of {@link CertificateApi#RENEW}: the CSR of the kiosk's new key, PEM. Immutable. */
public record RenewalRequest(String csrPem) {
    public RenewalRequest {
        Fields.present("csrPem", csrPem);
    }
}
