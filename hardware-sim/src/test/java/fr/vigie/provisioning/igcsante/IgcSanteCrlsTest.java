package fr.vigie.provisioning.igcsante;

import static fr.vigie.provisioning.igcsante.IgcSanteFixture.CA;
import static fr.vigie.provisioning.igcsante.IgcSanteFixture.FORGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.hardware.sim.igcsante.IgcSanteSandboxCa;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.testing.MutableClock;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgcSanteCrlsTest {
    @TempDir
    Path dir;

    @Test
    void crlsSignedByTheTrustedCasAreStoredOnDiskAndReloaded() throws Exception {
        IgcSanteCrls crls = IgcSanteCrls.open(dir, CA.trust());
        for (X509CRL crl : CA.crls()) {
            assertThat(crls.offer(crl)).isEqualTo(IgcSanteCrls.Outcome.STORED);
        }

        IgcSanteCrls reopened = IgcSanteCrls.open(dir, CA.trust());

        assertThat(reopened.all()).containsExactlyInAnyOrderElementsOf(CA.crls());
        assertThat(reopened.of(CA.personnesCertificate())).isPresent();
        assertThat(reopened.skipped()).isEmpty();
    }

    @Test
    void aCrlWithTheRightNameButAForeignSignatureIsRejectedAndThePreviousOneKept() throws Exception {
        IgcSanteCrls crls = IgcSanteCrls.open(dir, CA.trust());
        X509CRL genuine = CA.crls().get(1);
        crls.offer(genuine);
        X509CRL forged = FORGER.crls().get(1);
        assertThat(forged.getIssuerX500Principal()).isEqualTo(genuine.getIssuerX500Principal());

        assertThatThrownBy(() -> crls.offer(forged)).isInstanceOfSatisfying(ProvisioningException.class,
                e -> assertThat(e.error()).isEqualTo(ProvisioningError.CRL_INVALID));

        assertThat(crls.of(CA.personnesCertificate())).contains(genuine);
        assertThat(IgcSanteCrls.open(dir, CA.trust()).of(CA.personnesCertificate())).contains(genuine);
    }

    @Test
    void anOlderCrlCannotReplaceANewerOneAndTheSameOneChangesNothing() throws Exception {
        MutableClock clock = MutableClock.atRealNow();
        IgcSanteSandboxCa ca = IgcSanteSandboxCa.create(clock, new SecureRandom());
        IgcSanteCrls crls = IgcSanteCrls.inMemory(ca.trust());
        X509CRL older = ca.crls().get(1);
        ca.revoke(BigInteger.TEN);
        X509CRL newer = ca.crls().get(1);
        crls.offer(newer);

        assertThatThrownBy(() -> crls.offer(older)).isInstanceOfSatisfying(ProvisioningException.class,
                e -> assertThat(e.error()).isEqualTo(ProvisioningError.CRL_INVALID));
        assertThat(crls.offer(newer)).isEqualTo(IgcSanteCrls.Outcome.UNCHANGED);
        assertThat(crls.of(ca.personnesCertificate()).orElseThrow().getRevokedCertificate(BigInteger.TEN)).isNotNull();
    }

    @Test
    void storedCrlsThatNoLongerVerifyAreSkippedOnOpen() throws Exception {
        IgcSanteCrls crls = IgcSanteCrls.open(dir, CA.trust());
        for (X509CRL crl : CA.crls()) {
            crls.offer(crl);
        }
        Files.writeString(dir.resolve("garbage.crl"), "not a CRL", StandardCharsets.US_ASCII);

        IgcSanteCrls underOtherAnchors = IgcSanteCrls.open(dir, FORGER.trust());

        assertThat(underOtherAnchors.all()).isEmpty();
        assertThat(underOtherAnchors.skipped()).hasSize(3);
    }

    @Test
    void aPemBundleRoundTrips() throws Exception {
        List<X509CRL> all = CA.crls();

        assertThat(IgcSanteCrls.parse(IgcSanteCrls.toPem(all).getBytes(StandardCharsets.US_ASCII))).isEqualTo(all);
        assertThat(IgcSanteCrls.parse(new byte[0])).isEmpty();
        assertThatThrownBy(() -> IgcSanteCrls.parse("-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n"
                .getBytes(StandardCharsets.US_ASCII))).isInstanceOfSatisfying(ProvisioningException.class,
                        e -> assertThat(e.error()).isEqualTo(ProvisioningError.CRL_INVALID));
    }

    @Test
    void theSandboxReSignsItsCrlsBeforeHalfTheirValidity() {
        MutableClock clock = MutableClock.atRealNow();
        IgcSanteSandboxCa ca = IgcSanteSandboxCa.create(clock, new SecureRandom());
        X509CRL first = ca.crls().get(1);
        clock.advance(IgcSanteSandboxCa.CRL_VALIDITY.dividedBy(2).plus(Duration.ofSeconds(1)));

        X509CRL later = ca.crls().get(1);

        assertThat(IgcSanteCrls.number(later)).isGreaterThan(IgcSanteCrls.number(first));
        assertThat(later.getNextUpdate()).isAfter(first.getNextUpdate());
    }
}
