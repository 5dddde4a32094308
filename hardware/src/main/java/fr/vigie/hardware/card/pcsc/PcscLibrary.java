package fr.vigie.hardware.card.pcsc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds pcsc-lite's client library and tells the JDK's PC/SC provider where it is, through the
 * system property {@value #PROPERTY}. The JDK reads that property once, the first time its
 * provider is used: configure before any {@code TerminalFactory} is created. Thread-safe.
 */
public final class PcscLibrary {
    /** The JDK's system property naming the PC/SC library. */
    public static final String PROPERTY = "sun.security.smartcardio.library";
    private static final List<String> USUAL_PLACES = List.of(
            "/lib/x86_64-linux-gnu/libpcsclite.so.1", "/usr/lib/x86_64-linux-gnu/libpcsclite.so.1",
            "/lib/aarch64-linux-gnu/libpcsclite.so.1", "/usr/lib/aarch64-linux-gnu/libpcsclite.so.1",
            "/lib/arm-linux-gnueabihf/libpcsclite.so.1", "/usr/lib/arm-linux-gnueabihf/libpcsclite.so.1",
            "/usr/lib64/libpcsclite.so.1", "/usr/lib/libpcsclite.so.1");

    private PcscLibrary() {
    }

    /**
     * @return the library to use: the system property if set, else a usual place, else what
     *     {@code ldconfig -p} knows
     */
    public static Optional<Path> locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        for (String place : USUAL_PLACES) {
            if (Files.isReadable(Path.of(place))) {
                return Optional.of(Path.of(place));
            }
        }
        return fromLdconfig();
    }

    /**
     * Sets {@value #PROPERTY} to {@code library} unless it is already set.
     *
     * @return the library in effect
     */
    public static synchronized Path configure(Path library) {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            System.setProperty(PROPERTY, library.toString());
            return library;
        }
        return Path.of(configured);
    }

    private static Optional<Path> fromLdconfig() {
        for (String ldconfig : List.of("/sbin/ldconfig", "/usr/sbin/ldconfig", "ldconfig")) {
            try {
                Process p = new ProcessBuilder(ldconfig, "-p").redirectErrorStream(true).start();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    Optional<Path> found = r.lines().filter(l -> l.contains("libpcsclite.so.1"))
                            .map(l -> l.substring(l.indexOf("=>") + 2).trim()).map(Path::of).findFirst();
                    p.waitFor(5, TimeUnit.SECONDS);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            } catch (IOException e) {
                // try the next location of ldconfig
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
