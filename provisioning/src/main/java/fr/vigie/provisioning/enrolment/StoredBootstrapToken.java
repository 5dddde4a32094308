package fr.vigie.provisioning.enrolment;

import fr.vigie.protocol.KioskAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A bootstrap token as a {@link BootstrapTokenStore} keeps it: the SHA-256 of its secret, never
 * the secret. Immutable.
 *
 * @param id public identifier
 * @param kiosk the kiosk it was issued for
 * @param secretHash SHA-256 of the secret part
 * @param issuedAt when it was issued
 * @param expiresAt when it stops being accepted
 * @param usedAt when it was used, or null
 */
public record StoredBootstrapToken(String id, KioskAddress kiosk, byte[] secretHash, Instant issuedAt,
        Instant expiresAt, Instant usedAt) {

    public StoredBootstrapToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kiosk, "kiosk");
        secretHash = Objects.requireNonNull(secretHash, "secretHash").clone();
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public byte[] secretHash() {
        return secretHash.clone();
    }

    public Optional<Instant> used() {
        return Optional.ofNullable(usedAt);
    }

    /** A copy marked used at {@code at}. */
    public StoredBootstrapToken markedUsed(Instant at) {
        return new StoredBootstrapToken(id, kiosk, secretHash, issuedAt, expiresAt, at);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredBootstrapToken t && t.id.equals(id) && t.kiosk.equals(kiosk)
                && java.util.Arrays.equals(t.secretHash, secretHash) && t.issuedAt.equals(issuedAt)
                && t.expiresAt.equals(expiresAt) && Objects.equals(t.usedAt, usedAt);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "StoredBootstrapToken[" + id + " for " + kiosk + ", expires " + expiresAt
                + (usedAt == null ? "" : ", used " + usedAt) + "]";
    }
}
