package fr.vigie.config;

import fr.vigie.protocol.ConfigBundle;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.Reply;
import java.time.Instant;

/**
 * The kiosk's replies about a configuration bundle, on its reply topic: applied ({@code DONE},
 * code {@code OK}), refused ({@code REJECTED} with the {@link ConfigError} code), or applied then
 * rolled back ({@code FAILED}, {@code CONFIG_HEALTH_CHECK_FAILED}). The command id is
 * {@code config-<version>}. Stateless.
 */
public final class ConfigReplies {
    private ConfigReplies() {
    }

    public static Reply applied(VerifiedConfig config, Instant at) {
        return reply(config.bundle(), Reply.Outcome.DONE, "OK", "configuration version " + config.version() + " applied", at);
    }

    public static Reply rejected(ConfigBundle bundle, ConfigException reason, Instant at) {
        return reply(bundle, Reply.Outcome.REJECTED, reason.error().name(), reason.getMessage(), at);
    }

    public static Reply rolledBack(VerifiedConfig config, long backTo, Instant at) {
        return reply(config.bundle(), Reply.Outcome.FAILED, ConfigError.CONFIG_HEALTH_CHECK_FAILED.name(),
                "configuration version " + config.version() + " failed its health check; version " + backTo
                        + " is back in force", at);
    }

    private static Reply reply(ConfigBundle b, Reply.Outcome outcome, String code, String message, Instant at) {
        return new Reply("config-" + b.version(), b.site(), b.kioskId(), outcome, code, message, at,
                ProtocolCodec.SCHEMA_VERSION);
    }
}
