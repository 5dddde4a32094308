package fr.vigie.hub;

import fr.vigie.hub.broker.BrokerTls;
import fr.vigie.hub.broker.EmbeddedBroker;
import fr.vigie.hub.broker.HubMqttCredentials;
import fr.vigie.hub.broker.SiteMosquitto;
import fr.vigie.hub.db.HubDatabase;
import fr.vigie.protocol.KioskAddress;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every part of a hub stands on: its data directory (locked, its files checked owner-only), the
 * database (embedded or external, migrated), the keys (site CA, configuration signing key, data key),
 * the hub's MQTT credentials and the broker kiosks reach (embedded HiveMQ with its device listener,
 * or the site's Mosquitto the hub looks after). Built once by {@link #open}; every part it starts is
 * added to the hub's {@link StartedParts}. Thread-safe.
 */
final class HubFoundation {
    private static final Logger LOG = LoggerFactory.getLogger(HubFoundation.class);

    final HubDataDirectory directory;
    final HubDatabase database;
    final HubKeys keys;
    final HubMqttCredentials mqttCredentials;
    /** The embedded broker, or null with an external one. */
    final EmbeddedBroker broker;
    /** The site's Mosquitto the hub looks after, or null. */
    final SiteMosquitto siteMosquitto;
    /** {@code tcp://127.0.0.1:<port>} for the embedded broker, or the configured external URL. */
    final String mqttUrl;

    private HubFoundation(HubDataDirectory directory, HubDatabase database, HubKeys keys,
            HubMqttCredentials mqttCredentials, EmbeddedBroker broker, SiteMosquitto siteMosquitto, String mqttUrl) {
        this.directory = directory;
        this.database = database;
        this.keys = keys;
        this.mqttCredentials = mqttCredentials;
        this.broker = broker;
        this.siteMosquitto = siteMosquitto;
        this.mqttUrl = mqttUrl;
    }

    static HubFoundation open(HubConfig config, Clock clock, StartedParts started) throws Exception {
        HubDataDirectory directory = started.add(HubDataDirectory.open(config.dataDir()));
        List<java.nio.file.Path> secrets = new ArrayList<>(config.gateways().secretFiles());
        if (config.pki().caPassphraseFile() != null) {
            secrets.add(config.pki().caPassphraseFile());
        }
        HubFilePermissions.secure(config.dataDir(), secrets);
        HubDatabase database = started.add(config.embeddedDatabase()
                ? HubDatabase.embedded(directory.resolve("postgres"))
                : HubDatabase.external(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword()));
        HubKeys keys = HubKeys.open(config.dataDir(), config.pki().site(), config.pki().caPassphraseFile(), clock);
        HubMqttCredentials credentials = HubMqttCredentials.openOrCreate(directory.resolve(HubMqttCredentials.FILE));
        HubPkiConfig pki = config.pki();
        EmbeddedBroker broker = null;
        if (config.embeddedBroker()) {
            broker = started.add(EmbeddedBroker.start(directory.resolve("broker"), config.embeddedMqttPort(),
                    credentials, pki.mqttTls() ? deviceListener(pki, keys, clock) : null));
        }
        SiteMosquitto mosquitto = null;
        if (pki.mosquittoDir() != null) {
            mosquitto = started.add(SiteMosquitto.start(pki.mosquittoDir(), deviceListener(pki, keys, clock),
                    URI.create(config.brokerUrl()).getPort(), credentials, Optional.ofNullable(pki.mosquittoPidFile())));
        }
        return new HubFoundation(directory, database, keys, credentials, broker, mosquitto,
                broker != null ? broker.url() : config.brokerUrl());
    }

    private static BrokerTls deviceListener(HubPkiConfig pki, HubKeys keys, Clock clock) {
        return new BrokerTls(pki.mqttTlsBind(), pki.mqttTlsPort(), pki.dnsNames(), pki.ipAddresses(), keys.ca(), clock);
    }

    /**
     * Ends a revoked kiosk's session on the embedded broker, or hands the new CRL to the site's Mosquitto
     * when the hub looks after it (another external broker must read the CRL at {@code /enrol/v1/crl}).
     */
    void disconnectRevoked(KioskAddress kiosk) {
        if (broker != null && broker.deviceUrl().isPresent()) {
            broker.disconnectDevice(kiosk);
        }
        if (siteMosquitto != null) {
            try {
                siteMosquitto.publishCrl();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Mosquitto's CRL could not be updated after revoking {}; it is retried every minute: {}",
                        kiosk, e.toString());
            }
        }
    }

    /** The port of the broker's device listener (embedded, or the Mosquitto the hub looks after), if any. */
    Optional<Integer> deviceMqttPort(HubPkiConfig pki) {
        if (siteMosquitto != null) {
            return Optional.of(pki.mqttTlsPort());
        }
        if (broker != null && broker.deviceUrl().isPresent()) {
            return Optional.of(URI.create(broker.deviceUrl().get()).getPort());
        }
        return Optional.empty();
    }
}
