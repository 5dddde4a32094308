package fr.vigie.kiosk.ui;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's local touch UI: a small web server on {@code 127.0.0.1} that Chromium in kiosk mode
 * shows full screen. Features put screens in {@linkplain #slot slots}; the page follows the current
 * screen through server-sent events; buttons call {@linkplain #action actions}. French first, English
 * by {@code ?lang=en} or the language toggle (remembered in a cookie). See the package documentation
 * for the whole API. Thread-safe.
 *
 * <pre>{@code
 * KioskUi ui = KioskUi.start(0);                       // ephemeral port
 * ui.addBundle("i18n.session");                         // i18n/session_fr.properties, _en
 * ScreenSlot slot = ui.slot("session", 50);
 * ui.action("session", "logout", request -> session.logout());
 * slot.show(Screen.of("session.idle", "session/ui/idle.jte", new Idle(null, false)));
 * System.out.println(ui.uri());                         // http://127.0.0.1:41234/
 * }</pre>
 */
public final class KioskUi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KioskUi.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    static final String LANG_COOKIE = "vigie-lang";
    private static final String CSS = resource("kiosk-ui/kiosk.css");
    private static final String JS = resource("kiosk-ui/kiosk.js");

    private final Javalin app;
    private final ScheduledExecutorService executor;
    private final UiTexts texts = new UiTexts("i18n.kiosk-ui");
    private final ScreenPush push;
    private final RequestGuard guard;
    private final ScreenRenderer renderer;
    private final Map<String, UiAction> actions = new ConcurrentHashMap<>();
    private final Map<String, Handler> resources = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Runnable> activity = new CopyOnWriteArrayList<>();

    private KioskUi() {
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "vigie-ui-push");
            t.setDaemon(true);
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        this.executor = ex;
        this.renderer = new ScreenRenderer(texts);
        this.push = new ScreenPush(renderer, executor);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.generateEtags = false;
            config.jetty.threadPool = new QueuedThreadPool(16, 2, 60_000);
        });
        this.guard = new RequestGuard(app::port);
        routes();
    }

    /** Starts the UI on {@code 127.0.0.1:port} ({@code 0} for any free port). */
    public static KioskUi start(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("UI port must be 0 to 65535, got " + port);
        }
        KioskUi ui = new KioskUi();
        try {
            ui.app.start("127.0.0.1", port);
        } catch (RuntimeException e) {
            ui.close();
            throw e;
        }
        return ui;
    }

    /** @return the page's address, e.g. {@code http://127.0.0.1:41234/} */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + app.port() + "/");
    }

    /** @return the port it listens on */
    public int port() {
        return app.port();
    }

    /** Adds a feature's message bundle ({@code base_fr.properties} and {@code base_en.properties} are both required). */
    public void addBundle(String baseName) {
        texts.add(baseName);
    }

    /** @return a new slot {@code name} with {@code priority} (higher wins); see {@link ScreenSlot} */
    public ScreenSlot slot(String name, int priority) {
        return push.slot(checked(name), priority);
    }

    /**
     * Registers {@code POST /ui/action/<feature>/<name>}, sent by a button ({@code ui/button.jte}) or a
     * secret keypad ({@code ui/pad.jte}) whose {@code action} is {@code <feature>/<name>}.
     */
    public void action(String feature, String name, UiAction handler) {
        String key = checked(feature) + "/" + checked(name);
        if (actions.putIfAbsent(key, Objects.requireNonNull(handler)) != null) {
            throw new IllegalArgumentException("UI action " + key + " already registered");
        }
    }

    /**
     * Registers {@code GET /ui/x/<feature>/<name>} for what a screen links to (an image, a printable
     * page). The handler writes the answer itself; it must escape what it puts in HTML.
     */
    public void resource(String feature, String name, Handler handler) {
        String key = checked(feature) + "/" + checked(name);
        if (resources.putIfAbsent(key, Objects.requireNonNull(handler)) != null) {
            throw new IllegalArgumentException("UI resource " + key + " already registered");
        }
    }

    /** Runs {@code listener} when someone touches the screen (at most every few seconds). */
    public void onActivity(Runnable listener) {
        activity.add(Objects.requireNonNull(listener));
    }

    /**
     * Calls {@code listener} on the push thread with the id and version of every screen pushed to
     * the pages, as they are pushed (diagnostics and benchmarks).
     */
    public void onPush(Consumer<PushedScreen> listener) {
        push.addListener(s -> listener.accept(new PushedScreen(s.screen.id(), s.version)));
    }

    /** @return the screen the pages show now */
    public PushedScreen current() {
        ScreenPush.Shown s = push.shown();
        return new PushedScreen(s.screen.id(), s.version);
    }

    /** The id and version of a screen as pushed to the pages. */
    public record PushedScreen(String screenId, long version) {
    }

    private void routes() {
        app.before(ctx -> {
            String refusal = guard.refusal(ctx);
            if (refusal != null) {
                LOG.warn("UI request {} {} refused: {}", ctx.method(), ctx.path(), refusal);
                ctx.status(refusal.equals(RequestGuard.MEDIA_TYPE_REFUSED) ? HttpStatus.UNSUPPORTED_MEDIA_TYPE
                        : HttpStatus.FORBIDDEN).contentType("text/plain; charset=utf-8").result(refusal);
                ctx.skipRemainingHandlers();
                return;
            }
            ctx.header("Cache-Control", "no-store");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none';"
                    + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        });
        app.get("/", ctx -> {
            UiLanguage lang = language(ctx, true);
            ScreenPush.Shown s = push.shown();
            ctx.contentType("text/html; charset=utf-8").result(renderer.page(lang, s.html(lang)));
        });
        app.get("/ui/kiosk.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(CSS));
        app.get("/ui/kiosk.js", ctx -> ctx.contentType("text/javascript; charset=utf-8").result(JS));
        app.sse("/ui/events", client -> push.open(client, language(client.ctx(), false)));
        app.post("/ui/activity", ctx -> {
            activity.forEach(Runnable::run);
            ctx.status(HttpStatus.NO_CONTENT);
        });
        app.post("/ui/action/{feature}/{name}", this::act);
        app.get("/ui/x/{feature}/{name}", ctx -> {
            Handler h = resources.get(ctx.pathParam("feature") + "/" + ctx.pathParam("name"));
            if (h == null) {
                ctx.status(HttpStatus.NOT_FOUND).result("UI_NO_SUCH_RESOURCE");
            } else {
                h.handle(ctx);
            }
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("UI {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType("text/plain").result("UI_INTERNAL_ERROR");
        });
    }

    private void act(Context ctx) {
        String key = ctx.pathParam("feature") + "/" + ctx.pathParam("name");
        UiAction handler = actions.get(key);
        if (handler == null) {
            ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain").result("UI_NO_SUCH_ACTION");
            return;
        }
        try {
            handler.handle(new UiRequest(ctx, language(ctx, false)));
            ctx.status(HttpStatus.NO_CONTENT);
        } catch (UiRejected e) {
            LOG.info("UI action {} rejected: {} ({})", key, e.code(), e.getMessage());
            ctx.status(HttpStatus.BAD_REQUEST).contentType("text/plain").result(e.code());
        }
    }

    /** {@code ?lang=} (remembered in a cookie when {@code remember}), else the cookie, else French. */
    private static UiLanguage language(Context ctx, boolean remember) {
        var asked = UiLanguage.ofCode(ctx.queryParam("lang"));
        if (asked.isPresent()) {
            if (remember) {
                ctx.header("Set-Cookie", LANG_COOKIE + "=" + asked.get().code() + "; Path=/; SameSite=Strict; HttpOnly");
            }
            return asked.get();
        }
        return UiLanguage.ofCode(ctx.cookie(LANG_COOKIE)).orElse(UiLanguage.FR);
    }

    private static String resource(String name) {
        try (InputStream in = KioskUi.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the kiosk's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String checked(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad UI name: '" + name + "' (a-z, 0-9, '-')");
        }
        return name;
    }

    /** Stops the server and the push thread. Idempotent. */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            executor.shutdownNow();
        }
    }
}
