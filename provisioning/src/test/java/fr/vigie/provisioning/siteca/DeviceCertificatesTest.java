package fr.vigie.provisioning.siteca;

import static fr.vigie.provisioning.TestPki.KIOSK_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.provisioning.EcKeys;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.RevocationReason;
import fr.vigie.provisioning.TestPki;
import fr.vigie.provisioning.device.DeviceCsr;
import fr.vigie.testing.MutableClock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceCertificatesTest {
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.atRealNow();

    @Test
    void validDeviceCertificateNamesItsKiosk() throws Exception {
        SiteCa ca = TestPki.siteCa(dir.resolve("ca"), clock);
        X509Certificate cert = issue(ca);

        assertThat(ca.deviceCertificates().verify(List.of(cert, ca.issuingCertificate()), clock.instant()))
                .isEqualTo(KIOSK_A);
    }

    @Test
    void expiredAndNotYetValidCertificatesAreRejected() throws Exception {
        SiteCa ca = TestPki.siteCa(dir.resolve("ca"), KIOSK_A.site(), Duration.ofDays(1), clock);
        X509Certificate cert = issue(ca);
        DeviceCertificates devices = new DeviceCertificates(ca.issuingCertificate(), ca::currentCrl);

        assertRejected(devices, cert, clock.instant().plus(Duration.ofDays(1)).plusSeconds(1), ProvisioningError.CERT_EXPIRED);
        assertRejected(devices, cert, clock.instant().minus(Duration.ofHours(1)), ProvisioningError.CERT_NOT_YET_VALID);
    }

    @Test
    void certificateOfAnotherCaIsRejectedAsForeign() throws Exception {
        SiteCa ours = TestPki.siteCa(dir.resolve("ours"), clock);
        SiteCa foreign = TestPki.siteCa(dir.resolve("foreign"), clock);

        assertRejected(ours.deviceCertificates(), issue(foreign), clock.instant(), ProvisioningError.CERT_FOREIGN_CA);
    }

    @Test
    void revokedCertificateIsRejected() throws Exception {
        SiteCa ca = TestPki.siteCa(dir.resolve("ca"), clock);
        X509Certificate cert = issue(ca);

        ca.revoke(cert.getSerialNumber(), RevocationReason.KEY_COMPROMISE);

        assertRejected(ca.deviceCertificates(), cert, clock.instant(), ProvisioningError.CERT_REVOKED);
    }

    @Test
    void serverCertificateIsRejectedAsWrongUsage() throws Exception {
        SiteCa ca = TestPki.siteCa(dir.resolve("ca"), clock);
        X509Certificate server = ca.issueServer(EcKeys.generate(new SecureRandom()).getPublic(), "broker",
                List.of("localhost"), List.of());

        assertRejected(ca.deviceCertificates(), server, clock.instant(), ProvisioningError.CERT_WRONG_USAGE);
    }

    @Test
    void staleOrForeignCrlMeansNobodyGetsIn() throws Exception {
        SiteCa ca = TestPki.siteCa(dir.resolve("ca"), clock);
        SiteCa foreign = TestPki.siteCa(dir.resolve("foreign"), clock);
        X509Certificate cert = issue(ca);
        var frozen = ca.currentCrl();

        assertRejected(new DeviceCertificates(ca.issuingCertificate(), () -> frozen), cert,
                clock.instant().plus(Duration.ofDays(3)), ProvisioningError.CRL_STALE);
        assertRejected(new DeviceCertificates(ca.issuingCertificate(), foreign::currentCrl), cert, clock.instant(),
                ProvisioningError.CRL_INVALID);
    }

    @Test
    void trustManagerRefusesWithTheRejectionCode() throws Exception {
        SiteCa ca = TestPki.siteCa(dir.resolve("ca"), clock);
        X509Certificate cert = issue(ca);
        ca.revoke(cert.getSerialNumber(), RevocationReason.KEY_COMPROMISE);

        assertThatThrownBy(() -> ca.deviceCertificates().trustManager(clock)
                .checkClientTrusted(new X509Certificate[] {cert}, "EC"))
                .isInstanceOf(CertificateException.class).hasMessageStartingWith("CERT_REVOKED");
        assertThat(ca.deviceCertificates().trustManager(clock).getAcceptedIssuers())
                .containsExactly(ca.issuingCertificate());
    }

    private static X509Certificate issue(SiteCa ca) throws Exception {
        return ca.issueDevice(DeviceCsr.parse(TestPki.csr(KIOSK_A)), KIOSK_A);
    }

    private static void assertRejected(DeviceCertificates devices, X509Certificate cert, Instant at,
            ProvisioningError code) {
        assertThatThrownBy(() -> devices.verify(List.of(cert), at)).isInstanceOfSatisfying(ProvisioningException.class,
                e -> assertThat(e.error()).isEqualTo(code));
    }
}
