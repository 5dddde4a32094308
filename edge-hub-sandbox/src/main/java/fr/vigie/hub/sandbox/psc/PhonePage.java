package fr.vigie.hub.sandbox.psc;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's "e-CPS phone": a minimal French HTML page listing pending CIBA requests with their
 * binding message, each with approve and refuse buttons. Forms carry a single-use CSRF token that
 * expires after ten minutes by the injected clock. All text is HTML-escaped. Thread-safe.
 */
final class PhonePage {
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
        String token = newCsrf();
        StringBuilder h = new StringBuilder(1024);
        h.append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>e-CPS (bac à sable)</title></head><body><h1>e-CPS — bac à sable</h1>");
        if (pending.isEmpty()) {
            h.append("<p id=\"aucune\">Aucune demande en attente.</p>");
        }
        for (CibaLedger.Pending p : pending) {
            h.append("<section class=\"demande\" data-ref=\"").append(esc(p.ref())).append("\">")
                    .append("<p>Demande de connexion pour ").append(esc(p.professional().givenName())).append(' ')
                    .append(esc(p.professional().familyName())).append(" (").append(esc(p.professional().idNatPs().value()))
                    .append("), canal ").append(esc(p.channel())).append(".</p>")
                    .append("<p>Code affiché sur le poste : <strong class=\"code\">").append(esc(p.bindingMessage()))
                    .append("</strong></p>")
                    .append("<form method=\"post\" action=\"").append(esc(action)).append("\">")
                    .append("<input type=\"hidden\" name=\"ref\" value=\"").append(esc(p.ref())).append("\">")
                    .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(esc(token)).append("\">");
            if (p.channel().equals("CARD") && !cards.isEmpty()) {
                h.append("<label>Carte lue : <select name=\"card\">");
                for (SandboxProfessional c : cards) {
                    String v = c.idNatPs().value();
                    h.append("<option value=\"").append(esc(v)).append('"')
                            .append(v.equals(p.professional().idNatPs().value()) ? " selected" : "").append('>')
                            .append(esc(c.givenName())).append(' ').append(esc(c.familyName())).append(" (")
                            .append(esc(v)).append(")</option>");
                }
                h.append("</select></label> ");
            }
            h.append("<button name=\"decision\" value=\"approve\">Accepter</button> ")
                    .append("<button name=\"decision\" value=\"refuse\">Refuser</button></form></section>");
        }
        return h.append("</body></html>").toString();
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

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
