package fr.vigie.hub.broker;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HiveMQ CE running inside the hub. Its configuration is written at each start into
 * {@code <dir>/conf/config.xml}; its data (sessions, queued and retained messages) lives in
 * {@code <dir>/data} with file persistence. Listens on 127.0.0.1 only. Anonymous usage statistics are
 * off (the hub never calls outside the site). Packets are limited to 1 MiB, and up to 1,000,000 messages
 * are queued per offline persistent session. HiveMQ's logging bootstrap is disabled so that it logs
 * through the hub's logback configuration.
 *
 * <pre>{@code
 * try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir.resolve("broker"), 0)) {
 *     String url = broker.url();   // tcp://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    /** Messages a broker keeps per client (or shared group) while nobody takes them. */
    static final long MAX_QUEUED_MESSAGES = 1_000_000;
    /**
     * Largest MQTT packet the broker accepts. Well above the contract's 64 KiB, so that an oversized
     * event still reaches ingest and is quarantined, yet bounded so that no client can make the hub
     * hold hundreds of megabytes.
     */
    static final int MAX_PACKET_BYTES = 1024 * 1024;
    private static final long START_TIMEOUT_SECONDS = 60;
    /**
     * Unacknowledged messages HiveMQ sends one client at a time (still capped by the client's receive
     * maximum). HiveMQ's own cap is 50 whatever the client asks; the hub acknowledges only after its
     * database commit, so with 50 ingest would wait on the broker rather than on the database.
     */
    static final int INFLIGHT_WINDOW = 1000;

    private final EmbeddedHiveMQ hivemq;
    private final int port;
    private volatile boolean running = true;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, int port) {
        this.hivemq = hivemq;
        this.port = port;
    }

    /**
     * Starts the broker on 127.0.0.1.
     *
     * @param dir folder for its configuration, data and (empty) extensions folder
     * @param port the TCP port, or 0 to pick a free one
     */
    public static EmbeddedBroker start(Path dir, int port) throws IOException, InterruptedException {
        int chosen = port == 0 ? FreePort.onLoopback() : port;
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Path extensions = Files.createDirectories(dir.resolve("extensions"));
        Files.writeString(conf.resolve("config.xml"), configXml(chosen), StandardCharsets.UTF_8);
        // HiveMQ CE offers no setting for it; this internal knob is read when clients connect
        InternalConfigurations.MAX_INFLIGHT_WINDOW_SIZE_MESSAGES = INFLIGHT_WINDOW;
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(data)
                .withExtensionsFolder(extensions)
                .withoutLoggingBootstrap()
                .build();
        try {
            hivemq.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            closeQuietly(hivemq);
            throw new IOException("the embedded MQTT broker did not start on 127.0.0.1:" + chosen + ": "
                    + (e.getCause() != null ? e.getCause() : e), e);
        }
        LOG.info("embedded MQTT broker listening on 127.0.0.1:{}, data in {}", chosen, data);
        return new EmbeddedBroker(hivemq, chosen);
    }

    /** The broker's configuration file content for {@code port}. */
    static String configXml(int port) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <queued-messages>
                            <max-queue-size>%d</max-queue-size>
                            <strategy>discard</strategy>
                        </queued-messages>
                        <receive-maximum>
                            <server-receive-maximum>1000</server-receive-maximum>
                        </receive-maximum>
                        <packets>
                            <max-packet-size>%d</max-packet-size>
                        </packets>
                    </mqtt>
                    <persistence>
                        <mode>file</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, MAX_QUEUED_MESSAGES, MAX_PACKET_BYTES);
    }

    /** {@code tcp://127.0.0.1:<port>}. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The TCP port it listens on. */
    public int port() {
        return port;
    }

    /** Whether it has started and not been closed, and accepts TCP connections. */
    public boolean isRunning() {
        if (!running) {
            return false;
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the broker; persistent sessions and queued messages stay on disk for the next start. */
    @Override
    public void close() {
        running = false;
        closeQuietly(hivemq);
    }

    private static void closeQuietly(EmbeddedHiveMQ hivemq) {
        try {
            hivemq.close();
        } catch (ExecutionException e) {
            LOG.warn("embedded MQTT broker did not stop cleanly: {}", String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
