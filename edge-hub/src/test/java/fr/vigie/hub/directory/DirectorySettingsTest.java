package fr.vigie.hub.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.HubConfig;
import fr.vigie.hub.HubConfigException;
import fr.vigie.hub.testing.TestCertificates;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hub.directory.*}: off by default, defaults, and each bad value refused under its own key. */
class DirectorySettingsTest {
    @TempDir
    Path dir;

    private Map<String, String> minimal() throws Exception {
        Map<String, String> m = new HashMap<>();
        m.put(DirectorySettings.URL, "ldaps://ad.chu-nord.local");
        m.put(DirectorySettings.BIND_DN, "CN=svc-vigie,OU=Services,DC=chu-nord,DC=local");
        m.put(DirectorySettings.BIND_PASSWORD_FILE, TestCertificates.secretFile(dir, "bind", "s3cret\n").toString());
        m.put(DirectorySettings.BASE_DN, "OU=Soignants,DC=chu-nord,DC=local");
        m.put(DirectorySettings.ID_ATTRIBUTE, "employeeID");
        return m;
    }

    @Test
    void offWithoutAUrlAndDefaultsWhenOn() throws Exception {
        assertEquals(Optional.empty(), HubConfig.load(null, Map.of()).gateways().directory());

        DirectorySettings d = HubConfig.load(null, minimal()).gateways().directory().orElseThrow();

        assertEquals(URI.create("ldaps://ad.chu-nord.local"), d.url());
        assertEquals("s3cret", d.bindPassword());
        assertEquals(DirectorySettings.IdFormat.IDNAT, d.idFormat());
        assertEquals("uid", d.loginAttribute());
        assertEquals("memberOf", d.groupAttribute());
        assertEquals(Optional.empty(), d.groupSearchBase());
        assertEquals(Duration.ofSeconds(2), d.connectTimeout());
        assertEquals(Duration.ofSeconds(3), d.readTimeout());
        assertEquals(Duration.ofMinutes(1), d.cacheTtl());
        assertTrue(d.trust().isJvmDefault());
        assertFalse(d.toString().contains("s3cret"), d.toString());
        assertFalse(HubConfig.load(null, minimal()).toString().contains("s3cret"));
    }

    @Test
    void eachBadValueIsRefusedUnderItsKey() throws Exception {
        Map<String, String> bad = Map.of(DirectorySettings.URL, "ldap://ad.chu-nord.local",
                DirectorySettings.BASE_DN, "soignants",
                DirectorySettings.ID_ATTRIBUTE, "employeeID)(uid=*",
                DirectorySettings.ID_FORMAT, "siret",
                DirectorySettings.LOGIN_ATTRIBUTE, "sAMAccountName,cn",
                DirectorySettings.CACHE_SECONDS, "5000",
                DirectorySettings.CONNECT_TIMEOUT_MS, "10",
                DirectorySettings.TRUST_ANCHORS, dir.resolve("missing.pem").toString());
        for (Map.Entry<String, String> b : bad.entrySet()) {
            Map<String, String> m = minimal();
            m.put(b.getKey(), b.getValue());
            HubConfigException e = assertThrows(HubConfigException.class, () -> HubConfig.load(null, m), b.toString());
            assertEquals(b.getKey(), e.key(), e.getMessage());
        }
        Map<String, String> http = minimal();
        http.put(DirectorySettings.URL, "https://ad.chu-nord.local");
        assertEquals(DirectorySettings.URL, assertThrows(HubConfigException.class, () -> HubConfig.load(null, http))
                .key());
    }

    @Test
    void plainLdapOnlyToTheLoopback() throws Exception {
        Map<String, String> m = minimal();
        m.put(DirectorySettings.URL, "ldap://127.0.0.1:3389");
        assertFalse(HubConfig.load(null, m).gateways().directory().orElseThrow().tls());
        m.put(DirectorySettings.URL, "ldap://localhost:3389");
        HubConfigException e = assertThrows(HubConfigException.class, () -> HubConfig.load(null, m));
        assertTrue(e.getMessage().contains("ldaps://"), e.getMessage());
    }

    @Test
    void theBindPasswordFileMustBeOwnerOnlyAndTheOtherKeysNeedTheUrl() throws Exception {
        Map<String, String> m = minimal();
        Path open = dir.resolve("open");
        Files.writeString(open, "s3cret");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        m.put(DirectorySettings.BIND_PASSWORD_FILE, open.toString());
        assertEquals(DirectorySettings.BIND_PASSWORD_FILE, assertThrows(HubConfigException.class,
                () -> HubConfig.load(null, m)).key());

        assertEquals(DirectorySettings.BASE_DN, assertThrows(HubConfigException.class, () -> HubConfig.load(null,
                Map.of(DirectorySettings.BASE_DN, "dc=chu-nord,dc=local"))).key());
        Map<String, String> noBind = minimal();
        noBind.remove(DirectorySettings.BIND_PASSWORD_FILE);
        assertEquals(DirectorySettings.BIND_PASSWORD_FILE, assertThrows(HubConfigException.class,
                () -> HubConfig.load(null, noBind)).key());
    }
}
