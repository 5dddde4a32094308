package fr.vigie.protocol.device;

/** The answer of {@link CertificateApi#INSTALLED}: how many older certificates of the kiosk were revoked. Immutable. */
public record InstalledAnswer(int superseded) {
    public InstalledAnswer {
        if (superseded < 0) {
            throw new IllegalArgumentException("superseded must not be negative, got " + superseded);
        }
    }
}
