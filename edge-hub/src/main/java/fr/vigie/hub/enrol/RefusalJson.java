package fr.vigie.hub.enrol;

import fr.vigie.protocol.device.EnrolmentError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How IT's enrolment routes (REST API) answer a refusal, and read an enrolment id from a request. */
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
        return id(ctx.pathParam("id"));
    }

    /** {@code raw} as an enrolment id. */
    static UUID id(String raw) throws EnrolmentRefused {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new EnrolmentRefused(EnrolmentError.INVALID_PARAMETER, "'" + raw + "' is not an enrolment id");
        }
    }
}
