package fr.vigie.hub.broker;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import fr.vigie.protocol.KioskAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HiveMQ CE running inside the hub. Its configuration is written at each start into
 * {@code <dir>/conf/config.xml}; its data (sessions, queued and retained messages) lives in
 * {@code <dir>/data} with file persistence; its folders are owner-only. Listens on 127.0.0.1 only, where
 * only the hub's own clients get in, with the hub's username and password ({@link HubMqttCredentials}):
 * anonymous clients and clients reusing a hub client id without the secret are refused at CONNECT.
 * Anonymous usage statistics are
 * off (the hub never calls outside the site). Packets are limited to 1 MiB, and up to 1,000,000 messages
 * are queued per offline persistent session. HiveMQ's logging bootstrap is disabled so that it logs
 * through the hub's logback configuration.
 *
 * <p><b>Device access control.</b> Started with a {@link BrokerTls}, the broker adds a TLS 1.3
 * listener that requires a client certificate from the site CA, and an access-control extension:
 * devices are authenticated by certificate (CRL-checked on every connect, client id
 * {@code vigie-<site>-<kioskId>}) and confined to their own subtree by {@link DeviceAccessPolicy}.
 * The plain 127.0.0.1 listener is the hub's alone: kiosks are never accepted there (they have no hub
 * password), and giving the hub a certificate instead would only move the trust to another key file on
 * the same machine while costing a TLS handshake and encryption on every event. {@link #disconnectDevice}
 * ends a revoked kiosk's session.
 *
 * <pre>{@code
 * try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir.resolve("broker"), 0, hubCredentials)) {
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
    private final int tlsPort;
    private final BrokerAccessControl accessControl;
    private volatile boolean running = true;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, int port, int tlsPort, BrokerAccessControl accessControl) {
        this.hivemq = hivemq;
        this.port = port;
        this.tlsPort = tlsPort;
        this.accessControl = accessControl;
    }

    /**
     * Starts the broker on 127.0.0.1 for the hub alone (no device listener).
     *
     * @param dir folder for its configuration, data and (empty) extensions folder
     * @param port the TCP port, or 0 to pick a free one
     * @param hub the credentials a client must give on the loopback listener
     */
    public static EmbeddedBroker start(Path dir, int port, HubMqttCredentials hub) throws IOException, InterruptedException {
        return start(dir, port, hub, null);
    }

    /**
     * Starts the broker on 127.0.0.1 and, when {@code tls} is given, its device listener. Its folders
     * are made owner-only (700); the TLS key and trust stores are written into {@code <dir>/conf} at
     * each start.
     *
     * @param hub the credentials a client must give on the loopback listener
     * @param tls the device listener, or {@code null} for the loopback listener alone
     */
    public static EmbeddedBroker start(Path dir, int port, HubMqttCredentials hub, BrokerTls tls)
            throws IOException, InterruptedException {
        java.util.Objects.requireNonNull(hub, "hub");
        int chosen = port == 0 ? FreePort.onLoopback() : port;
        Path conf = privateDirectory(dir.resolve("conf"));
        Path data = privateDirectory(dir.resolve("data"));
        Path extensions = privateDirectory(dir.resolve("extensions"));
        privateDirectory(dir);
        int tlsPort = tls == null ? 0 : tls.port() == 0 ? FreePort.onLoopback() : tls.port();
        String listeners = tcpListenerXml(chosen);
        BrokerAccessControl accessControl;
        if (tls != null) {
            BrokerKeystores stores = BrokerKeystores.write(conf, tls);
            listeners += tlsListenerXml(tls.bindAddress(), tlsPort, stores);
            accessControl = new BrokerAccessControl(hub, tls.siteCa().deviceCertificates(), tls.clock(), tlsPort);
        } else {
            accessControl = new BrokerAccessControl(hub, null, java.time.Clock.systemUTC(), 0);
        }
        Path configFile = conf.resolve("config.xml");
        Files.deleteIfExists(configFile);
        Files.createFile(configFile);
        BrokerKeystores.restrict(configFile);
        Files.writeString(configFile, configXml(listeners), StandardCharsets.UTF_8);
        // HiveMQ CE offers no setting for it; this internal knob is read when clients connect
        InternalConfigurations.MAX_INFLIGHT_WINDOW_SIZE_MESSAGES = INFLIGHT_WINDOW;
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(data)
                .withExtensionsFolder(extensions)
                .withoutLoggingBootstrap()
                .withEmbeddedExtension(EmbeddedExtension.builder()
                        .withId("vigie-access").withName("Vigie broker access control").withVersion("2")
                        .withPriority(1000).withStartPriority(1000).withExtensionMain(accessControl).build())
                .build();
        try {
            hivemq.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            closeQuietly(hivemq);
            throw new IOException("the embedded MQTT broker did not start on 127.0.0.1:" + chosen + ": "
                    + (e.getCause() != null ? e.getCause() : e), e);
        }
        if (tls == null) {
            LOG.info("embedded MQTT broker listening on 127.0.0.1:{} (hub only), data in {}", chosen, data);
        } else {
            LOG.info("embedded MQTT broker listening on 127.0.0.1:{} (hub) and {}:{} (devices, TLS 1.3 with client "
                    + "certificates), data in {}", chosen, tls.bindAddress(), tlsPort, data);
        }
        return new EmbeddedBroker(hivemq, chosen, tlsPort, tls == null ? null : accessControl);
    }

    private static Path privateDirectory(Path dir) throws IOException {
        if (fr.vigie.provisioning.AtomicFiles.makePrivateDirectory(dir)) {
            LOG.warn("{} was open to other users of this machine; it is now owner-only (700)", dir);
        }
        return dir;
    }

    /** The broker's configuration file content for a plain loopback listener on {@code port}. */
    static String configXml(int port) {
        return configXml(tcpListenerXml(port));
    }

    private static String tcpListenerXml(int port) {
        return """
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                        </tcp-listener>
                """.formatted(port);
    }

    /** TLS 1.3 only, client certificate required and checked against the site CA's certificates. */
    static String tlsListenerXml(String bindAddress, int port, BrokerKeystores stores) {
        return """
                        <tls-tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                            <name>devices</name>
                            <tls>
                                <keystore>
                                    <path>%s</path>
                                    <password>%s</password>
                                    <private-key-password>%s</private-key-password>
                                </keystore>
                                <truststore>
                                    <path>%s</path>
                                    <password>%s</password>
                                </truststore>
                                <client-authentication-mode>REQUIRED</client-authentication-mode>
                                <protocols>
                                    <protocol>TLSv1.3</protocol>
                                </protocols>
                            </tls>
                        </tls-tcp-listener>
                """.formatted(port, bindAddress, stores.keyStore(), stores.password(), stores.password(),
                stores.trustStore(), stores.password());
    }

    private static String configXml(String listeners) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                %s    </listeners>
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
                """.formatted(listeners, MAX_QUEUED_MESSAGES, MAX_PACKET_BYTES);
    }

    /** {@code ssl://127.0.0.1:<tlsPort>}, the device listener; empty when started without TLS. */
    public Optional<String> deviceUrl() {
        return tlsPort == 0 ? Optional.empty() : Optional.of("ssl://127.0.0.1:" + tlsPort);
    }

    /**
     * Ends the session of {@code kiosk} if it is connected, e.g. right after its certificate was
     * revoked at the site CA (whose CRL then refuses its reconnects).
     *
     * @return whether a connected client was disconnected
     * @throws IllegalStateException when the broker was started without a device listener
     */
    public CompletableFuture<Boolean> disconnectDevice(KioskAddress kiosk) {
        if (accessControl == null) {
            throw new IllegalStateException("the broker has no device listener");
        }
        return accessControl.disconnect(kiosk);
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
