package fr.vigie.kiosk.ui;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Keeps the kiosk page to itself. Every request must name the kiosk's own loopback address in its
 * {@code Host} header (a DNS-rebinding page cannot reach the UI under another name); every POST must
 * come from the kiosk page: {@code Origin} equal to the UI's own origin, and {@code Sec-Fetch-Site}
 * {@code same-origin} when the browser sends it; and a POST body must be what the page sends, a form
 * ({@code application/x-www-form-urlencoded}) or plain text. Refusals are 403 with a stable code, 415
 * {@value #MEDIA_TYPE_REFUSED} for another body. The body itself is never read here (a secret pad's
 * digits are read once, by the action). Thread-safe.
 */
final class RequestGuard {
    static final String HOST_REFUSED = "UI_HOST_REFUSED";
    static final String ORIGIN_REFUSED = "UI_ORIGIN_REFUSED";
    static final String MEDIA_TYPE_REFUSED = "UI_UNSUPPORTED_MEDIA_TYPE";
    private static final Set<String> BODY_TYPES = Set.of("application/x-www-form-urlencoded", "text/plain");

    private final IntSupplier port;

    RequestGuard(IntSupplier port) {
        this.port = port;
    }

    /** @return null when the request may go on, otherwise the refusal code */
    String refusal(Context ctx) {
        int p = port.getAsInt();
        Set<String> hosts = Set.of("127.0.0.1:" + p, "localhost:" + p);
        String host = ctx.header("Host");
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            return HOST_REFUSED;
        }
        if (ctx.method() != HandlerType.POST) {
            return null;
        }
        String origin = ctx.header("Origin");
        if (origin == null || !Set.of("http://127.0.0.1:" + p, "http://localhost:" + p).contains(origin)) {
            return ORIGIN_REFUSED;
        }
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin")) {
            return ORIGIN_REFUSED;
        }
        boolean hasBody = ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
        String type = ctx.header("Content-Type");
        String media = type == null ? null : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (hasBody && (media == null || !BODY_TYPES.contains(media))) {
            return MEDIA_TYPE_REFUSED;
        }
        return null;
    }
}
