package fr.vigie.provisioning.siteca;

import static fr.vigie.provisioning.TestPki.KIOSK_A;
import static fr.vigie.provisioning.TestPki.KIOSK_B;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.provisioning.RevocationReason;
import fr.vigie.provisioning.TestPki;
import fr.vigie.provisioning.device.DeviceCsr;
import fr.vigie.testing.MutableClock;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevocationTest {
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.atRealNow();

    @Test
    void crlListsRevokedSerialsWithReasonsAndIsSignedByTheIssuingCa() throws Exception {
        SiteCa ca = TestPki.siteCa(dir, clock);
        X509Certificate a = ca.issueDevice(DeviceCsr.parse(TestPki.csr(KIOSK_A)), KIOSK_A);
        X509Certificate b = ca.issueDevice(DeviceCsr.parse(TestPki.csr(KIOSK_B)), KIOSK_B);
        Instant now = clock.instant();

        ca.revoke(a.getSerialNumber(), RevocationReason.KEY_COMPROMISE);
        X509CRL crl = ca.revoke(b.getSerialNumber(), RevocationReason.CESSATION_OF_OPERATION);

        crl.verify(ca.issuingCertificate().getPublicKey());
        assertThat(crl.getIssuerX500Principal()).isEqualTo(ca.issuingCertificate().getSubjectX500Principal());
        assertThat(crl.getRevokedCertificates()).hasSize(2);
        assertThat(crl.getRevokedCertificate(a.getSerialNumber()).getRevocationReason()).isEqualTo(CRLReason.KEY_COMPROMISE);
        assertThat(crl.getRevokedCertificate(b.getSerialNumber()).getRevocationReason())
                .isEqualTo(CRLReason.CESSATION_OF_OPERATION);
        assertThat(crl.getThisUpdate().toInstant()).isEqualTo(now);
        assertThat(crl.getNextUpdate().toInstant()).isEqualTo(now.plus(Duration.ofDays(2)));
        assertThat(ca.isRevoked(a.getSerialNumber())).isTrue();
        assertThat(ca.isRevoked(BigInteger.TEN)).isFalse();
    }

    @Test
    void revocationsSurviveARestartOfTheCa() throws Exception {
        SiteCa ca = TestPki.siteCa(dir, clock);
        X509Certificate a = ca.issueDevice(DeviceCsr.parse(TestPki.csr(KIOSK_A)), KIOSK_A);
        ca.revoke(a.getSerialNumber(), RevocationReason.SUPERSEDED);

        SiteCa reopened = TestPki.siteCa(dir, clock);

        assertThat(reopened.isRevoked(a.getSerialNumber())).isTrue();
        assertThat(reopened.currentCrl().getRevokedCertificate(a.getSerialNumber()).getRevocationReason())
                .isEqualTo(CRLReason.SUPERSEDED);
    }

    @Test
    void crlIsResignedWithAHigherNumberOnceHalfItsValidityHasPassed() throws Exception {
        SiteCa ca = TestPki.siteCa(dir, clock);
        X509CRL first = ca.currentCrl();

        clock.advance(Duration.ofHours(23));
        X509CRL stillFirst = ca.currentCrl();
        clock.advance(Duration.ofHours(1));
        X509CRL second = ca.currentCrl();

        assertThat(stillFirst).isSameAs(first);
        assertThat(crlNumber(second)).isEqualTo(crlNumber(first).add(BigInteger.ONE));
        assertThat(second.getNextUpdate().toInstant()).isEqualTo(clock.instant().plus(Duration.ofDays(2)));
        assertThat(ca.currentCrlPem()).startsWith("-----BEGIN X509 CRL-----");
    }

    private static BigInteger crlNumber(X509CRL crl) {
        byte[] ext = crl.getExtensionValue(Extension.cRLNumber.getId());
        return ASN1Integer.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getValue();
    }
}
