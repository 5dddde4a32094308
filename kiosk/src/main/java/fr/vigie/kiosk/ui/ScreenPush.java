package fr.vigie.kiosk.ui;

import io.javalin.http.sse.SseClient;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the screen to show (highest-priority slot with a screen), renders it once per language
 * when asked, and pushes it as a server-sent event {@code screen} (id = version) to every open page.
 * Changes are coalesced on one thread: slots never wait for a browser. Thread-safe.
 */
final class ScreenPush {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenPush.class);
    private static final Screen BLANK = Screen.of("ui.blank", "ui/blank.jte", null);
    private static final Screen FAILED = Screen.of("ui.error", "ui/failed.jte", null);

    /** One version of the screen, rendered lazily per language. */
    final class Shown {
        final long version;
        final Screen screen;
        private final Map<UiLanguage, String> html = new EnumMap<>(UiLanguage.class);

        Shown(long version, Screen screen) {
            this.version = version;
            this.screen = screen;
        }

        synchronized String html(UiLanguage lang) {
            return html.computeIfAbsent(lang, this::render);
        }

        private String render(UiLanguage lang) {
            try {
                return section(screen.id(), renderer.screen(screen, lang));
            } catch (RuntimeException e) {
                LOG.error("screen {} could not be rendered in {}", screen.id(), lang.code(), e);
                return section(FAILED.id(), renderer.screen(FAILED, lang));
            }
        }

        private String section(String id, String content) {
            return renderer.section(id, version, content);
        }
    }

    private record Page(SseClient client, UiLanguage lang) {
    }

    private final ScreenRenderer renderer;
    private final ScheduledExecutorService executor;
    private final List<ScreenSlot> slots = new CopyOnWriteArrayList<>();
    private final Set<Page> pages = ConcurrentHashMap.newKeySet();
    private final List<Consumer<Shown>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile Shown shown;
    /** Starts at random: a page reconnecting to a restarted kiosk never mistakes a new screen for its own. */
    private long versions = new SecureRandom().nextInt(1 << 30);
    private String lastFingerprint;

    ScreenPush(ScreenRenderer renderer, ScheduledExecutorService executor) {
        this.renderer = renderer;
        this.executor = executor;
        this.shown = new Shown(versions, BLANK);
        executor.scheduleWithFixedDelay(this::ping, 15, 15, TimeUnit.SECONDS);
    }

    ScreenSlot slot(String name, int priority) {
        if (slots.stream().anyMatch(s -> s.name().equals(name))) {
            throw new IllegalArgumentException("screen slot '" + name + "' already exists");
        }
        ScreenSlot s = new ScreenSlot(name, priority, this::changed);
        slots.add(s);
        return s;
    }

    Shown shown() {
        return shown;
    }

    void addListener(Consumer<Shown> listener) {
        listeners.add(listener);
    }

    /** A slot changed: recompute and push, on the push thread. */
    void changed() {
        if (pending.compareAndSet(false, true)) {
            executor.execute(this::push);
        }
    }

    void open(SseClient client, UiLanguage lang) {
        Page page = new Page(client, lang);
        client.keepAlive();
        client.onClose(() -> pages.remove(page));
        pages.add(page);
        executor.execute(() -> send(page, shown));
    }

    private void push() {
        pending.set(false);
        Screen next = BLANK;
        int best = Integer.MIN_VALUE;
        for (ScreenSlot s : slots) {
            Screen candidate;
            try {
                candidate = s.screen().orElse(null);
            } catch (RuntimeException e) {
                LOG.error("screen slot {} failed to give its screen", s.name(), e);
                continue;
            }
            if (candidate != null && s.priority() > best) {
                best = s.priority();
                next = candidate;
            }
        }
        String fingerprint = next.id() + "|" + fingerprint(next);
        if (fingerprint.equals(lastFingerprint)) {
            return; // same content: keep the page as it is (e.g. digits being typed)
        }
        lastFingerprint = fingerprint;
        Shown current = new Shown(++versions, next);
        shown = current;
        pages.forEach(p -> send(p, current));
        listeners.forEach(l -> {
            try {
                l.accept(current);
            } catch (RuntimeException e) {
                LOG.warn("screen listener failed", e);
            }
        });
    }

    private String fingerprint(Screen screen) {
        try {
            return renderer.screen(screen, UiLanguage.FR);
        } catch (RuntimeException e) {
            return "unrenderable:" + System.nanoTime();
        }
    }

    private void send(Page page, Shown s) {
        try {
            if (!page.client.terminated()) {
                page.client.sendEvent("screen", s.html(page.lang), Long.toString(s.version));
            }
        } catch (RuntimeException e) {
            LOG.debug("page gone: {}", e.toString());
            pages.remove(page);
        }
    }

    private void ping() {
        pages.forEach(p -> {
            try {
                p.client.sendComment("ping");
            } catch (RuntimeException e) {
                pages.remove(p);
            }
        });
    }
}
