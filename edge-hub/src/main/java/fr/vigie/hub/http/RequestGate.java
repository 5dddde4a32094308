package fr.vigie.hub.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.protocol.device.DeviceApiError;
import fr.vigie.protocol.device.DeviceCodec;
import fr.vigie.protocol.device.Refusal;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every request to one of the hub's HTTP listeners passes before a route sees it:
 * <ul>
 * <li>its {@code Host} names the hub — one of the configured names, any port — or it is refused with
 * 421 {@code HOST_REFUSED}: a page that rebinds its own DNS name to the hub's address (DNS rebinding)
 * still sends its own name, so a browser never lets it read the console or the API;</li>
 * <li>a POST, PUT, PATCH or DELETE that carries a body declares a media type its route takes
 * ({@code application/json} unless {@link #accepting} says otherwise for a path prefix), or is refused
 * with 415 {@code UNSUPPORTED_MEDIA_TYPE};</li>
 * <li>a JSON body is well-formed (one value, nothing after it) and a form body decodes, or it is refused
 * with 400 {@code BAD_JSON} or {@code BAD_FORM} — without a stack trace, logged at INFO; a path prefix that takes
 * neither JSON nor forms (a file upload) has only its media type checked, its body is left for the route to
 * stream.</li>
 * </ul>
 * Routes then only ever see bodies they can parse; what a route finds wrong in the content keeps the
 * route's own code. A Jackson mapping error escaping a route is answered 400 {@code BAD_JSON} too,
 * never 500. The codes are {@link DeviceApiError}s, answered on both listeners as a device-API
 * {@link Refusal} ({@code {"error": CODE, "message": …}}). Immutable and thread-safe.
 *
 * <pre>{@code
 * RequestGate.forHosts(List.of("hub.chu-nord.local", "127.0.0.1", "localhost"))
 *         .accepting("/oidc/", RequestGate.FORM)          // a prefix whose bodies are forms
 *         .install(app);                                  // before any other before-handler
 * }</pre>
 */
public final class RequestGate {
    /** {@code application/json}, what routes take unless told otherwise. */
    public static final String JSON = "application/json";
    /** {@code application/x-www-form-urlencoded}, what OAuth/OIDC endpoints and HTML forms send. */
    public static final String FORM = "application/x-www-form-urlencoded";

    private static final Logger LOG = LoggerFactory.getLogger(RequestGate.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DeviceCodec CODEC = new DeviceCodec();
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-f:.]{2,45}");
    private static final Set<HandlerType> WITH_BODY = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE);

    private final Set<String> hosts;
    private final Map<String, Set<String>> mediaTypesByPrefix;

    private RequestGate(Set<String> hosts, Map<String, Set<String>> mediaTypesByPrefix) {
        this.hosts = hosts;
        this.mediaTypesByPrefix = mediaTypesByPrefix;
    }

    /**
     * A gate letting through requests whose {@code Host} is one of {@code names} (DNS names or IP
     * addresses, compared without case, port or brackets).
     */
    public static RequestGate forHosts(Collection<String> names) {
        Set<String> hosts = new LinkedHashSet<>();
        for (String n : names) {
            hosts.add(normalised(n));
        }
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("a gate needs at least one host name");
        }
        return new RequestGate(Set.copyOf(hosts), Map.of());
    }

    /** This gate, where bodies of paths starting with {@code pathPrefix} may be of {@code mediaTypes} instead. */
    public RequestGate accepting(String pathPrefix, String... mediaTypes) {
        Map<String, Set<String>> next = new LinkedHashMap<>(mediaTypesByPrefix);
        List<String> types = new ArrayList<>();
        for (String t : mediaTypes) {
            types.add(t.toLowerCase(Locale.ROOT));
        }
        next.put(pathPrefix, Set.copyOf(types));
        return new RequestGate(hosts, next);
    }

    /** The names a {@code Host} header may carry, normalised. */
    public Set<String> hosts() {
        return hosts;
    }

    /**
     * Adds the gate to {@code app} as a before-handler (install it before any other one) and the
     * answers of its refusals: {@link RequestRefused} and escaped Jackson errors.
     */
    public void install(Javalin app) {
        app.before(this::check);
        app.exception(RequestRefused.class, (e, ctx) -> {
            LOG.info("{} {} from {} refused: {} {}", ctx.method(), ctx.path(), SourceAddress.of(ctx), e.error(),
                    e.getMessage());
            refuse(ctx, Refusal.of(e.error(), e.getMessage()));
        });
        app.exception(JacksonException.class, (e, ctx) -> {
            // never the parser's message: it may quote the body, and bodies carry passwords
            LOG.info("{} {} from {} refused: {} ({})", ctx.method(), ctx.path(), SourceAddress.of(ctx),
                    DeviceApiError.BAD_JSON, e.getClass().getSimpleName());
            refuse(ctx, Refusal.of(DeviceApiError.BAD_JSON, "the body is not the JSON this route takes"));
        });
    }

    /** Answers {@code refusal} with its status, as the device API's JSON. */
    public static void refuse(Context ctx, Refusal refusal) {
        ctx.status(refusal.status()).contentType(JSON).result(CODEC.encode(refusal));
    }

    void check(Context ctx) throws RequestRefused {
        String host = hostName(ctx.header("Host"));
        if (host == null || !hosts.contains(host)) {
            throw new RequestRefused(DeviceApiError.HOST_REFUSED, "this server does not answer to the name in the"
                    + " Host header; use one of the hub's configured names");
        }
        if (!WITH_BODY.contains(ctx.method())) {
            return;
        }
        Set<String> accepted = acceptedAt(ctx.path());
        if (!accepted.contains(JSON) && !accepted.contains(FORM)) {
            // a file upload (e.g. a package): the route streams the body itself, the gate only checks its type
            if (ctx.contentLength() != 0) {
                requireType(mediaType(ctx.header("Content-Type")), accepted);
            }
            return;
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            return;
        }
        String type = mediaType(ctx.header("Content-Type"));
        requireType(type, accepted);
        if (type.equals(JSON)) {
            requireJson(body);
        } else if (type.equals(FORM)) {
            requireForm(body);
        }
    }

    private static void requireType(String type, Set<String> accepted) throws RequestRefused {
        if (type == null || !accepted.contains(type)) {
            throw new RequestRefused(DeviceApiError.UNSUPPORTED_MEDIA_TYPE, "this route takes "
                    + String.join(" or ", accepted)
                    + (type == null ? ", and the request has no Content-Type" : ", not " + type));
        }
    }

    private Set<String> acceptedAt(String path) {
        String best = null;
        for (String prefix : mediaTypesByPrefix.keySet()) {
            if (path.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? Set.of(JSON) : mediaTypesByPrefix.get(best);
    }

    private static void requireJson(byte[] body) throws RequestRefused {
        try (JsonParser p = MAPPER.createParser(body)) {
            if (p.nextToken() == null) {
                throw new RequestRefused(DeviceApiError.BAD_JSON, "the body holds no JSON value");
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                throw new RequestRefused(DeviceApiError.BAD_JSON, "the body holds more than one JSON value");
            }
        } catch (JacksonException e) {
            // never the parser's message: it may quote the body, and bodies carry passwords
            throw new RequestRefused(DeviceApiError.BAD_JSON, "the body is not well-formed JSON"
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new RequestRefused(DeviceApiError.BAD_JSON, "the body could not be read as JSON");
        }
    }

    private static void requireForm(byte[] body) throws RequestRefused {
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            for (String pair : text.split("&")) {
                URLDecoder.decode(pair, StandardCharsets.UTF_8);
            }
        } catch (IllegalArgumentException e) {
            throw new RequestRefused(DeviceApiError.BAD_FORM, "the body is not a well-formed form (bad % escape)");
        }
    }

    /** The media type of a {@code Content-Type} value, lower case without parameters; null when absent. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String t = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() ? null : t;
    }

    /** The name in a {@code Host} header, without port or brackets, normalised; null when there is none. */
    static String hostName(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.strip();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            if (end < 0 || (end + 1 < h.length() && h.charAt(end + 1) != ':')) {
                return null;
            }
            return normalised(h.substring(1, end));
        }
        int colon = h.indexOf(':');
        if (colon >= 0 && h.indexOf(':', colon + 1) >= 0) {
            return null; // an IPv6 literal must be bracketed in Host
        }
        return normalised(colon < 0 ? h : h.substring(0, colon));
    }

    /** Lower case, no trailing dot, IPv6 literals in their full form. */
    static String normalised(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.startsWith("[") && n.endsWith("]")) {
            n = n.substring(1, n.length() - 1);
        }
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        if (n.contains(":") && IPV6_LITERAL.matcher(n).matches()) {
            try {
                return InetAddress.getByName(n).getHostAddress(); // a literal: no name lookup
            } catch (UnknownHostException e) {
                return n;
            }
        }
        return n;
    }
}
