package fr.vigie.provisioning.device;

import static fr.vigie.provisioning.TestPki.KIOSK_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.provisioning.Pem;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.SubjectNames;
import fr.vigie.provisioning.TestPki;
import fr.vigie.testing.MutableClock;
import java.nio.file.Path;
import java.security.KeyPair;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceCsrTest {
    @TempDir
    Path dir;

    @Test
    void csrOfADeviceRoundTripsWithItsKioskKeyAndEnrolmentCode() throws Exception {
        DeviceIdentity id = DeviceIdentity.openOrCreate(dir, KIOSK_A, "secret".toCharArray(), MutableClock.atRealNow());

        DeviceCsr csr = DeviceCsr.parse(id.csrPem());

        assertThat(csr.kiosk()).isEqualTo(KIOSK_A);
        assertThat(csr.publicKey().getEncoded()).isEqualTo(id.publicKey().getEncoded());
        assertThat(csr.enrolmentCode()).isEqualTo(id.enrolmentCode()).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(csr.pem()).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
    }

    @Test
    void rsaCsrIsRejectedAsNotP256() throws Exception {
        KeyPair rsa = TestPki.rsaKeys();
        String pem = TestPki.csr(SubjectNames.deviceSubject(KIOSK_A), SubjectNames.urn(KIOSK_A), rsa, rsa.getPrivate());

        assertRejected(pem, ProvisioningError.CSR_KEY_NOT_P256);
    }

    @Test
    void p384CsrIsRejectedAsNotP256() throws Exception {
        KeyPair p384 = TestPki.ecKeys("secp384r1");
        String pem = TestPki.csr(SubjectNames.deviceSubject(KIOSK_A), SubjectNames.urn(KIOSK_A), p384, p384.getPrivate());

        assertRejected(pem, ProvisioningError.CSR_KEY_NOT_P256);
    }

    @Test
    void csrSignedByAnotherKeyIsRejectedAsSignatureInvalid() throws Exception {
        KeyPair subject = TestPki.ecKeys("secp256r1");
        KeyPair other = TestPki.ecKeys("secp256r1");
        String pem = TestPki.csr(SubjectNames.deviceSubject(KIOSK_A), SubjectNames.urn(KIOSK_A), subject, other.getPrivate());

        assertRejected(pem, ProvisioningError.CSR_SIGNATURE_INVALID);
    }

    @Test
    void csrWithForeignOrganisationOrMissingOrDisagreeingSanIsRejectedAsSubjectInvalid() throws Exception {
        KeyPair k = TestPki.ecKeys("secp256r1");
        String urn = SubjectNames.urn(KIOSK_A);

        assertRejected(TestPki.csr(new X500Name("CN=kiosk-a,OU=chu-nord,O=Evil"), urn, k, k.getPrivate()),
                ProvisioningError.CSR_SUBJECT_INVALID);
        assertRejected(TestPki.csr(SubjectNames.deviceSubject(KIOSK_A), null, k, k.getPrivate()),
                ProvisioningError.CSR_SUBJECT_INVALID);
        assertRejected(TestPki.csr(SubjectNames.deviceSubject(KIOSK_A), "urn:vigie:kiosk:chu-nord:kiosk-b", k,
                k.getPrivate()), ProvisioningError.CSR_SUBJECT_INVALID);
        assertRejected(TestPki.csr(new X500Name("CN=Kiosk A,OU=chu-nord,O=Vigie"), urn, k, k.getPrivate()),
                ProvisioningError.CSR_SUBJECT_INVALID);
    }

    @Test
    void textThatIsNotOneCsrIsRejectedAsMalformed() throws Exception {
        assertRejected("hello", ProvisioningError.CSR_MALFORMED);
        assertRejected(null, ProvisioningError.CSR_MALFORMED);
        assertRejected(Pem.encode("CERTIFICATE REQUEST", new byte[] {1, 2, 3}), ProvisioningError.CSR_MALFORMED);
        String one = TestPki.csr(KIOSK_A);
        assertRejected(one + one, ProvisioningError.CSR_MALFORMED);
    }

    private static void assertRejected(String pem, ProvisioningError code) {
        assertThatThrownBy(() -> DeviceCsr.parse(pem)).isInstanceOfSatisfying(ProvisioningException.class,
                e -> assertThat(e.error()).isEqualTo(code));
    }
}
