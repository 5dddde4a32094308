package fr.vigie.hub.fleet;

import fr.vigie.hub.audit.AuditLog;
import fr.vigie.hub.broker.HubMqttCredentials;
import fr.vigie.protocol.Reply;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fleet management on the hub, wired: the configuration-signing key, the MQTT link to the kiosks,
 * configuration rollouts, remote commands and device groups; kiosks' replies are routed to the
 * rollouts ({@code config-<version>}) or the commands. Thread-safe.
 *
 * <pre>{@code
 * try (Fleet fleet = Fleet.start(configKey, dataSource, auditLog, "tcp://127.0.0.1:1883", hubCredentials, false, clock)) {
 *     fleet.rollouts().rollOut("default", settings, "alice");
 * }
 * }</pre>
 */
public final class Fleet implements AutoCloseable {
    /** Directory of the signing key inside the hub's data directory. */
    public static final String KEY_DIR = "config-signing";
    private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);

    private final ConfigSigningKey key;
    private final FleetLink link;
    private final ConfigRollouts rollouts;
    private final Commands commands;
    private final Groups groups;

    private Fleet(ConfigSigningKey key, FleetLink link, ConfigRollouts rollouts, Commands commands, Groups groups) {
        this.key = key;
        this.link = link;
        this.rollouts = rollouts;
        this.commands = commands;
        this.groups = groups;
    }

    /**
     * Connects to the broker and wires the fleet around the hub's configuration key (opened with the
     * site CA by {@code HubKeys}, under the same passphrase).
     *
     * @param sharedSubscription whether replies come through the hubs' shared subscription (external broker)
     */
    public static Fleet start(ConfigSigningKey key, DataSource dataSource, AuditLog audit, String brokerUrl,
            HubMqttCredentials credentials, boolean sharedSubscription, Clock clock)
            throws MqttException, InterruptedException {
        Router router = new Router();
        FleetLink link = new FleetLink(brokerUrl, credentials, sharedSubscription, router);
        ConfigRollouts rollouts = new ConfigRollouts(dataSource, key.signer(), link::publish, audit, clock);
        Fleet fleet = new Fleet(key, link, rollouts, new Commands(dataSource, link::publish, audit,
                key.commandSigner()),
                new Groups(dataSource, audit, rollouts));
        router.fleet = fleet;
        if (!link.start(Duration.ofSeconds(sharedSubscription ? 5 : 30))) {
            LOG.warn("fleet link not connected to {} yet; it keeps trying", brokerUrl);
        }
        LOG.info("fleet ready: configuration key {}", key.keyId());
        return fleet;
    }

    /** Hands each reply to the rollouts or the commands. */
    private static final class Router implements java.util.function.Consumer<Reply> {
        private volatile Fleet fleet;

        @Override
        public void accept(Reply reply) {
            Fleet f = fleet;
            if (f == null) {
                return;
            }
            try {
                if (ConfigRollouts.isConfigReply(reply)) {
                    f.rollouts.onReply(reply);
                } else {
                    f.commands.onReply(reply);
                }
            } catch (SQLException | FleetRejection e) {
                LOG.warn("reply {} from {}/{} not recorded: {}", reply.commandId(), reply.site(), reply.kioskId(),
                        e.toString());
            }
        }
    }

    public ConfigSigningKey signingKey() {
        return key;
    }

    public ConfigRollouts rollouts() {
        return rollouts;
    }

    public Commands commands() {
        return commands;
    }

    public Groups groups() {
        return groups;
    }

    @Override
    public void close() {
        link.close();
    }
}
