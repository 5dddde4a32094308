package fr.vigie.provisioning.siteca;

import static fr.vigie.provisioning.TestPki.KIOSK_A;
import static fr.vigie.provisioning.TestPki.KIOSK_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.Bytes;
import fr.vigie.provisioning.CertificateChecks;
import fr.vigie.provisioning.EcKeys;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.TestPki;
import fr.vigie.provisioning.device.DeviceCsr;
import fr.vigie.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteCaTest {
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.atRealNow();

    @Test
    void firstStartCreatesARootAndAnIssuingCaThatChain() throws Exception {
        SiteCa ca = TestPki.siteCa(dir, clock);

        X509Certificate root = ca.rootCertificate();
        X509Certificate issuing = ca.issuingCertificate();
        root.verify(root.getPublicKey());
        issuing.verify(root.getPublicKey());
        assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(issuing.getBasicConstraints()).isZero();
        assertThat(issuing.getSubjectX500Principal().getName()).contains("CN=Vigie Issuing CA chu-nord");
        assertThat(Files.exists(dir.resolve(CaStore.CHAIN))).isTrue();
        assertThat(Files.exists(dir.resolve(CaStore.CRL))).isTrue();
    }

    @Test
    void deviceCertificateCarriesKioskClientAuthRandomSerialAndConfiguredValidity() throws Exception {
        SiteCa ca = TestPki.siteCa(dir, KIOSK_A.site(), Duration.ofDays(30), clock);

        X509Certificate a1 = ca.issueDevice(DeviceCsr.parse(TestPki.csr(KIOSK_A)), KIOSK_A);
        X509Certificate a2 = ca.issueDevice(DeviceCsr.parse(TestPki.csr(KIOSK_A)), KIOSK_A);

        a1.verify(ca.issuingCertificate().getPublicKey());
        assertThat(CertificateChecks.kioskOf(a1)).isEqualTo(KIOSK_A);
        assertThat(a1.getSubjectX500Principal().getName()).isEqualTo("CN=kiosk-a,OU=chu-nord,O=Vigie");
        assertThat(a1.getKeyUsage()[0]).isTrue();
        assertThat(a1.getKeyUsage()[5]).isFalse();
        assertThat(a1.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(a1.getBasicConstraints()).isEqualTo(-1);
        assertThat(a1.getSerialNumber()).isNotEqualTo(a2.getSerialNumber());
        assertThat(a1.getSerialNumber().bitLength()).isGreaterThan(64);
        assertThat(Duration.between(a1.getNotBefore().toInstant(), a1.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(30).plusMinutes(5));
    }

    @Test
    void csrApprovedForAnotherKioskIsRejectedAsSubjectMismatch() throws Exception {
        SiteCa ca = TestPki.siteCa(dir, clock);
        DeviceCsr csrOfA = DeviceCsr.parse(TestPki.csr(KIOSK_A));

        assertThatThrownBy(() -> ca.issueDevice(csrOfA, KIOSK_B)).isInstanceOfSatisfying(ProvisioningException.class,
                e -> assertThat(e.error()).isEqualTo(ProvisioningError.CSR_SUBJECT_MISMATCH));
    }

    @Test
    void kioskOfAnotherSiteIsRejectedAsSubjectMismatch() throws Exception {
        SiteCa ca = TestPki.siteCa(dir, clock);
        KioskAddress elsewhere = KioskAddress.of("chu-sud", "kiosk-a");
        DeviceCsr csr = DeviceCsr.parse(TestPki.csr(elsewhere));

        assertThatThrownBy(() -> ca.issueDevice(csr, elsewhere)).isInstanceOfSatisfying(ProvisioningException.class,
                e -> assertThat(e.error()).isEqualTo(ProvisioningError.CSR_SUBJECT_MISMATCH));
    }

    @Test
    void serverCertificateIsForServerAuthOnLocalhostAndLoopback() throws Exception {
        SiteCa ca = TestPki.siteCa(dir, clock);

        X509Certificate server = ca.issueServer(EcKeys.generate(new SecureRandom()).getPublic(), "broker",
                List.of("localhost"), List.of("127.0.0.1"));

        assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(server.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))))
                .containsExactly("localhost", "127.0.0.1");
    }

    @Test
    void reopeningWithThePassphraseGivesTheSameCa() throws Exception {
        SiteCa first = TestPki.siteCa(dir, clock);

        SiteCa again = TestPki.siteCa(dir, clock);

        assertThat(again.rootCertificate()).isEqualTo(first.rootCertificate());
        assertThat(again.issuingCertificate()).isEqualTo(first.issuingCertificate());
    }

    @Test
    void wrongPassphraseIsRejectedAndNoPassphraseKeepsTheCaLocked() throws Exception {
        TestPki.siteCa(dir, clock);

        assertThatThrownBy(() -> SiteCa.openOrCreate(dir, TestPki.settings(TestPki.SITE), "wrong".toCharArray(), clock))
                .isInstanceOfSatisfying(ProvisioningException.class,
                        e -> assertThat(e.error()).isEqualTo(ProvisioningError.CA_PASSPHRASE_WRONG));
        assertThatThrownBy(() -> SiteCa.openOrCreate(dir, TestPki.settings(TestPki.SITE), new char[0], clock))
                .isInstanceOfSatisfying(ProvisioningException.class,
                        e -> assertThat(e.error()).isEqualTo(ProvisioningError.CA_LOCKED));
    }

    @Test
    void storeOfAnotherSiteIsRejectedAsInvalid() throws Exception {
        TestPki.siteCa(dir, clock);

        assertThatThrownBy(() -> SiteCa.openOrCreate(dir, TestPki.settings("chu-sud"), TestPki.PASSPHRASE, clock))
                .isInstanceOfSatisfying(ProvisioningException.class,
                        e -> assertThat(e.error()).isEqualTo(ProvisioningError.CA_STORE_INVALID));
    }

    @Test
    void caKeysAreEncryptedAtRestInAnOwnerOnlyFile() throws Exception {
        TestPki.siteCa(dir, clock);
        Path file = dir.resolve(CaStore.KEYS);
        byte[] content = Files.readAllBytes(file);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(Files.newInputStream(file), TestPki.PASSPHRASE);

        for (String alias : List.of("root", "issuing")) {
            ECPrivateKey key = (ECPrivateKey) ks.getKey(alias, TestPki.PASSPHRASE);
            byte[] scalar = Bytes.unsigned(key.getS(), 32);
            assertThat(Bytes.indexOf(content, scalar)).as("raw %s key scalar in the file", alias).isEqualTo(-1);
            assertThat(Bytes.indexOf(content, key.getEncoded())).as("PKCS#8 %s key in the file", alias).isEqualTo(-1);
        }
        assertThat(new String(content, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("PRIVATE KEY");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(CaStore.KEYS).getParent())))
                .startsWith("rwx");
    }

    @Test
    void settingsRejectionNamesTheKeyAndTheValue() {
        assertThatThrownBy(() -> SiteCaSettings.defaults(TestPki.SITE).withDeviceValidity(Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ca.deviceValidity")
                .hasMessageContaining("PT5S");
        assertThatThrownBy(() -> SiteCaSettings.defaults("Bad Site")).hasMessageContaining("ca.site")
                .hasMessageContaining("Bad Site");
        assertThatThrownBy(() -> SiteCaSettings.defaults(TestPki.SITE).withKeyProtectionIterations(1))
                .hasMessageContaining("ca.keyProtectionIterations").hasMessageContaining("'1'");
    }
}
