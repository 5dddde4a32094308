package fr.vigie.hub.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.vigie.hub.db.EventQuery;
import fr.vigie.hub.device.DeviceRegistry;
import fr.vigie.hub.http.RequestGate;
import fr.vigie.hub.metrics.HubMetrics;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's HTTP server: REST API, health, metrics and the IT console. Thread-safe; started once,
 * closed once.
 *
 * <pre>
 * GET /                 IT console (French; ?lang=en for English)
 * GET /api/v1/devices   [{site, kioskId, online, state, lastHeartbeatAt, softwareVersion, outboxDepth,
 *                         startedAt, lastEventAt, lastEventType, eventCount, group, configVersion,
 *                         certificateNotAfter, readers, uptimeSeconds, role}]
 * device roles (admission desks): see {@link DeviceRoleRoutes}
 * GET /api/v1/events    {events: [{eventId, site, kioskId, seq, type, occurredAt, storedAt, payload}], next}
 * GET /healthz          {status, database, broker, ingest}, 200 when UP, else 503
 * GET /metrics          Prometheus text format
 * identity registry and /vigilance page: see {@link IdentityRoutes}
 * </pre>
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private final Javalin app;
    private final DeviceRegistry devices;
    private final EventQuery events;
    private final HubMetrics metrics;
    private final Health.Probe health;
    private final ConsolePage console = new ConsolePage();
    private final String consoleJs = ConsolePage.resource("console/console.js");
    private final String commonJs = ConsolePage.resource("console/common.js");
    private final String consoleCss = ConsolePage.resource("console/console.css");

    /** One event in the events page; {@code payload} is inlined as the JSON it is. */
    record EventJson(String eventId, String site, String kioskId, long seq, String type, Instant occurredAt,
            Instant storedAt, @JsonRawValue String payload) {
    }

    /** A page of events and the cursor to the next one ({@code null} when there is no more). */
    record EventsPage(List<EventJson> events, String next) {
    }

    /** Body of every error answer; {@code parameter} only for a bad request parameter. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorJson(String error, String parameter, String message) {
    }

    private HttpApi(RequestGate gate, DeviceRegistry devices, EventQuery events, HubMetrics metrics,
            Health.Probe health) {
        this.devices = devices;
        this.events = events;
        this.metrics = metrics;
        this.health = health;
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.jsonMapper(new JavalinJackson(mapper(), false));
            config.jetty.threadPool = new QueuedThreadPool(32, 4, 60_000);
            config.http.generateEtags = false;
        });
        app.before(SecurityHeaders::apply);
        gate.install(app);
        routes();
    }

    /**
     * Starts the server on {@code bind}:{@code port} (0 for a free port), answering only to the host
     * names {@code gate} lets through, and letting {@code extension} add the hub features' routes before
     * the server starts. Bodies are JSON.
     */
    public static HttpApi start(String bind, int port, RequestGate gate, DeviceRegistry devices, EventQuery events,
            HubMetrics metrics, Health.Probe health, Consumer<Javalin> extension) {
        HttpApi api = new HttpApi(gate, devices, events, metrics, health);
        extension.accept(api.app);
        api.app.start(bind, port);
        return api;
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /** The base URI, e.g. {@code http://127.0.0.1:8080}. */
    public URI uri(String bind) {
        String host = bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
        return URI.create("http://" + host + ":" + port());
    }

    static ObjectMapper mapper() {
        return JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    }

    private void routes() {
        app.get("/", this::console);
        app.get("/console.js", ctx -> asset(ctx, "text/javascript; charset=utf-8", consoleJs));
        app.get("/common.js", ctx -> asset(ctx, "text/javascript; charset=utf-8", commonJs));
        ConsoleRoutes.mount(app);
        app.get("/console.css", ctx -> asset(ctx, "text/css; charset=utf-8", consoleCss));
        app.get("/api/v1/devices", ctx -> ctx.header("Cache-Control", "no-store").json(devices.list()));
        app.get("/api/v1/events", this::events);
        app.get("/healthz", ctx -> {
            Health h = health.get();
            ctx.header("Cache-Control", "no-store").status(h.isUp() ? 200 : 503).json(h);
        });
        app.get("/metrics", ctx -> ctx.contentType(HubMetrics.CONTENT_TYPE).result(metrics.scrape()));
        app.exception(BadRequest.class, (e, ctx) -> ctx.status(400).json(new ErrorJson(BadRequest.CODE,
                e.parameter(), e.getMessage())));
        app.exception(SQLException.class, (e, ctx) -> {
            LOG.warn("{} {} failed on the database: {}", ctx.method(), ctx.path(), e.toString());
            ctx.status(503).json(new ErrorJson("DATABASE_UNAVAILABLE", null, "the hub database did not answer"));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(new ErrorJson("INTERNAL_ERROR", null, "the hub could not answer"));
        });
        app.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()).json(new ErrorJson(
                HttpStatus.forStatus(e.getStatus()).name(), null, String.valueOf(e.getMessage()))));
    }

    private void console(Context ctx) {
        page(ctx, console);
    }

    /** Answers with {@code page} in the request's language (the security headers are already set). */
    static void page(Context ctx, ConsolePage page) {
        Locale lang = ConsolePage.choose(ctx.queryParam("lang"));
        ctx.header("Cache-Control", "no-store").header("Content-Language", lang.getLanguage())
                .contentType("text/html; charset=utf-8").result(page.html(lang));
    }

    static void asset(Context ctx, String type, String body) {
        ctx.header("Cache-Control", "no-cache").contentType(type).result(body);
    }

    private void events(Context ctx) throws BadRequest, SQLException {
        EventQueryParams params = EventQueryParams.parse(ctx.queryParamMap());
        EventQuery.Filter filter = params.filter();
        if (params.afterEventId() != null) {
            OptionalLong order = events.orderOf(params.afterEventId());
            if (order.isEmpty()) {
                throw new BadRequest("after", "after names event " + params.afterEventId()
                        + ", which is not stored");
            }
            filter = new EventQuery.Filter(filter.site(), filter.kioskId(), filter.type(), filter.from(),
                    filter.to(), order.getAsLong(), filter.limit());
        }
        EventQuery.Page page = events.find(filter);
        List<EventJson> out = page.events().stream().map(e -> new EventJson(e.eventId().toString(), e.site(),
                e.kioskId(), e.seq(), e.type(), e.occurredAt(), e.storedAt(), e.payloadJson())).toList();
        ctx.header("Cache-Control", "no-store").json(new EventsPage(out,
                page.next().isPresent() ? Long.toString(page.next().getAsLong()) : null));
    }

    /** Stops the server. */
    @Override
    public void close() {
        app.stop();
    }
}
