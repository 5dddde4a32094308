package fr.vigie.protocol.device;

/** The answer of {@link CertificateApi#RENEW}: the new chain, PEM, device certificate first. Immutable. */
public record RenewalAnswer(String certificateChainPem) {
    public RenewalAnswer {
        Fields.present("certificateChainPem", certificateChainPem);
    }
}
