package fr.vigie.protocol.device;

/**
 * The answer of {@link CertificateApi#SIGNING_KEY}: the key the hub signs configurations with, which the
 * kiosk pins at enrolment. Immutable.
 *
 * @param publicKeyPem the EC public key, PEM
 */
public record SigningKeyAnswer(String keyId, String publicKeyPem) {
    public SigningKeyAnswer {
        Fields.text("keyId", keyId, 128);
        Fields.text("publicKeyPem", publicKeyPem, 4096);
    }
}
