package fr.vigie.provisioning.igcsante;

import static fr.vigie.provisioning.igcsante.IgcSanteFixture.CA;
import static fr.vigie.provisioning.igcsante.IgcSanteFixture.CARD_KEYS;
import static fr.vigie.provisioning.igcsante.IgcSanteFixture.FORGER;
import static fr.vigie.provisioning.igcsante.IgcSanteFixture.card;
import static fr.vigie.provisioning.igcsante.IgcSanteFixture.rpps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.testing.MutableClock;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

class IgcSanteValidatorTest {
    private static final Duration GRACE = Duration.ofHours(48);
    private final MutableClock clock = IgcSanteFixture.dayAfter();
    private final IgcSanteCrls crls = IgcSanteCrls.inMemory(CA.trust());
    private final IgcSanteValidator validator = new IgcSanteValidator(CA.trust(), crls, GRACE, clock);

    private void loadCrls() throws Exception {
        for (X509CRL crl : CA.crls()) {
            crls.offer(crl);
        }
    }

    private void refusedWith(X509Certificate cert, ProvisioningError code) {
        assertThatThrownBy(() -> validator.validate(cert)).isInstanceOfSatisfying(ProvisioningException.class,
                e -> assertThat(e.error()).as(e.getMessage()).isEqualTo(code));
    }

    @Test
    void aValidCardCertificateNamesItsHolderFromTheCertificate() throws Exception {
        String id = rpps("1000000001");
        X509Certificate cert = card(CA, id);
        loadCrls();

        ProfessionalCertificate who = validator.validate(cert);

        assertThat(who.idNatPs()).isEqualTo(id);
        assertThat(who.familyName()).isEqualTo("MARTIN");
        assertThat(who.givenName()).isEqualTo("Claire");
        assertThat(who.serial()).isEqualTo(cert.getSerialNumber().toString(16));
        assertThat(who.path()).containsExactly(cert, CA.personnesCertificate());
        assertThat(who.crlGraceUntil()).isEmpty();
    }

    @Test
    void aRevokedCertificateIsRefusedWithCertRevoked() throws Exception {
        X509Certificate cert = card(CA, rpps("1000000002"));
        CA.revoke(cert.getSerialNumber());
        loadCrls();

        refusedWith(cert, ProvisioningError.CERT_REVOKED);
    }

    @Test
    void anExpiredCertificateIsRefusedWithCertExpired() throws Exception {
        X509Certificate cert = card(CA, rpps("1000000003"));
        loadCrls();
        clock.set(cert.getNotAfter().toInstant().plusSeconds(1));

        refusedWith(cert, ProvisioningError.CERT_EXPIRED);
    }

    @Test
    void aCertificateBeforeItsValidityIsRefusedWithCertNotYetValid() throws Exception {
        X509Certificate cert = card(CA, rpps("1000000004"));
        loadCrls();
        clock.set(cert.getNotBefore().toInstant().minusSeconds(1));

        refusedWith(cert, ProvisioningError.CERT_NOT_YET_VALID);
    }

    @Test
    void aCertificateFromAnotherHierarchyWithTheSameNamesIsRefusedWithUntrustedIssuer() throws Exception {
        loadCrls();

        refusedWith(card(FORGER, rpps("1000000005")), ProvisioningError.CERT_UNTRUSTED_ISSUER);
    }

    @Test
    void aCertificateWithoutDigitalSignatureIsRefusedWithWrongUsage() throws Exception {
        X509Certificate cert = CA.certify(rpps("1000000006"), "MARTIN", "Claire", CARD_KEYS.getPublic(),
                KeyUsage.keyEncipherment);
        loadCrls();

        refusedWith(cert, ProvisioningError.CERT_WRONG_USAGE);
    }

    @Test
    void withoutTheIssuersCrlTheCertificateIsRefusedWithCrlMissing() {
        refusedWith(card(CA, rpps("1000000007")), ProvisioningError.CRL_MISSING);
    }

    @Test
    void aCrlPastItsNextUpdateIsStillUsedDuringTheGraceAndSaysUntilWhen() throws Exception {
        X509Certificate cert = card(CA, rpps("1000000008"));
        loadCrls();
        Instant nextUpdate = crls.of(CA.personnesCertificate()).orElseThrow().getNextUpdate().toInstant();
        clock.set(nextUpdate.plus(GRACE).minusSeconds(1));

        ProfessionalCertificate who = validator.validate(cert);

        assertThat(who.crlGraceUntil()).isPresent();
        assertThat(who.crlGraceUntil().get()).isBeforeOrEqualTo(nextUpdate.plus(GRACE));
    }

    @Test
    void aCrlPastItsNextUpdateAndTheGraceIsRefusedWithCrlStale() throws Exception {
        X509Certificate cert = card(CA, rpps("1000000009"));
        loadCrls();
        Instant nextUpdate = crls.of(CA.personnesCertificate()).orElseThrow().getNextUpdate().toInstant();
        clock.set(nextUpdate.plus(GRACE).plusSeconds(1));

        refusedWith(cert, ProvisioningError.CRL_STALE);
    }

    @Test
    void aSubjectCnThatIsNotAnIdNatPsIsRefused() throws Exception {
        X509Certificate cert = card(CA, "81234");
        loadCrls();

        refusedWith(cert, ProvisioningError.CERT_SUBJECT_INVALID);
    }

    @Test
    void aCaCertificatePresentedAsACardIsRefusedWithWrongUsage() throws Exception {
        loadCrls();

        refusedWith(CA.personnesCertificate(), ProvisioningError.CERT_WRONG_USAGE);
    }
}
