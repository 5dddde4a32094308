package fr.vigie.hub.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private static final Instant T = Instant.parse("2025-06-01T08:00:00.123456789Z");

    @Test
    void canonicalFormIsTheDocumentedArrayWithSortedDetailsAndMicrosecondTime() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("version", "12");
        details.put("group", "default");
        String c = AuditChain.canonical(7, T, "alice", "CONFIG_ROLLED_OUT", "group:default", details, AuditChain.GENESIS);
        assertEquals("[\"vigie-audit-1\",7,\"2025-06-01T08:00:00.123456Z\",\"alice\",\"CONFIG_ROLLED_OUT\","
                + "\"group:default\",{\"group\":\"default\",\"version\":\"12\"},\"" + "0".repeat(64) + "\"]", c);
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscapedSoFieldsCannotRunTogether() {
        String c = AuditChain.canonical(1, Instant.EPOCH, "a\"b", "X_Y", "s\\\n", Map.of(), AuditChain.GENESIS);
        assertTrue(c.contains("\"a\\\"b\""), c);
        assertTrue(c.contains("\"s\\\\\\u000a\""), c);
        assertTrue(c.contains("1970-01-01T00:00:00.000000Z"), c);
        assertNotEquals(AuditChain.hash(1, Instant.EPOCH, "a", "X_Y", "b,c", Map.of(), AuditChain.GENESIS),
                AuditChain.hash(1, Instant.EPOCH, "a\",\"X_Y", "b", "c", Map.of(), AuditChain.GENESIS));
    }

    @Test
    void hashIsSha256HexOfTheCanonicalForm() {
        String c = AuditChain.canonical(1, T, "hub", "HUB_STARTED", "hub", Map.of(), AuditChain.GENESIS);
        assertEquals(AuditChain.sha256(c), AuditChain.hash(1, T, "hub", "HUB_STARTED", "hub", Map.of(), AuditChain.GENESIS));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", AuditChain.sha256("abc"));
    }

    @Test
    void positionAndPreviousHashAreCovered() {
        String h1 = AuditChain.hash(1, T, "hub", "HUB_STARTED", "hub", Map.of(), AuditChain.GENESIS);
        assertNotEquals(h1, AuditChain.hash(2, T, "hub", "HUB_STARTED", "hub", Map.of(), AuditChain.GENESIS));
        assertNotEquals(h1, AuditChain.hash(1, T, "hub", "HUB_STARTED", "hub", Map.of(), "1".repeat(64)));
    }

    @Test
    void entriesRefuseSecretsAndMalformedCodes() {
        assertThrows(IllegalArgumentException.class, () -> AuditEntry.of("alice", "X_Y", "s", Map.of("apiToken", "abc")));
        assertThrows(IllegalArgumentException.class, () -> AuditEntry.of("alice", "X_Y", "s", Map.of("PIN", "1234")));
        assertThrows(IllegalArgumentException.class, () -> AuditEntry.of("alice", "X_Y", "s", Map.of("nir", "1")));
        assertThrows(IllegalArgumentException.class, () -> AuditEntry.of("alice", "config rolled out", "s"));
        assertThrows(IllegalArgumentException.class, () -> AuditEntry.of("", "X_Y", "s"));
        assertThrows(IllegalArgumentException.class, () -> AuditEntry.of("alice", "X_Y", "s", Map.of("k", "a\0b")));
        assertEquals("unknown", AuditEntry.staff(null));
        assertEquals("alice", AuditEntry.staff("alice"));
        assertEquals("kiosk:chu-nord/k-1", AuditEntry.kiosk(fr.vigie.protocol.KioskAddress.of("chu-nord", "k-1")));
    }
}
