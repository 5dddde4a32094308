package fr.vigie.hub.sandbox.psc;

import fr.vigie.hub.sandbox.web.SandboxStylesheet;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's "e-CPS phone": a minimal French HTML page listing pending CIBA requests with their
 * binding message, each with approve and refuse buttons. Forms carry a single-use CSRF token that
 * expires after ten minutes by the injected clock. The page is the jte template
 * {@code src/main/jte/sandbox/psc/phone.jte}, compiled with this module like the console's pages with the hub: the engine
 * escapes every value. Thread-safe.
 */
final class PhonePage {
    /** The template compiled into this package ({@code fr.vigie.hub} + {@code sandbox/psc/}). */
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            PhonePage.class.getClassLoader(), "fr.vigie.hub");
    private static final Duration CSRF_LIFETIME = Duration.ofMinutes(10);
    private static final int CSRF_KEPT = 256;
    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, Instant> csrf = new LinkedHashMap<>();

    PhonePage(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** Renders the page; {@code action} is the decision endpoint's path. */
    String render(List<CibaLedger.Pending> pending, String action) {
        return render(pending, action, List.of());
    }

    /**
     * Renders the page; a {@code CARD} request also offers to choose which test professional's card
     * the CPS app reads ({@code cards}), the one asked for being preselected.
     */
    String render(List<CibaLedger.Pending> pending, String action, List<SandboxProfessional> cards) {
        Map<String, Object> params = new HashMap<>(10);
        params.put("pending", pending);
        params.put("action", action);
        params.put("csrf", newCsrf());
        params.put("cards", cards);
        params.put("stylesheet", SandboxStylesheet.PATH);
        StringOutput out = new StringOutput(1024);
        TEMPLATES.render("sandbox/psc/phone.jte", params, out);
        return out.toString();
    }

    /** Spends a CSRF token; false if it is unknown, used or expired. */
    synchronized boolean spend(String token) {
        Instant until = token == null ? null : csrf.remove(token);
        return until != null && !clock.instant().isAfter(until);
    }

    private synchronized String newCsrf() {
        byte[] b = new byte[18];
        random.nextBytes(b);
        String t = HexFormat.of().formatHex(b);
        csrf.put(t, clock.instant().plus(CSRF_LIFETIME));
        while (csrf.size() > CSRF_KEPT) {
            csrf.remove(csrf.keySet().iterator().next());
        }
        return t;
    }
}
