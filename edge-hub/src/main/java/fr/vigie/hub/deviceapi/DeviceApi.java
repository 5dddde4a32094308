package fr.vigie.hub.deviceapi;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.vigie.hub.http.RequestGate;
import fr.vigie.protocol.device.DeviceApiError;
import fr.vigie.protocol.device.DeviceRoute;
import fr.vigie.protocol.device.EnrolmentApi;
import fr.vigie.protocol.device.PingAnswer;
import fr.vigie.protocol.device.Refusal;
import fr.vigie.provisioning.siteca.DeviceCertificates;
import fr.vigie.provisioning.siteca.SiteCa;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
 * is authenticated by {@link DeviceCaller}. Features add the contract's routes
 * ({@link fr.vigie.protocol.device.DeviceRoute}) through {@link DeviceRoutes} and {@link DeviceExchange}.
 * Requests pass the {@link RequestGate} first: the {@code Host} must be one of the names in the server
 * certificate (421 {@code HOST_REFUSED}), bodies JSON (415 {@code UNSUPPORTED_MEDIA_TYPE}, 400
 * {@code BAD_JSON}). Answers are {@code nosniff} and {@code no-store} unless a route says otherwise. Every
 * refusal is a {@link Refusal} whose code is a {@link fr.vigie.protocol.device.DeviceError}: a route's own,
 * {@code NOT_FOUND}, {@code BODY_TOO_LARGE}, or {@code INTERNAL_ERROR} (never a stack trace). Thread-safe;
 * started once, closed once.
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
        app.before(DeviceRoute.AUTHENTICATED_PREFIX + "*", ctx -> DeviceCaller.authenticate(ctx, devices, clock));
        app.exception(DeviceRefused.class, (e, ctx) -> {
            if (e.status() == 429) {
                LOG.debug("device API refused {} {}: {} {}", ctx.method(), ctx.path(), e.error(), e.getMessage());
            } else {
                LOG.warn("device API refused {} {}: {} {}", ctx.method(), ctx.path(), e.error(), e.getMessage());
            }
            DeviceExchange.refuse(ctx, e);
        });
        app.exception(HttpResponseException.class, (e, ctx) -> RequestGate.refuse(ctx, Refusal.of(
                httpRefusal(e.getStatus()), String.valueOf(e.getMessage()))));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("device API {} {} failed", ctx.method(), ctx.path(), e);
            RequestGate.refuse(ctx, Refusal.of(DeviceApiError.INTERNAL_ERROR, "the hub could not answer"));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                RequestGate.refuse(ctx, Refusal.of(DeviceApiError.NOT_FOUND, "no device API route " + ctx.method() + " "
                        + ctx.path()));
            }
        });
        DeviceExchange.serve(app, EnrolmentApi.PING, (ctx, none) -> new PingAnswer(ca.settings().site()));
        routes.forEach(r -> r.mount(app));
        app.start();
        LOG.info("device API listening on https://{}:{} (TLS 1.3, client certificates from site '{}')", bind,
                app.port(), ca.settings().site());
        return new DeviceApi(app);
    }

    /** The code of a refusal Javalin itself raised with {@code status}. */
    private static DeviceApiError httpRefusal(int status) {
        return switch (status) {
            case 404 -> DeviceApiError.NOT_FOUND;
            case 413 -> DeviceApiError.BODY_TOO_LARGE;
            default -> status >= 500 ? DeviceApiError.INTERNAL_ERROR : DeviceApiError.BAD_REQUEST;
        };
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
