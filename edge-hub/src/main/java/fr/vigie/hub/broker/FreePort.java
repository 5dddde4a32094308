package fr.vigie.hub.broker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds a TCP port that is free on the loopback interface right now. Stateless. */
public final class FreePort {
    private FreePort() {
    }

    /**
     * A port nothing listens on at this instant. Another process could take it before the caller
     * binds it; the window is short and the caller fails loudly if that happens.
     */
    public static int onLoopback() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
