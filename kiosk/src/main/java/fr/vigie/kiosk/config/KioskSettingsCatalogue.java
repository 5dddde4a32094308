package fr.vigie.kiosk.config;

import fr.vigie.config.KioskFleetSettings;
import fr.vigie.config.Setting;
import fr.vigie.config.SettingsCatalogue;
import fr.vigie.hardware.gpio.GpioPins;
import java.util.List;

/**
 * Every setting of a kiosk, described once: the local ones of this machine's file ({@code kiosk.properties},
 * read by {@link KioskConfig}, {@link HubAccess}, {@link CardTrustSettings}, {@link StationConfig}) and the fleet
 * ones IT may also roll out ({@link KioskFleetSettings}). {@link KioskConfig#KEYS}, the keys the file may hold, are
 * this catalogue's; {@code ./vigie kiosk settings} and {@code docs/SETTINGS.md} print it.
 */
public final class KioskSettingsCatalogue {
    private static final List<Setting> DEVICE = List.of(
            Setting.define(KioskConfig.SITE).textValue("").words("Site", "Site",
                    "Identifiant du site (a-z, 0-9, « - ») ; obligatoire.", "Site id (a-z, 0-9, -); required."),
            Setting.define(KioskConfig.ID).textValue("").words("Identifiant de la borne", "Kiosk id",
                    "Identifiant de la borne, unique dans le site ; obligatoire.", "Kiosk id, unique in the site; required."),
            Setting.define(KioskConfig.MQTT_URL).textValue(KioskConfig.DEFAULT_BROKER_URL).words("Broker du hub", "Hub broker",
                    "Adresse du broker MQTT du hub (ssl://… pour une borne enrôlée).",
                    "MQTT broker of the site hub (ssl://… once the kiosk enrols through kiosk.hub.url)."),
            Setting.define(KioskConfig.DATA_DIR).textValue("./data/kiosk/<id>").words("Dossier des données", "Data directory",
                    "Dossier de la file d'envoi durable et de l'identité de la borne.",
                    "The durable outbox and the kiosk's identity."),
            Setting.define(KioskConfig.OUTBOX_CAPACITY).integer(KioskConfig.DEFAULT_OUTBOX_CAPACITY, 1, 10_000_000)
                    .words("Capacité de la file d'envoi", "Outbox capacity",
                            "Nombre d'événements gardés avant d'en refuser de nouveaux.",
                            "Events the outbox holds before it refuses new ones (OUTBOX_FULL)."),
            Setting.define(KioskConfig.OUTBOX_SYNC).choice("full", "full", "normal").words("Durabilité de la file",
                    "Outbox durability", "full : résiste aux coupures de courant ; normal : aux arrêts du programme.",
                    "SQLite durability: full survives power cuts, normal survives process crashes."),
            Setting.define(KioskConfig.MQTT_WINDOW).integer(KioskConfig.DEFAULT_PUBLISH_WINDOW, 1, 65_534)
                    .words("Envois simultanés", "Publish window",
                            "Événements envoyés au hub sans attendre leur accusé de réception.",
                            "QoS 1 publishes in flight at once (capped by the broker's receive maximum)."),
            Setting.define(HubAccess.URL).textValue("").words("Adresse du hub", "Hub address",
                    "API des bornes du hub (https://hub:8443) : la borne s'enrôle et se connecte en TLS mutuel ; "
                            + "vide : pas d'enrôlement.",
                    "Hub device API, e.g. https://hub:8443; the kiosk then enrols and needs an ssl:// broker URL."
                            + " Empty: no enrolment, plain MQTT (a bare broker in tests)."),
            Setting.define(HubAccess.CA_FINGERPRINT).textValue("").words("Empreinte de l'autorité du site",
                    "Site CA fingerprint", "SHA-256 de la racine du site (le hub l'affiche : ca=) ; vide : confiance "
                            + "au premier contact.",
                    "SHA-256 of the site root (the hub prints it as ca=); empty: trust on first use."),
            Setting.define(HubAccess.TOKEN_FILE).textValue("").words("Jeton d'enrôlement", "Enrolment token file",
                    "Fichier d'un jeton d'enrôlement à usage unique ({id} : l'identifiant de la borne) ; vide : "
                            + "attendre la validation par l'informatique.",
                    "File holding a one-time bootstrap token ({id} stands for the kiosk id); empty: wait for IT's"
                            + " approval."),
            Setting.define(HubAccess.RESTART_SECONDS).integer(60, 1, 3600).unit("s").words("Nouvelle demande après un refus", "Retry after a refused enrolment",
                    "Après un refus de l'informatique, attendre ce temps (doublé jusqu'à 1 h) avant de redemander.",
                    "After IT rejects the request (or approves another key under this id), wait this long, doubling"
                            + " up to 1 h, then ask again."),
            Setting.define(HubAccess.SECRET_FILE).textValue("<data-dir>.secret").words("Secret de la borne", "Device secret file",
                    "Secret de 256 bits qui chiffre la clé de la borne, hors du dossier des données.",
                    "256-bit secret that encrypts the device key, kept outside the data directory."));

