package fr.vigie.provisioning.device;

import static fr.vigie.provisioning.TestPki.KIOSK_A;
import static fr.vigie.provisioning.TestPki.KIOSK_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.provisioning.Bytes;
import fr.vigie.provisioning.Pem;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.TestPki;
import fr.vigie.provisioning.siteca.SiteCa;
import fr.vigie.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceIdentityTest {
    private static final char[] SECRET = "device-secret".toCharArray();
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.atRealNow();

    @Test
    void firstStartGeneratesAKeyKeptEncryptedInAnOwnerOnlyFile() throws Exception {
        DeviceIdentity id = DeviceIdentity.openOrCreate(dir.resolve("kiosk"), KIOSK_A, SECRET, clock);
        Path file = dir.resolve("kiosk").resolve(DeviceIdentity.FILE_NAME);

        assertThat(id.isEnrolled()).isFalse();
        assertThat(id.certificateChain()).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(Files.newInputStream(file), SECRET);
        ECPrivateKey key = (ECPrivateKey) ks.getKey("device", SECRET);
        assertThat(Bytes.indexOf(Files.readAllBytes(file), Bytes.unsigned(key.getS(), 32))).isEqualTo(-1);
    }

    @Test
    void reopeningKeepsTheSameKey() throws Exception {
        DeviceIdentity first = DeviceIdentity.openOrCreate(dir, KIOSK_A, SECRET, clock);

        DeviceIdentity again = DeviceIdentity.openOrCreate(dir, KIOSK_A, SECRET, clock);

        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        assertThat(again.enrolmentCode()).isEqualTo(first.enrolmentCode());
    }

    @Test
    void wrongDeviceSecretOrAnotherKiosksStoreIsRejected() throws Exception {
        DeviceIdentity.openOrCreate(dir, KIOSK_A, SECRET, clock);

        assertRejected(() -> DeviceIdentity.openOrCreate(dir, KIOSK_A, "other".toCharArray(), clock),
                ProvisioningError.DEVICE_STORE_INVALID);
        assertRejected(() -> DeviceIdentity.openOrCreate(dir, KIOSK_B, SECRET, clock),
                ProvisioningError.DEVICE_STORE_INVALID);
    }

    @Test
    void installedChainSurvivesARestartAndGivesAnSslContext() throws Exception {
        SiteCa ca = TestPki.siteCa(dir.resolve("ca"), clock);
        DeviceIdentity id = TestPki.enrolled(dir.resolve("kiosk"), KIOSK_A, ca, clock);

        DeviceIdentity again = DeviceIdentity.openOrCreate(dir.resolve("kiosk"), KIOSK_A, "device-secret".toCharArray(), clock);

        assertThat(id.isEnrolled()).isTrue();
        assertThat(again.certificateChain()).containsExactly(id.certificateChain().get(0), ca.issuingCertificate(),
                ca.rootCertificate());
        assertThat(again.sslContext().getProtocol()).isEqualTo("TLSv1.3");
    }

    @Test
    void sslContextBeforeEnrolmentIsRefused() throws Exception {
        DeviceIdentity id = DeviceIdentity.openOrCreate(dir, KIOSK_A, SECRET, clock);

        assertRejected(id::sslContext, ProvisioningError.NOT_ENROLLED);
    }

    @Test
    void renewalIsDueAtTwoThirdsOfTheLifetime() throws Exception {
        SiteCa ca = TestPki.siteCa(dir.resolve("ca"), KIOSK_A.site(), Duration.ofDays(90), clock);
        DeviceIdentity id = TestPki.enrolled(dir.resolve("kiosk"), KIOSK_A, ca, clock);
        X509Certificate cert = id.certificateChain().get(0);
        Instant from = cert.getNotBefore().toInstant();
        Instant due = from.plus(Duration.between(from, cert.getNotAfter().toInstant()).multipliedBy(2).dividedBy(3));

        assertThat(id.renewalDueAt()).contains(due);
        clock.set(due.minusSeconds(1));
        assertThat(id.isRenewalDue()).isFalse();
        clock.set(due);
        assertThat(id.isRenewalDue()).isTrue();
        assertThat(DeviceIdentity.openOrCreate(dir.resolve("other"), KIOSK_B, SECRET, clock).isRenewalDue()).isFalse();
    }

    @Test
    void rotationInstallsACertificateForANewKeyGeneratedOnTheDevice() throws Exception {
        SiteCa ca = TestPki.siteCa(dir.resolve("ca"), clock);
        DeviceIdentity id = TestPki.enrolled(dir.resolve("kiosk"), KIOSK_A, ca, clock);
        var oldKey = id.publicKey();

        String renewal = id.renewalCsrPem();
        assertThat(id.renewalCsrPem()).as("the pending key is kept").satisfies(
                again -> assertThat(DeviceCsr.parse(again).publicKey()).isEqualTo(DeviceCsr.parse(renewal).publicKey()));
        X509Certificate renewed = ca.issueDevice(DeviceCsr.parse(renewal), KIOSK_A);
        id.installCertificateChain(ca.chainPem(renewed));

        assertThat(id.publicKey()).isNotEqualTo(oldKey).isEqualTo(renewed.getPublicKey());
        assertThat(DeviceIdentity.openOrCreate(dir.resolve("kiosk"), KIOSK_A, SECRET, clock).certificateChain().get(0))
                .isEqualTo(renewed);
    }

    @Test
    void chainForAnotherKeyKioskOrRootIsRejected() throws Exception {
        SiteCa ca = TestPki.siteCa(dir.resolve("ca"), clock);
        SiteCa foreign = TestPki.siteCa(dir.resolve("foreign"), clock);
        DeviceIdentity id = TestPki.enrolled(dir.resolve("kiosk"), KIOSK_A, ca, clock);

        X509Certificate otherKey = ca.issueDevice(DeviceCsr.parse(TestPki.csr(KIOSK_A)), KIOSK_A);
        assertRejected(() -> id.installCertificateChain(ca.chainPem(otherKey)), ProvisioningError.CERT_KEY_MISMATCH);
        X509Certificate forB = ca.issueDevice(DeviceCsr.parse(TestPki.csr(KIOSK_B)), KIOSK_B);
        assertRejected(() -> id.installCertificateChain(ca.chainPem(forB)), ProvisioningError.CERT_SUBJECT_INVALID);
        X509Certificate fromForeign = foreign.issueDevice(DeviceCsr.parse(id.csrPem()), KIOSK_A);
        assertRejected(() -> id.installCertificateChain(foreign.chainPem(fromForeign)), ProvisioningError.CERT_FOREIGN_CA);
        assertRejected(() -> id.installCertificateChain(Pem.certificates(java.util.List.of(fromForeign))),
                ProvisioningError.CERT_CHAIN_INVALID);
        assertRejected(() -> id.installCertificateChain("not pem"), ProvisioningError.CERT_MALFORMED);
    }

    @Test
    void deviceSecretIsCreatedOnceWith256BitsInAnOwnerOnlyFile() throws Exception {
        Path file = dir.resolve("etc").resolve("device-secret");

        char[] first = DeviceSecret.loadOrCreate(file);
        char[] again = DeviceSecret.loadOrCreate(file);

        assertThat(first).hasSizeGreaterThanOrEqualTo(43).isEqualTo(again);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    private static void assertRejected(ThrowingCallable call, ProvisioningError code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProvisioningException.class,
                e -> assertThat(e.error()).isEqualTo(code));
    }
}
