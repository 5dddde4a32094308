package fr.vigie.hub.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class MosquittoSecurityConfigTest {

    @Test
    void deviceListenerRequiresTls13ClientCertificatesChecksTheCrlAndNamesClientsAfterTheirCertificate() {
        List<String> lines = MosquittoSecurityConfig.conf(Path.of("/etc/vigie/broker"), "0.0.0.0", 8883, 1883)
                .lines().toList();
        List<String> device = lines.subList(lines.indexOf("listener 8883 0.0.0.0"), lines.size());

        assertTrue(device.contains("tls_version tlsv1.3"), lines::toString);
        assertTrue(device.contains("require_certificate true"), lines::toString);
        assertTrue(device.contains("use_identity_as_username true"), lines::toString);
        assertTrue(device.contains("use_username_as_clientid true"), lines::toString);
        assertTrue(device.contains("crlfile /etc/vigie/broker/site-ca.crl.pem"), lines::toString);
        assertTrue(device.contains("acl_file /etc/vigie/broker/vigie-devices.acl"), lines::toString);
        assertTrue(device.contains("allow_anonymous false"), lines::toString);
    }

    @Test
    void hubListenerIsLoopbackOnlyAndTakesNothingButThePasswordFile() {
        List<String> lines = MosquittoSecurityConfig.conf(Path.of("/etc/vigie/broker"), "0.0.0.0", 8883, 1883)
                .lines().toList();
        List<String> hub = lines.subList(lines.indexOf("listener 1883 127.0.0.1"), lines.indexOf("listener 8883 0.0.0.0"));

        assertTrue(lines.contains("per_listener_settings true"), lines::toString);
        assertTrue(hub.contains("allow_anonymous false"), hub::toString);
        assertTrue(hub.contains("password_file /etc/vigie/broker/vigie-hub.passwd"), hub::toString);
        assertTrue(hub.contains("acl_file /etc/vigie/broker/vigie-hub.acl"), hub::toString);
        assertFalse(lines.contains("allow_anonymous true"), lines::toString);
    }

    @Test
    void deviceAclConfinesEachDeviceToItsOwnSubtreeOfTheSite() {
        List<String> lines = MosquittoSecurityConfig.deviceAcl("chu-nord").lines().toList();

        assertTrue(lines.contains("pattern write vigie/v1/chu-nord/%u/event"), lines::toString);
        assertTrue(lines.contains("pattern write vigie/v1/chu-nord/%u/status"), lines::toString);
        assertTrue(lines.contains("pattern write vigie/v1/chu-nord/%u/reply"), lines::toString);
        assertTrue(lines.contains("pattern read vigie/v1/chu-nord/%u/cmd"), lines::toString);
        assertTrue(lines.contains("pattern read vigie/v1/chu-nord/%u/config"), lines::toString);
        assertFalse(lines.stream().anyMatch(l -> !l.startsWith("#") && !l.isBlank() && !l.startsWith("pattern")),
                lines::toString);
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("pattern") && (l.contains("#") || l.contains("+"))),
                lines::toString);
    }

    @Test
    void hubAclGrantsTheHubUserAloneItsTrees() {
        List<String> lines = MosquittoSecurityConfig.hubAcl().lines().filter(l -> !l.startsWith("#")).toList();

        assertEquals(List.of("user vigie-hub", "topic read vigie/v1/+/+/event", "topic read vigie/v1/+/+/status",
                "topic read vigie/v1/+/+/reply", "topic write vigie/v1/+/+/cmd", "topic write vigie/v1/+/+/config"),
                lines);
    }

    @Test
    void passwordHashIsMosquittoPbkdf2Sha512Format() {
        // mosquitto_passwd -b of 'secretpw' with this salt and its default 101 iterations
        byte[] salt = Base64.getDecoder().decode("QTuB5dHsrj8Q9TPm");
        assertEquals("$7$101$QTuB5dHsrj8Q9TPm$3V0mvDAdeu6tIQ8rtpdjJeHxF74Br6tI4+0ptGTA1L9uxw8G7ILtx/FAOnyqKQ1+NVLYh8K8fBFlHGckPqE+2Q==",
                MosquittoSecurityConfig.passwordHash("secretpw".toCharArray(), salt, 101));
    }
}
