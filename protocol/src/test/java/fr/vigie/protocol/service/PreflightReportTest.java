package fr.vigie.protocol.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PreflightReportTest {
    @Test
    void warningsLeaveTheExitAtZeroAndOneFailureMakesItOne() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PreflightReport report = new PreflightReport(new PrintStream(out, true, StandardCharsets.UTF_8));
        report.add(PreflightCheck.ok("INSi", "certificate.cn", "INSI-AUTO"));
        report.add(PreflightCheck.warn("INSi", "certificate.expiry", "CERT_EXPIRES_SOON", "dans 9 jour(s)"));
        assertEquals(PreflightReport.EXIT_OK, report.finish());
        report.add(PreflightCheck.fail("PSC", "discovery", "DISCOVERY_NOT_FOUND", "répond 404\nle chemin est faux"));
        assertEquals(PreflightReport.EXIT_FAILED, report.finish());
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("OK   INSi   certificate.cn       INSI-AUTO\n"), text);
        assertTrue(text.contains("FAIL PSC    discovery            DISCOVERY_NOT_FOUND répond 404 le chemin est faux\n"),
                "one line per check, whatever the reason holds: " + text);
        assertTrue(text.contains("bilan : 1 échec(s), 1 avertissement(s) sur 3 contrôles"), text);
    }

    @Test
    void aWarningOrAFailureNeedsAStableCode() {
        assertThrows(IllegalArgumentException.class, () -> PreflightCheck.fail("PSC", "discovery", "", "404"));
        assertThrows(IllegalArgumentException.class, () -> PreflightCheck.warn("PSC", "discovery", "not found", "404"));
    }
}
