package fr.vigie.hub;

import fr.vigie.config.Setting;
import fr.vigie.config.SettingsCatalogue;
import fr.vigie.hub.admission.ApcvSettings;
import fr.vigie.hub.enrol.EnrolmentLimits;
import fr.vigie.hub.directory.DirectorySettings;
import fr.vigie.hub.gam.GamSettings;
import fr.vigie.hub.sso.SsoSettings;
import fr.vigie.hub.insi.InsiGatewaySettings;
import fr.vigie.hub.psc.PscGatewaySettings;
import java.util.List;

/**
 * Every setting of the hub ({@code hub.*}), described once: the hub's own here, the gateways' and the GAM feed's
 * beside their settings records ({@link InsiGatewaySettings#SETTINGS}, {@link PscGatewaySettings#SETTINGS},
 * {@link ApcvSettings#SETTINGS}, {@link GamSettings#SETTINGS}, {@link SsoSettings#SETTINGS}). The keys {@link HubConfigReader} accepts are this
 * catalogue's; {@code ./vigie hub settings} and {@code docs/SETTINGS.md} print it. All are local: set in the hub's
 * file ({@code /etc/vigie/hub.properties}) or on its command line.
 */
public final class HubSettingsCatalogue {
    private static final List<Setting> SERVER = List.of(
            Setting.define(HubConfig.DATA_DIR).textValue("./data/hub").words("Dossier des données", "Data directory",
                    "Base de données et broker intégrés, et secrets du hub (dossiers 700, secrets 600).",
                    "Embedded database and broker data, and the hub's secrets (directories 700 and secrets 600,"
                            + " checked at every start)."),
            Setting.define(HubPkiConfig.SITE).textValue("demo").words("Site", "Site",
                    "Identifiant du site de l'autorité du hub : seules les bornes de ce site s'enrôlent.",
                    "Site id of the hub's CA: only kiosks of this site enrol."),
            Setting.define(HubConfig.HTTP_BIND).textValue("127.0.0.1").words("Adresse de la console", "Console address",
                    "Adresse d'écoute de la console et de l'API REST.", "Address of the console and REST API."),
            Setting.define(HubConfig.HTTP_PORT).integer(8080, 0, 65_535).words("Port de la console", "Console port",
                    "Port de la console et de l'API REST (0 : un port libre).",
                    "Console and REST API port (0 = any free port)."),
            Setting.define(HubConfig.HTTP_NAMES).list("").words("Noms de la console", "Console host names",
                    "Noms et adresses que l'on tape pour joindre la console ; tout autre nom est refusé "
                            + "(HOST_REFUSED). Vide : localhost, 127.0.0.1, ::1, l'adresse d'écoute et les noms de "
                            + "l'API des bornes.",
                    "Host names and IPs the console and REST API answer to; any other Host gets 421 HOST_REFUSED"
                            + " (defeats DNS rebinding). Empty: localhost, 127.0.0.1, ::1, hub.http.bind unless a"
                            + " wildcard, and hub.device-api.names."),
            Setting.define(HubConfig.MQTT_URL).textValue("").words("Broker externe", "External broker",
                    "Broker MQTT externe (tcp://broker:1883) ; vide : le broker HiveMQ intégré.",
                    "External broker, e.g. tcp://broker:1883 (the hub logs in as vigie-hub with"
                            + " <data>/mqtt-client.secret); empty: embedded HiveMQ."),
            Setting.define(HubConfig.MQTT_PORT).integer(1883, 0, 65_535).words("Port du broker intégré",
                    "Embedded broker port", "Port du broker intégré pour le hub (127.0.0.1 seulement).",
                    "Port of the embedded broker's listener for the hub (127.0.0.1, the hub's credentials only)."),
            Setting.define(HubPkiConfig.MQTT_TLS).bool(true).words("Écoute TLS des bornes", "Device MQTT TLS listener",
                    "Écoute MQTT des bornes en TLS 1.3 avec certificat du site (avec le broker intégré).",
                    "The embedded broker's device listener, the only way kiosks connect: TLS 1.3, client certificate"
                            + " from the site CA, own subtree only (default true with the embedded broker)."),
            Setting.define(HubPkiConfig.MQTT_TLS_BIND).textValue("127.0.0.1").words("Adresse MQTT des bornes",
                    "Device MQTT address", "Adresse où les bornes se connectent en ssl://.",
                    "Where kiosks connect with ssl:// (also the device listener of a Mosquitto the hub looks after)."),
            Setting.define(HubPkiConfig.MQTT_TLS_PORT).integer(8883, 0, 65_535).words("Port MQTT des bornes",
                    "Device MQTT port", "Port où les bornes se connectent en ssl:// (libre si hub.mqtt.port vaut 0).",
                    "Port kiosks connect to with ssl:// (a free port when hub.mqtt.port is 0)."),
            Setting.define(HubPkiConfig.MOSQUITTO_DIR).textValue("").words("Dossier Mosquitto", "Mosquitto directory",
                    "Dossier de configuration d'un Mosquitto local que le hub configure à chaque démarrage.",
                    "A Mosquitto on this machine: the hub writes its security configuration into that folder at each"
                            + " start, and its CRL after a revocation."),
            Setting.define(HubPkiConfig.MOSQUITTO_PID_FILE).textValue("").words("Processus Mosquitto", "Mosquitto pid file",
                    "Fichier pid du Mosquitto à prévenir (SIGHUP) après une révocation.",
                    "Pid file of that Mosquitto, signalled (SIGHUP) after a revocation."),
            Setting.define(HubConfig.DB_URL).textValue("").words("Base PostgreSQL externe", "External database",
                    "URL JDBC d'un PostgreSQL externe ; vide : PostgreSQL intégré.",
                    "External PostgreSQL JDBC URL (least-privilege role); empty: embedded PostgreSQL."),
            Setting.define(HubConfig.DB_USER).textValue("").words("Utilisateur de la base", "Database user",
                    "Utilisateur du PostgreSQL externe.", "User of the external PostgreSQL."),
            Setting.define(HubConfig.DB_PASSWORD).textValue("").words("Mot de passe de la base", "Database password",
                    "Mot de passe du PostgreSQL externe (le fichier qui le contient doit être en mode 600).",
                    "Its password (a file holding it must be mode 600)."),
            Setting.define(HubConfig.INGEST_ENABLED).bool(true).words("Enregistrer les événements", "Store events",
                    "Enregistrer les événements reçus des bornes.", "Store incoming events."),
            Setting.define(HubConfig.INGEST_BATCH_SIZE).integer(500, 1, HubConfig.MAX_BATCH_SIZE).words("Taille des lots", "Ingest batch size", "Plus grand lot d'événements enregistré d'un coup.",
                    "Largest batch committed at once."),
            Setting.define(HubConfig.OFFLINE_AFTER_HEARTBEATS).integer(3, 1, 1000).words("Borne hors ligne après",
                    "Offline after heartbeats", "Signaux de présence manqués avant qu'une borne soit dite hors ligne.",
                    "Missed heartbeats before a kiosk shows offline."),
            Setting.define(HubConfig.AUDIT_ANCHOR_SECONDS).integer(300, 10, 86_400).unit("s").words("Ancrage du journal d'audit", "Audit anchoring",
                    "Fréquence d'export signé de la tête de la chaîne d'audit hors de la base.",
                    "How often the hub exports the audit chain head, signed, to <data>/audit-anchors.log and its log"
                            + " (also at start and at stop)."),
            Setting.define(HubPkiConfig.CA_PASSPHRASE_FILE).textValue("").words("Phrase secrète de l'autorité",
                    "CA passphrase file", "Phrase secrète des clés chiffrées de l'autorité du site ; en production, "
                            + "un fichier hors du dossier des données.",
                    "Passphrase of the site CA's encrypted keys; empty: a generated site-ca.passphrase in the data"
                            + " directory (mode 600). In production, a file outside the data directory."),
            Setting.define(HubConfig.IGC_SANTE_CRL_FILES).list("").words("Listes de révocation IGC-Santé",
                    "IGC-Santé CRL files", "Listes de révocation servies aux bornes, relues quand elles changent.",
                    "IGC-Santé CRL files (PEM or DER) served to kiosks at GET /pki/v1/igc-sante/crls, re-read when"
                            + " they change."),
            Setting.define(HubConfig.IGC_SANTE_ANCHORS).list("").words("Autorités IGC-Santé", "IGC-Santé anchors",
                    "Racines IGC-Santé de confiance pour la preuve de l'agent d'accueil ; vide : toute carte refusée.",
                    "PEM files of the IGC-Santé roots (and intermediates) the hub trusts when an admission desk"
                            + " proves its agent with a CPS card; empty: every agent's card refused."));

