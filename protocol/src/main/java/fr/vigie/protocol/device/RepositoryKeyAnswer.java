package fr.vigie.protocol.device;

/**
 * The answer of {@link SoftwareApi#REPOSITORY_KEY}: the OpenPGP public key the hub signs its package repository
 * with, which the kiosk pins at enrolment. Immutable.
 *
 * @param fingerprint the key's v4 fingerprint, 40 uppercase hex digits
 * @param publicKeyArmoured the public key, ASCII-armoured (what APT's {@code Signed-By} reads)
 */
public record RepositoryKeyAnswer(String fingerprint, String publicKeyArmoured) {
    public RepositoryKeyAnswer {
        Fields.text("fingerprint", fingerprint, 40);
        Fields.text("publicKeyArmoured", publicKeyArmoured, 16_384);
    }
}
