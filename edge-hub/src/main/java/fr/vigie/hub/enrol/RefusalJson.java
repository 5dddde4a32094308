package fr.vigie.hub.enrol;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How enrolment routes answer a refusal, and read what they need from a request. */
final class RefusalJson {
    private static final Logger LOG = LoggerFactory.getLogger(RefusalJson.class);

    /** Body of a refusal. */
    record ErrorJson(String error, String message) {
    }

    private RefusalJson() {
    }

    static void install(Javalin app) {
        app.exception(EnrolmentRefused.class, (e, ctx) -> {
            if (e.status() == 429) {
                LOG.debug("{} {} refused: {} {}", ctx.method(), ctx.path(), e.code(), e.getMessage()); // summarised
            } else {
                LOG.info("{} {} refused: {} {}", ctx.method(), ctx.path(), e.code(), e.getMessage());
            }
            if (e.retryAfter() != null) {
                ctx.header("Retry-After", Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)));
            }
            ctx.status(e.status()).json(new ErrorJson(e.code(), e.getMessage()));
        });
    }

    static UUID id(Context ctx) throws EnrolmentRefused {
        String raw = ctx.pathParam("id");
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new EnrolmentRefused(400, EnrolmentRefused.INVALID, "'" + raw + "' is not an enrolment id");
        }
    }
}
