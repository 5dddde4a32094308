package fr.vigie.provisioning.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.provisioning.siteca.SiteCa;
import fr.vigie.provisioning.siteca.SiteCaSettings;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootPinTest {
    @TempDir
    Path dir;

    @Test
    void siteRootFingerprintIsTheSha256OfItsCertificateAndReadsWithColons() throws Exception {
        SiteCa ca = SiteCa.openOrCreate(dir, SiteCaSettings.defaults("chu-nord").withKeyProtectionIterations(10_000),
                "p".toCharArray(), Clock.systemUTC());

        String fp = ca.rootFingerprint();

        assertEquals(fp, RootPin.fingerprint(ca.rootCertificate()));
        assertTrue(fp.matches("[0-9a-f]{64}"));
        assertTrue(RootPin.isFingerprint(fp.toUpperCase().replaceAll("(..)(?!$)", "$1:")));
        assertFalse(RootPin.isFingerprint(fp.substring(1)));
        assertThrows(IllegalArgumentException.class, () -> RootPin.enrolmentContext("not a fingerprint"));
    }
}
