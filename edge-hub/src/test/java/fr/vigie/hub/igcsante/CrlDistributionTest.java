package fr.vigie.hub.igcsante;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.vigie.provisioning.igcsante.IgcSanteCrls;
import fr.vigie.hardware.sim.igcsante.IgcSanteSandboxCa;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrlDistributionTest {
    private static final IgcSanteSandboxCa CA = IgcSanteSandboxCa.create(Clock.systemUTC(), new SecureRandom());

    @TempDir
    Path dir;

    @Test
    void aConfiguredFileIsReadAgainWhenItChangesAndItsLastGoodContentSurvivesABadCopy() throws Exception {
        Path file = dir.resolve("personnes.crl");
        X509CRL first = CA.crls().get(1);
        Files.write(file, first.getEncoded());
        CrlDistribution distribution = new CrlDistribution(List.of(file));
        assertEquals(List.of(first), distribution.crls());

        CA.revoke(BigInteger.valueOf(42));
        X509CRL second = CA.crls().get(1);
        Files.writeString(file, IgcSanteCrls.toPem(List.of(second)));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(List.of(second), distribution.crls());

        Files.writeString(file, "half a download");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        assertEquals(List.of(second), distribution.crls());
    }

    @Test
    void aMissingFileServesNothingAndTheOtherFilesStillServe() throws Exception {
        Path present = dir.resolve("root.crl");
        Files.write(present, CA.crls().get(0).getEncoded());
        CrlDistribution distribution = new CrlDistribution(List.of(dir.resolve("absent.crl"), present));

        assertEquals(List.of(CA.crls().get(0)), distribution.crls());
    }
}
