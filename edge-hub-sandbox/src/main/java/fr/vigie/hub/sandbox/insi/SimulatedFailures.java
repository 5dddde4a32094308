package fr.vigie.hub.sandbox.insi;

import com.sun.net.httpserver.HttpExchange;
import fr.vigie.hub.insi.InsiNamespaces;
import fr.vigie.hub.insi.InsiOperation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Plays the simulator's failing and hostile {@link SimulatorBehaviour}s. */
final class SimulatedFailures {
    private SimulatedFailures() {
    }

    /**
     * Plays {@code now}.
     *
     * @return whether the exchange was answered (false: answer normally, after a delay for SLOW)
     */
    static boolean play(HttpExchange exchange, SimulatorBehaviour now, Duration slowDelay, SimulatorReplies replies)
            throws IOException {
        String soap = InsiNamespaces.MEDIA_TYPE;
        switch (now) {
            case HTTP_500 -> Exchanges.send(exchange, 500, "text/html",
                    "<html><body>Internal error</body></html>".getBytes(StandardCharsets.US_ASCII));
            case OVERSIZED_BODY -> Exchanges.send(exchange, 200, soap, replies.oversized(2 * 1024 * 1024));
            case XXE_BODY -> Exchanges.send(exchange, 200, soap, SimulatorReplies.xxe());
            case ENTITY_EXPANSION_BODY -> Exchanges.send(exchange, 200, soap, SimulatorReplies.entityExpansion());
            case NOT_XML_BODY -> Exchanges.send(exchange, 200, soap, "not xml {".getBytes(StandardCharsets.US_ASCII));
            case SCHEMA_VIOLATION -> Exchanges.send(exchange, 200, soap, replies.schemaViolation("uuid:x"));
            case DRIP_BODY -> drip(exchange, replies.resultat(InsiOperation.RECHERCHER_AVEC_TRAITS, "uuid:drip", List.of()),
                    slowDelay);
            case SLOW -> {
                try {
                    Thread.sleep(slowDelay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
                return false;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Headers at once, then the body in ten pieces spread over {@code over}. */
    private static void drip(HttpExchange exchange, byte[] body, Duration over) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", InsiNamespaces.MEDIA_TYPE + ";charset=UTF-8");
        exchange.sendResponseHeaders(200, 0);
        long pause = Math.max(1, over.toMillis() / 10);
        int piece = Math.max(1, body.length / 10);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < body.length; i += piece) {
                out.write(body, i, Math.min(piece, body.length - i));
                out.flush();
                Thread.sleep(pause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
