package fr.vigie.hardware.sim.pcsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.vigie.hardware.card.TestCards;
import fr.vigie.hardware.sim.card.VirtualCpsCard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fidelity check with an independent reader: OpenSC (Debian {@code opensc}) sees the virtual CPS
 * card behind pcscd as an IAS-ECC CPx card and lists its authentication certificate, as it does
 * for a real card.
 */
@Timeout(60)
class OpenScFidelityIT {
    private PcscdStation station;
    private VirtualCpsCard card;

    @BeforeEach
    void insertCardBehindPcscd() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pkcs15-tool")), "OpenSC (pkcs15-tool) is not installed");
        station = PcscdStation.start();
        card = TestCards.cps();
        station.insert(card);
    }

    @AfterEach
    void stop() {
        if (station != null) {
            station.close();
        }
    }

    @Test
    void openScRecognisesTheVirtualCardAsIasEccCpx() throws Exception {
        String log = run(Map.of("OPENSC_DEBUG", "9"), "opensc-tool", "--name");
        assertThat(log).contains("'IAS/ECC CPx' card matched").contains("IAS-ECC");
    }

    @Test
    void openScListsTheAuthenticationCertificate() throws Exception {
        String out = run(Map.of(), "pkcs15-tool", "--list-certificates");
        assertThat(out).contains("X.509 Certificate [Certificat d'authentification CPS]")
                .contains("Path           : 3f001001c001")
                .contains("ID             : 01")
                .contains(card.credential().certificate().getSerialNumber().toString(16).toUpperCase());
    }

    @Test
    void theCertificateOpenScReadsIsTheCardHolders() throws Exception {
        String pem = run(Map.of(), "pkcs15-tool", "--read-certificate", "01");
        assertThat(pem).contains("-----BEGIN CERTIFICATE-----");
        String base64 = pem.substring(pem.indexOf("-----BEGIN CERTIFICATE-----") + 27, pem.indexOf("-----END CERTIFICATE-----"))
                .replaceAll("\\s", "");
        assertThat(java.util.Base64.getDecoder().decode(base64)).isEqualTo(card.credential().certificate().getEncoded());
    }

    private static String run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
