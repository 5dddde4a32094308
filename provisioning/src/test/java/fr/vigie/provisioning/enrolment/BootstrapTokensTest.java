package fr.vigie.provisioning.enrolment;

import static fr.vigie.provisioning.TestPki.KIOSK_A;
import static fr.vigie.provisioning.TestPki.KIOSK_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class BootstrapTokensTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T08:00:00Z"));
    private final InMemoryBootstrapTokenStore store = new InMemoryBootstrapTokenStore();
    private final BootstrapTokens tokens = new BootstrapTokens(store, clock, new SecureRandom());

    @Test
    void tokenApprovesItsKioskExactlyOnce() throws Exception {
        BootstrapToken t = tokens.issue(KIOSK_A, Duration.ofHours(24));

        assertThat(tokens.redeem(t.value(), KIOSK_A)).isEqualTo(KIOSK_A);
        assertRejected(() -> tokens.redeem(t.value(), KIOSK_A), ProvisioningError.TOKEN_USED);
        assertThat(store.find(t.id()).orElseThrow().usedAt()).isEqualTo(clock.instant());
    }

    @Test
    void expiredTokenIsRejected() {
        BootstrapToken t = tokens.issue(KIOSK_A, Duration.ofHours(1));

        clock.advance(Duration.ofHours(1));

        assertRejected(() -> tokens.redeem(t.value(), KIOSK_A), ProvisioningError.TOKEN_EXPIRED);
    }

    @Test
    void wrongSecretUnknownIdAndGarbageAreRejectedAsUnknown() {
        BootstrapToken t = tokens.issue(KIOSK_A, Duration.ofHours(1));
        String wrongSecret = t.id() + "." + "A".repeat(43);
        String unknownId = "0123456789abcdef" + t.value().substring(16);

        assertRejected(() -> tokens.redeem(wrongSecret, KIOSK_A), ProvisioningError.TOKEN_UNKNOWN);
        assertRejected(() -> tokens.redeem(unknownId, KIOSK_A), ProvisioningError.TOKEN_UNKNOWN);
        assertRejected(() -> tokens.redeem("let-me-in", KIOSK_A), ProvisioningError.TOKEN_UNKNOWN);
        assertRejected(() -> tokens.redeem(null, KIOSK_A), ProvisioningError.TOKEN_UNKNOWN);
    }

    @Test
    void tokenOfAnotherKioskIsRejectedAndStaysUsableByItsOwn() throws Exception {
        BootstrapToken t = tokens.issue(KIOSK_A, Duration.ofHours(1));

        assertRejected(() -> tokens.redeem(t.value(), KIOSK_B), ProvisioningError.TOKEN_WRONG_KIOSK);
        assertThat(tokens.redeem(t.value(), KIOSK_A)).isEqualTo(KIOSK_A);
    }

    @Test
    void storeKeepsOnlyAHashAndToStringHidesTheSecret() {
        BootstrapToken t = tokens.issue(KIOSK_A, Duration.ofHours(1));
        String secret = t.value().substring(t.value().indexOf('.') + 1);

        StoredBootstrapToken stored = store.find(t.id()).orElseThrow();

        assertThat(stored.secretHash()).hasSize(32).isNotEqualTo(secret.getBytes(StandardCharsets.US_ASCII));
        assertThat(stored.toString()).doesNotContain(secret);
        assertThat(t.toString()).doesNotContain(secret).contains(t.id());
        assertThat(t.value()).matches("[0-9a-f]{16}\\.[A-Za-z0-9_-]{43}");
    }

    @Test
    void ttlOutsideItsRangeIsRefused() {
        assertThatThrownBy(() -> tokens.issue(KIOSK_A, Duration.ofDays(31))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT744H");
        assertThatThrownBy(() -> tokens.issue(KIOSK_A, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRejected(ThrowingCallable call, ProvisioningError code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProvisioningException.class,
                e -> assertThat(e.error()).isEqualTo(code));
    }
}
