package fr.vigie.hub.deviceapi;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.vigie.hub.http.RequestGate;
import fr.vigie.provisioning.siteca.DeviceCertificates;
import fr.vigie.provisioning.siteca.SiteCa;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's second HTTP listener, the one kiosks call: HTTPS with TLS 1.3 only, a server certificate
 * from the site CA (a fresh in-memory key at each start), client certificates wanted but not
 * required. {@code /enrol/v1/} serves kiosks without a certificate; every {@code /device/v1/} request
 * is authenticated by {@link DeviceCaller}. Features add routes through {@link DeviceRoutes}. Requests
 * pass the {@link RequestGate} first: the {@code Host} must be one of the names in the server
 * certificate (421 {@code HOST_REFUSED}), bodies JSON (415 {@code UNSUPPORTED_MEDIA_TYPE}, 400
 * {@code BAD_JSON}). Answers are {@code nosniff} and {@code no-store} unless a route says otherwise. Errors
 * are JSON {@code {"error": CODE, "message": …}}. Thread-safe; started once, closed once.
 *
 * <pre>{@code
 * try (DeviceApi api = DeviceApi.start("0.0.0.0", 8443, List.of("hub.site.local"), List.of("10.0.0.2"),
 *         siteCa, clock, List.of(enrolmentRoutes))) {
 *     URI base = api.uri("hub.site.local");
 * }
 * }</pre>
 */
public final class DeviceApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceApi.class);
    private static final String TLS13 = "TLSv1.3";

    /** Body of every refusal. */
    record ErrorJson(String error, String message) {
    }

    private final Javalin app;

    private DeviceApi(Javalin app) {
        this.app = app;
    }

    /**
     * Starts the listener on {@code bind}:{@code port} (0 for a free port).
     *
     * @param dnsNames DNS names in its server certificate
     * @param ipAddresses IP addresses in its server certificate
     */
    public static DeviceApi start(String bind, int port, List<String> dnsNames, List<String> ipAddresses, SiteCa ca,
            Clock clock, List<? extends DeviceRoutes> routes) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(ca.serverTlsContext("hub", dnsNames, ipAddresses,
                new PresentedCertificates(ca.issuingCertificate())));
        tls.setIncludeProtocols(TLS13);
        tls.setWantClientAuth(true);
        DeviceCertificates devices = ca.deviceCertificates();
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.generateEtags = false;
            config.jsonMapper(new JavalinJackson(JsonMapper.builder().addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build(), false));
            config.jetty.threadPool = new QueuedThreadPool(32, 2, 60_000);
            config.jetty.addConnector((server, http) -> {
                HttpConfiguration https = new HttpConfiguration(http);
                https.addCustomizer(new SecureRequestCustomizer(false));
                ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                        new HttpConnectionFactory(https));
                connector.setHost(bind);
                connector.setPort(port);
                return connector;
            });
        });
        app.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store"));
        List<String> names = new ArrayList<>(dnsNames);
        names.addAll(ipAddresses);
        RequestGate.forHosts(names).install(app);
        app.before("/device/v1/*", ctx -> DeviceCaller.authenticate(ctx, devices, clock));
        app.exception(DeviceRefused.class, (e, ctx) -> {
            LOG.warn("device API refused {} {}: {} {}", ctx.method(), ctx.path(), e.code(), e.getMessage());
            ctx.status(e.status()).json(new ErrorJson(e.code(), e.getMessage()));
        });
        app.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus())
                .json(new ErrorJson("HTTP_" + e.getStatus(), String.valueOf(e.getMessage()))));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("device API {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(new ErrorJson("INTERNAL_ERROR", "the hub could not answer"));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                ctx.json(new ErrorJson("NOT_FOUND", "no device API route " + ctx.method() + " " + ctx.path()));
            }
        });
        app.get("/enrol/v1/ping", ctx -> ctx.json(Map.of("site", ca.settings().site())));
        routes.forEach(r -> r.mount(app));
        app.start();
        LOG.info("device API listening on https://{}:{} (TLS 1.3, client certificates from site '{}')", bind,
                app.port(), ca.settings().site());
        return new DeviceApi(app);
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /** {@code https://<host>:<port>}, where {@code host} is one of the names in its certificate. */
    public URI uri(String host) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("https://" + h + ":" + port());
    }

    /** Stops the listener. */
    @Override
    public void close() {
        app.stop();
    }
}
