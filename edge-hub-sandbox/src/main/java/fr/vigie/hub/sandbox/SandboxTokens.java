package fr.vigie.hub.sandbox;

import fr.vigie.protocol.KioskAddress;
import fr.vigie.hub.enrol.EnrolmentRefused;
import fr.vigie.hub.enrol.Enrolments;
import fr.vigie.provisioning.AtomicFiles;
import fr.vigie.provisioning.enrolment.BootstrapToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo only: issues bootstrap tokens for the demo's virtual kiosks {@code kiosk-001…} once the sandbox's
 * hub has started, and writes each to {@code <dir>/<kioskId>} (mode 600), where the kiosks on the same
 * machine read them, so that the demo enrols over HTTPS and reports over mutual TLS without anyone at
 * the console. A real site hands tokens out through IT. Stateless.
 */
public final class SandboxTokens {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxTokens.class);
    /** Directory of the tokens inside the sandbox's folder. */
    public static final String DIR = "bootstrap-tokens";

    private SandboxTokens() {
    }

    /** Issues {@code count} tokens valid one day; the token values go only to the files. */
    public static void write(Enrolments enrolments, Path dir, int count) throws IOException, SQLException {
        AtomicFiles.createPrivateDirectory(dir);
        String site = enrolments.siteCa().settings().site();
        for (int i = 1; i <= count; i++) {
            KioskAddress kiosk = KioskAddress.of(site, String.format("kiosk-%03d", i));
            try {
                BootstrapToken t = enrolments.issueToken(kiosk, Duration.ofDays(1), "hub");
                AtomicFiles.write(dir.resolve(kiosk.kioskId()), t.value().getBytes(StandardCharsets.US_ASCII));
            } catch (EnrolmentRefused e) {
                throw new IllegalStateException("sandbox token for " + kiosk + " refused: " + e.getMessage(), e);
            }
        }
        LOG.warn("sandbox: {} bootstrap tokens for the demo kiosks of '{}' written to {} (never on a real site)",
                count, site, dir);
    }
}
