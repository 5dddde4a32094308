package fr.vigie.hub.broker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MosquittoSecurityConfigTest {

    @Test
    void deviceListenerRequiresTls13ClientCertificatesAndChecksTheCrl() {
        List<String> lines = MosquittoSecurityConfig.conf(Path.of("/etc/vigie/broker"), "0.0.0.0", 8883, 1883)
                .lines().toList();

        assertTrue(lines.contains("listener 1883 127.0.0.1"), lines::toString);
        assertTrue(lines.contains("listener 8883 0.0.0.0"), lines::toString);
        assertTrue(lines.contains("tls_version tlsv1.3"), lines::toString);
        assertTrue(lines.contains("require_certificate true"), lines::toString);
        assertTrue(lines.contains("use_identity_as_username true"), lines::toString);
        assertTrue(lines.contains("crlfile /etc/vigie/broker/site-ca.crl.pem"), lines::toString);
        assertTrue(lines.contains("acl_file /etc/vigie/broker/vigie.acl"), lines::toString);
        // TLS options belong to the device listener: they come after it, not after the hub's
        assertTrue(lines.indexOf("require_certificate true") > lines.indexOf("listener 8883 0.0.0.0"));
        assertTrue(lines.indexOf("listener 1883 127.0.0.1") < lines.indexOf("listener 8883 0.0.0.0"));
    }

    @Test
    void aclConfinesEachDeviceToItsOwnSubtreeOfTheSite() {
        List<String> lines = MosquittoSecurityConfig.acl("chu-nord").lines().toList();

        assertTrue(lines.contains("pattern write vigie/v1/chu-nord/%u/event"), lines::toString);
        assertTrue(lines.contains("pattern write vigie/v1/chu-nord/%u/status"), lines::toString);
        assertTrue(lines.contains("pattern write vigie/v1/chu-nord/%u/reply"), lines::toString);
        assertTrue(lines.contains("pattern read vigie/v1/chu-nord/%u/cmd"), lines::toString);
        assertTrue(lines.contains("pattern read vigie/v1/chu-nord/%u/config"), lines::toString);
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("pattern") && (l.contains("#") || l.contains("+"))),
                lines::toString);
    }

    @Test
    void anonymousRulesComeFirstSoThatOnlyTheLoopbackHubGetsThem() {
        List<String> lines = MosquittoSecurityConfig.acl("chu-nord").lines().toList();
        int firstPattern = lines.indexOf("pattern write vigie/v1/chu-nord/%u/event");

        assertTrue(lines.indexOf("topic read vigie/v1/+/+/event") < firstPattern);
        assertTrue(lines.indexOf("topic write vigie/v1/+/+/cmd") < firstPattern);
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("user ")), lines::toString);
    }
}