    private static final List<Setting> CARDS = List.of(
            Setting.define(CardTrustSettings.ANCHORS).list("").words("Autorités IGC-Santé", "IGC-Santé anchors",
                    "Fichiers PEM des racines (et intermédiaires) IGC-Santé de confiance, séparés par des virgules ; "
                            + "vide : toute carte est refusée.",
                    "PEM files of the trusted IGC-Santé root(s) and intermediates, comma separated; empty: every"
                            + " card is refused."),
            Setting.define(CardTrustSettings.CRL_URL).textValue("").words("Listes de révocation (hub)", "CRL URL",
                    "Adresse des listes de révocation servies par le hub ; vide : le cache seulement.",
                    "The hub's CRL bundle, e.g. http://hub:8080/pki/v1/igc-sante/crls; empty: cache only."),
            Setting.define(CardTrustSettings.CRL_DIR).textValue("<data-dir>/igc-sante-crls").words("Cache des listes de "
                    + "révocation", "CRL cache", "Listes de révocation vérifiées, gardées pour les connexions quand "
                    + "le hub est injoignable.", "Verified CRLs kept for sign-in while the hub is unreachable."),
            Setting.define(CardTrustSettings.CRL_REFRESH_MINUTES).integer(CardTrustSettings.DEFAULT_REFRESH_MINUTES, 1,
                    1440).unit("min").words("Rafraîchissement des listes de révocation", "CRL refresh",
                    "Période de récupération des listes de révocation.", "CRL fetch period."),
            Setting.define(CardTrustSettings.CRL_GRACE_HOURS).integer(CardTrustSettings.DEFAULT_GRACE_HOURS, 0, 720)
                    .unit("h").words("Tolérance des listes périmées", "Stale CRL grace",
                            "Durée d'usage d'une liste de révocation après sa date de mise à jour ; ensuite les "
                                    + "cartes de cette autorité sont refusées.",
                            "How long past its nextUpdate a CRL is still used; then that CA's cards are refused"
                                    + " CRL_STALE."));

    private static final List<Setting> STATION = List.of(
            Setting.define(StationConfig.UI_PORT).integer(StationConfig.DEFAULT_UI_PORT, 0, 65_535).words("Port de l'écran tactile", "Touch screen port",
                    "Port de l'écran tactile sur 127.0.0.1 (0 : un port libre).",
                    "Touch UI on 127.0.0.1; 0 = any free port (with --virtual, kiosk i gets port + i)."),
            Setting.define(StationConfig.READERS).choice("pcsc", "pcsc", "sandbox").words("Lecteurs de cartes",
                    "Card readers", "pcsc : les lecteurs de la machine ; sandbox : lecteurs virtuels de démonstration "
                            + "(jamais en production).",
                    "pcsc: the machine's readers; sandbox: in-process virtual readers and demo CPS cards (never in"
                            + " production)."),
            Setting.define(StationConfig.GPIO).choice("auto", "auto", "gpiod", "mock").words("Broches GPIO", "GPIO",
                    "auto : gpiod sur un Raspberry Pi, simulation ailleurs ; gpiod ; mock.",
                    "auto: on a Raspberry Pi the gpiod provider, elsewhere Pi4J's mock platform; gpiod; mock."),
            pin(StationConfig.GPIO_PINS.get(GpioPins.Role.LED_RED), 17, "voyant rouge",
                    "status LED's red channel"),
            pin(StationConfig.GPIO_PINS.get(GpioPins.Role.LED_GREEN), 27, "voyant vert",
                    "status LED's green channel"),
            pin(StationConfig.GPIO_PINS.get(GpioPins.Role.LED_BLUE), 22, "voyant bleu",
                    "status LED's blue channel"),
            pin(StationConfig.GPIO_PINS.get(GpioPins.Role.BUZZER), 18, "buzzer", "buzzer"),
            pin(StationConfig.GPIO_PINS.get(GpioPins.Role.PRESENCE), 23, "capteur de présence",
                    "presence sensor's output"),
            Setting.define(StationConfig.PRESENCE_ACTIVE_HIGH).bool(true).words("Capteur actif à l'état haut",
                    "Presence sensor active high", "true : la sortie du capteur est haute quand quelqu'un est là.",
                    "true when the sensor's output is high while someone is there (input pulled down); false for an"
                            + " active-low sensor."),
            Setting.define(StationConfig.ADMISSION_DESK).bool(false).words("Poste d'accueil", "Admission desk",
                    "true sur un poste d'accueil des patients (qualification des identités par le hub).",
                    "true on an admission desk: a signed-in agent, proven to the hub, qualifies patients' identities"
                            + " (needs kiosk.hub.url, and the hub must know the kiosk as an admission desk)."),
            Setting.define(StationConfig.LABEL_PRINTER).textValue("").words("Imprimante d'étiquettes", "Label printer",
                    "Adresse IPP de l'imprimante d'étiquettes du poste d'accueil (file CUPS ou imprimante réseau).",
                    "The admission desk's label printer, an IPP URI (a CUPS queue or a network printer's IPP"
                            + " service); empty: no printer. Admission desks only."));

    /** Every kiosk setting: the local file's, then the fleet's. */
    public static final SettingsCatalogue CATALOGUE = SettingsCatalogue.of("kiosk",
            List.of(DEVICE, CARDS, STATION, KioskFleetSettings.ALL));

    private KioskSettingsCatalogue() {
    }

    private static Setting pin(String key, int dflt, String fr, String en) {
        return Setting.define(key).integer(dflt, 0, GpioPins.MAX_BCM).words("Broche GPIO : " + fr, "GPIO pin: " + en,
                "Numéro BCM (pas la position physique) de la broche du " + fr + " ; une broche par usage.",
                "BCM GPIO number (not the physical pin position) of the " + en + "; each role needs a pin of its own.");
    }
}
