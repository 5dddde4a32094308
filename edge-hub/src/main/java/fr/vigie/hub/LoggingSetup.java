package fr.vigie.hub;

import java.io.IOException;
import java.net.URL;
import java.security.CodeSource;
import java.util.Collections;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Makes the hub log through its own {@code logback.xml}. HiveMQ's jar ships a {@code logback.xml} too;
 * whichever comes first on the class path would win, so before the first logger is made this points
 * logback at the file from the hub's own jar (unless {@code -Dlogback.configurationFile} says
 * otherwise). Also routes {@code java.util.logging} (Paho) into SLF4J.
 */
final class LoggingSetup {
    private LoggingSetup() {
    }

    /** Call before anything logs. */
    static void configureLogback() {
        if (System.getProperty("logback.configurationFile") != null) {
            return;
        }
        CodeSource source = LoggingSetup.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return;
        }
        String ours = source.getLocation().toString();
        try {
            for (URL url : Collections.list(LoggingSetup.class.getClassLoader().getResources("logback.xml"))) {
                if (url.toString().contains(ours)) {
                    System.setProperty("logback.configurationFile", url.toString());
                    return;
                }
            }
        } catch (IOException e) {
            // keep logback's own lookup
        }
    }

    /** Sends java.util.logging records to SLF4J; idempotent. */
    static synchronized void bridgeJul() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
