package fr.vigie.hub.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubMqttCredentialsTest {
    @TempDir
    Path dir;

    @Test
    void secretIsMadeOnceOwnerOnlyAndClientIdsStayTheSameAcrossRestarts() throws Exception {
        HubMqttCredentials first = HubMqttCredentials.openOrCreate(dir.resolve(HubMqttCredentials.FILE));
        HubMqttCredentials again = HubMqttCredentials.openOrCreate(dir.resolve(HubMqttCredentials.FILE));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(
                HubMqttCredentials.FILE))));
        assertEquals(first.clientId("ingest"), again.clientId("ingest"));
        assertNotEquals(first.clientId("ingest"), first.clientId("fleet"));
        assertTrue(first.clientId("ingest").matches("hub\\.ingest\\.[0-9a-f]{32}"), first.clientId("ingest"));
    }

    @Test
    void clientIdsAreDerivedFromTheSecretNotFromAnythingPublic() throws Exception {
        HubMqttCredentials one = HubMqttCredentials.openOrCreate(dir.resolve("one"));
        HubMqttCredentials other = HubMqttCredentials.openOrCreate(dir.resolve("other"));

        assertNotEquals(one.clientId("ingest"), other.clientId("ingest"));
        String secret = Files.readString(dir.resolve("one")).strip();
        assertFalse(one.clientId("ingest").contains(secret.substring(0, 8)));
    }

    @Test
    void onlyTheHubsUsernameAndPasswordAuthenticate() throws Exception {
        HubMqttCredentials hub = HubMqttCredentials.openOrCreate(dir.resolve(HubMqttCredentials.FILE));
        ByteBuffer password = ByteBuffer.wrap(Files.readString(dir.resolve(HubMqttCredentials.FILE)).strip()
                .getBytes(StandardCharsets.US_ASCII));

        assertTrue(hub.authenticates(HubMqttCredentials.USERNAME, password));
        assertFalse(hub.authenticates("someone", password));
        assertFalse(hub.authenticates(HubMqttCredentials.USERNAME, ByteBuffer.wrap("guess".getBytes())));
        assertFalse(hub.authenticates(HubMqttCredentials.USERNAME, null));
        assertFalse(hub.authenticates(null, null));
    }

    @Test
    void nothingSecretInToStringAndPurposesAreChecked() throws Exception {
        HubMqttCredentials hub = HubMqttCredentials.openOrCreate(dir.resolve(HubMqttCredentials.FILE));
        String secret = Files.readString(dir.resolve(HubMqttCredentials.FILE)).strip();

        assertFalse(hub.toString().contains(secret));
        assertFalse(hub.toString().contains(hub.clientId("ingest")));
        assertThrows(IllegalArgumentException.class, () -> hub.clientId("Ingest/../x"));
    }
}
