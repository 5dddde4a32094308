package fr.vigie.provisioning.device;

import fr.vigie.provisioning.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The kiosk's device secret: 256 random bits created once, kept in a file of mode 600 that should
 * live outside the kiosk data directory (for instance {@code /etc/vigie/device-secret}, readable
 * only by the kiosk's service user). It is the password of the {@link DeviceIdentity} store, so
 * that a copy of the data directory alone does not reveal the device key. Stateless.
 */
public final class DeviceSecret {
    private static final int BYTES = 32;
    private static final int MIN_CHARS = 43;

    private DeviceSecret() {
    }

    /**
     * Reads the secret from {@code file}, creating it (and its directory, mode 700) on first call.
     *
     * @return the secret as password characters; the caller should clear the array after use
     * @throws IOException when the file cannot be read or written, or holds fewer than 256 bits
     */
    public static char[] loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                AtomicFiles.createPrivateDirectory(dir);
            }
            byte[] raw = new byte[BYTES];
            new SecureRandom().nextBytes(raw);
            AtomicFiles.write(file, Base64.getUrlEncoder().withoutPadding().encode(raw));
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip();
        if (text.length() < MIN_CHARS) {
            throw new IOException("device secret " + file + " is too short: expected at least " + MIN_CHARS
                    + " characters (256 bits), found " + text.length());
        }
        return text.toCharArray();
    }
}
