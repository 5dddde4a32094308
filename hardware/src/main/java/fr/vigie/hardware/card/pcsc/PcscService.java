package fr.vigie.hardware.card.pcsc;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's PC/SC service, pcscd, as support tools describe it when it does not answer: whether it is
 * installed, whether its socket is there, and the one line saying what to do ({@code ./vigie card},
 * {@code ./vigie kiosk check}). Stateless.
 */
public final class PcscService {
    /** Where pcscd listens when it runs (pcsc-lite's default socket). */
    public static final Path SOCKET = Path.of("/run/pcscd/pcscd.comm");

    private PcscService() {
    }

    /** Whether pcscd's socket exists on this machine. */
    public static boolean socketPresent() {
        return Files.exists(SOCKET);
    }

    /** Whether the pcscd program is installed on this machine. */
    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/sbin/pcscd")) || Files.isExecutable(Path.of("/usr/bin/pcscd"));
    }

    /** What to do on this machine when the PC/SC service does not answer. */
    public static String hint() {
        return hint(socketPresent(), installed());
    }

    /**
     * What to do when the PC/SC service does not answer: install pcscd, or start it, the way the machine runs
     * services.
     */
    public static String hint(boolean socketPresent, boolean installed) {
        if (!installed) {
            return "hint: the PC/SC service pcscd is not installed: sudo apt-get install pcscd (then plug the reader in)";
        }
        if (socketPresent) {
            return "hint: pcscd's socket " + SOCKET + " exists but nobody answers: restart it with"
                    + " sudo systemctl restart pcscd.socket pcscd (without systemd: sudo pcscd)";
        }
        return "hint: the PC/SC service pcscd is not running: start it with sudo systemctl start pcscd.socket"
                + " (without systemd: sudo pcscd), then run this command again";
    }
}