    private static final List<Setting> DEVICE_API = List.of(
            Setting.define(HubPkiConfig.DEVICE_API_BIND).textValue("127.0.0.1").words("Adresse de l'API des bornes",
                    "Device API address", "Adresse de l'API HTTPS des bornes (TLS 1.3, certificats du site).",
                    "Device API: HTTPS, TLS 1.3, client certificates from the site CA; /enrol/v1/** open,"
                            + " /device/v1/** for enrolled kiosks."),
            Setting.define(HubPkiConfig.DEVICE_API_PORT).integer(8443, 0, 65_535).words("Port de l'API des bornes",
                    "Device API port", "Port de l'API des bornes (libre si hub.http.port vaut 0).",
                    "Device API port (a free port when hub.http.port is 0)."),
            Setting.define(HubPkiConfig.SERVER_NAMES).list("localhost,127.0.0.1").words("Noms du hub pour les bornes",
                    "Device API names", "Noms et adresses que les bornes utilisent pour le hub (dans ses certificats).",
                    "DNS names and IPs kiosks use for the hub, put in its server certificates."),
            Setting.define(EnrolmentLimits.REQUESTS_PER_MINUTE_PER_SOURCE).integer(60, 1, 100_000).words("Demandes d'enrôlement par minute", "Enrolment requests per minute",
                    "Demandes qu'une adresse peut envoyer par minute (au-delà : ENROLMENT_RATE_LIMITED).",
                    "Enrolment requests one address may send per minute; more get 429 ENROLMENT_RATE_LIMITED."),
            Setting.define(EnrolmentLimits.MAX_PENDING_PER_SOURCE).integer(20, 1, 10_000).words("Demandes en attente par adresse", "Pending requests per address",
                    "Demandes d'une adresse en attente de l'informatique (au plus hub.enrol.max-pending).",
                    "Requests from one address waiting for IT at once (at most hub.enrol.max-pending); more get 429"
                            + " ENROLMENT_SOURCE_QUEUE_FULL."),
            Setting.define(EnrolmentLimits.MAX_PENDING).integer(1000, 1, 100_000).words("Demandes en attente",
                    "Pending requests", "Demandes en attente de l'informatique, toutes adresses.",
                    "Requests waiting for IT at once, all addresses; more get 429 ENROLMENT_QUEUE_FULL."));

    /** Every hub setting, in reference order. */
    public static final SettingsCatalogue CATALOGUE = SettingsCatalogue.of("hub", List.of(SERVER, DEVICE_API,
            InsiGatewaySettings.SETTINGS, PscGatewaySettings.SETTINGS, ApcvSettings.SETTINGS, GamSettings.SETTINGS, SsoSettings.SETTINGS,
            DirectorySettings.SETTINGS));

    private HubSettingsCatalogue() {
    }
}
