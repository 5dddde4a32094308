package fr.vigie.provisioning.igcsante;

import static fr.vigie.provisioning.igcsante.IgcSanteFixture.CA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgcSanteTrustTest {
    @TempDir
    Path dir;

    @Test
    void aPemFileOfRootAndIntermediateGivesOneAnchorAndBothCertificates() throws Exception {
        Path file = dir.resolve("igc-sante.pem");
        Files.writeString(file, CA.trust().toPem());

        IgcSanteTrust trust = IgcSanteTrust.load(List.of(file, file));

        assertThat(trust.anchors()).singleElement()
                .satisfies(a -> assertThat(a.getTrustedCert()).isEqualTo(CA.rootCertificate()));
        assertThat(trust.certificates()).containsExactly(CA.rootCertificate(), CA.personnesCertificate());
    }

    @Test
    void aCardCertificateAmongTheAnchorsIsRefused() {
        assertThatThrownBy(() -> IgcSanteTrust.of(List.of(CA.rootCertificate(),
                IgcSanteFixture.card(CA, IgcSanteFixture.rpps("1000000010")))))
                .isInstanceOfSatisfying(ProvisioningException.class,
                        e -> assertThat(e.error()).isEqualTo(ProvisioningError.CERT_WRONG_USAGE));
    }

    @Test
    void intermediatesWithoutTheirRootAreRefused() {
        assertThatThrownBy(() -> IgcSanteTrust.of(List.of(CA.personnesCertificate())))
                .isInstanceOfSatisfying(ProvisioningException.class,
                        e -> assertThat(e.error()).isEqualTo(ProvisioningError.CERT_UNTRUSTED_ISSUER));
    }

    @Test
    void aFileThatIsNotPemIsRefusedNamingTheFile() throws Exception {
        Path file = dir.resolve("broken.pem");
        Files.writeString(file, "hello");

        assertThatThrownBy(() -> IgcSanteTrust.load(List.of(file))).isInstanceOfSatisfying(
                ProvisioningException.class, e -> {
                    assertThat(e.error()).isEqualTo(ProvisioningError.CERT_MALFORMED);
                    assertThat(e.getMessage()).contains("broken.pem");
                });
    }
}
