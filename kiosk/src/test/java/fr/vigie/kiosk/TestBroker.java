package fr.vigie.kiosk;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real MQTT 5 broker (HiveMQ CE, embedded) on a free port of 127.0.0.1, with file persistence so
 * that a persistent subscriber's session and queued messages survive {@link #stop()} and
 * {@link #start()} on the same port.
 */
final class TestBroker implements AutoCloseable {
    static final int RECEIVE_MAXIMUM = 256;
    private final Path home;
    private final int port;
    private EmbeddedHiveMQ hivemq;

    TestBroker(Path home) throws IOException {
        this.home = home;
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
        Files.createDirectories(home.resolve("conf"));
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("extensions"));
        Files.writeString(home.resolve("conf/config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                  </listeners>
                  <mqtt>
                    <queued-messages><max-queue-size>1000000</max-queue-size></queued-messages>
                    <receive-maximum><server-receive-maximum>%d</server-receive-maximum></receive-maximum>
                  </mqtt>
                  <persistence><mode>file</mode></persistence>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, RECEIVE_MAXIMUM));
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    void start() {
        hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(home.resolve("conf"))
                .withDataFolder(home.resolve("data"))
                .withExtensionsFolder(home.resolve("extensions"))
                .withoutLoggingBootstrap()
                .build();
        hivemq.start().join();
    }

    void stop() throws Exception {
        if (hivemq != null) {
            hivemq.stop().join();
            hivemq.close();
            hivemq = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
