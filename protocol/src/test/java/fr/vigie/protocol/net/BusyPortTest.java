package fr.vigie.protocol.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BusyPortTest {
    @Test
    void aPortHeldByAnotherProgramIsNamedWithItsSetting() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            Optional<String> busy = BusyPort.check(List.of(new BusyPort.Listener("127.0.0.1", 0, "any.port"),
                    new BusyPort.Listener("127.0.0.1", port, "hub.http.port (--http-port)")));

            assertEquals(Optional.of("port " + port + " on 127.0.0.1 is already in use by another program: stop that"
                    + " program or change hub.http.port (--http-port)"), busy);
        }
    }

    @Test
    void freePortsAndPortZeroAreNotBusy() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }

        assertEquals(Optional.empty(), BusyPort.check(List.of(new BusyPort.Listener("127.0.0.1", port, "x"),
                new BusyPort.Listener("127.0.0.1", 0, "y"))));
    }

    @Test
    void aStartFailureCausedByABindIsExplainedWithTheSettingOfThePortItNames() {
        Exception javalin = new IllegalStateException("Port already in use. Make sure no other process is using port 8090"
                + " and try again.", new IOException("Failed to bind to /127.0.0.1:8090", new BindException(
                "Address already in use")));
        List<BusyPort.Listener> ports = List.of(new BusyPort.Listener("127.0.0.1", 8443, "hub.device-api.port"),
                new BusyPort.Listener("127.0.0.1", 8090, "kiosk.ui.port (--ui-port)"));

        String named = BusyPort.explain(javalin, ports).orElseThrow();
        assertTrue(named.startsWith("port 8090 on 127.0.0.1 is already in use"), named);
        assertTrue(named.endsWith("change kiosk.ui.port (--ui-port)") && !named.contains("\n"), named);

        String unnamed = BusyPort.explain(new BindException("Address already in use"), ports).orElseThrow();
        assertTrue(unnamed.contains("hub.device-api.port 8443") && unnamed.contains("kiosk.ui.port (--ui-port) 8090"),
                unnamed);
        assertFalse(BusyPort.explain(new IllegalStateException("database down"), ports).isPresent());
    }
}
