package fr.vigie.provisioning.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyStoreTest {
    private static final char[] PASS = "correct horse battery staple".toCharArray();

    @TempDir
    Path dir;

    @Test
    void keyIsGeneratedOnceAndReopenedUnderThePassphrase() throws Exception {
        Path file = dir.resolve("keys/config-signing.p12");
        KeyPair first = SigningKeyStore.openOrCreate(file, "config-signing", PASS, 1000);
        KeyPair again = SigningKeyStore.openOrCreate(file, "config-signing", PASS, 1000);
        assertArrayEquals(first.getPublic().getEncoded(), again.getPublic().getEncoded());
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(again.getPrivate());
        s.update(new byte[] {1, 2, 3});
        byte[] sig = s.sign();
        s.initVerify(first.getPublic());
        s.update(new byte[] {1, 2, 3});
        assertEquals(true, s.verify(sig));
        String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("PRIVATE KEY"), "the key is encrypted in a PKCS#12 file, not stored as PEM");
    }

    @Test
    void wrongOrMissingPassphraseIsRefusedWithItsCode() throws Exception {
        Path file = dir.resolve("k.p12");
        SigningKeyStore.openOrCreate(file, "config-signing", PASS, 1000);
        assertEquals(ProvisioningError.CA_PASSPHRASE_WRONG, assertThrows(ProvisioningException.class,
                () -> SigningKeyStore.openOrCreate(file, "config-signing", "wrong".toCharArray(), 1000)).error());
        assertEquals(ProvisioningError.CA_LOCKED, assertThrows(ProvisioningException.class,
                () -> SigningKeyStore.openOrCreate(file, "config-signing", new char[0], 1000)).error());
    }

    @Test
    void publicKeyPemRoundTripsAndOtherPemIsRefused() throws Exception {
        KeyPair k = SigningKeyStore.openOrCreate(dir.resolve("k.p12"), "config-signing", PASS, 1000);
        String pem = SigningKeyStore.publicKeyPem(k.getPublic());
        assertArrayEquals(k.getPublic().getEncoded(), SigningKeyStore.parsePublicKey(pem).getEncoded());
        assertThrows(IllegalArgumentException.class, () -> SigningKeyStore.parsePublicKey(
                pem.replace("PUBLIC KEY", "CERTIFICATE")));
        assertThrows(IllegalArgumentException.class, () -> SigningKeyStore.parsePublicKey("junk"));
    }
}
