package fr.vigie.hub;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubFilePermissionsTest {
    @TempDir
    Path data;

    @Test
    void directoriesTheHubMadeAreClosedButThePostgresClusterIsLeftToPostgres() throws Exception {
        for (String d : List.of("broker/data/persistence", "site-ca", "postgres/data/base")) {
            Files.createDirectories(data.resolve(d));
        }
        for (String d : List.of("", "broker", "broker/data", "broker/data/persistence", "site-ca", "postgres",
                "postgres/data/base")) {
            Files.setPosixFilePermissions(data.resolve(d), PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        HubFilePermissions.secure(data, List.of());

        for (String d : List.of("", "broker", "broker/data", "broker/data/persistence", "site-ca", "postgres",
                "postgres/data")) {
            assertEquals("rwx------", mode(data.resolve(d)), d);
        }
        assertEquals("rwxr-xr-x", mode(data.resolve("postgres/data/base")), "PostgreSQL's own files");
    }

    @Test
    void aSecretOthersMayReadIsRefusedWithTheFileAndTheFix() throws Exception {
        for (String secret : HubFilePermissions.SECRETS) {
            Path file = data.resolve(secret);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "secret");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

            Exception e = assertThrows(HubFilePermissions.InsecureFileException.class,
                    () -> HubFilePermissions.secure(data, List.of()), secret);

            assertTrue(e.getMessage().contains("chmod 600 " + file), e.getMessage());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        assertDoesNotThrow(() -> HubFilePermissions.secure(data, List.of()));
    }

    @Test
    void aConfiguredPassphraseFileAndTheGatewaysSecretFilesAreSecretsTooButTheInstanceIdIsNot() throws Exception {
        Files.writeString(data.resolve("hub-instance-id"), "0123456789ab\n");
        Files.setPosixFilePermissions(data.resolve("hub-instance-id"), PosixFilePermissions.fromString("rw-r--r--"));
        Path insiPassword = Files.createTempFile(data.getParent(), "insi", ".password");
        Files.setPosixFilePermissions(insiPassword, PosixFilePermissions.fromString("rw-------"));
        Path passphrase = Files.createTempFile(data.getParent(), "passphrase", "");
        Files.setPosixFilePermissions(passphrase, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThrows(HubFilePermissions.InsecureFileException.class, () -> HubFilePermissions.secure(data,
                List.of(passphrase, insiPassword)));
        Files.setPosixFilePermissions(passphrase, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(insiPassword, PosixFilePermissions.fromString("rw-r--r--"));

        assertThrows(HubFilePermissions.InsecureFileException.class, () -> HubFilePermissions.secure(data,
                List.of(passphrase, insiPassword)));
        Files.setPosixFilePermissions(insiPassword, PosixFilePermissions.fromString("rw-------"));
        assertDoesNotThrow(() -> HubFilePermissions.secure(data, List.of(passphrase, insiPassword)));
        Files.delete(passphrase);
        Files.delete(insiPassword);
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
