package fr.vigie.config;

import java.util.List;
import java.util.Map;

/**
 * The kiosk settings IT may roll out to a group of kiosks in the signed configuration ({@link KioskSettings}),
 * described once: names, defaults, bounds and words. A kiosk also reads them from its local file; once it has
 * applied a rollout, the rolled-out values win. The kiosk's catalogue adds its local-only settings to these.
 */
public final class KioskFleetSettings {
    public static final Setting HEARTBEAT = Setting.define("kiosk.heartbeat-seconds").fleet().integer(10, 1, 3600)
            .unit("s").words("Intervalle de présence", "Heartbeat interval",
                    "Toutes les combien de secondes la borne signale au hub qu'elle fonctionne ; le hub la dit hors "
                            + "ligne après plusieurs signaux manqués.",
                    "How often the kiosk tells the hub it is alive; the hub shows it offline after"
                            + " hub.devices.offline-after-heartbeats missed heartbeats.");
    public static final Setting PIN_ENTRY = Setting.define("kiosk.session.pin-entry-seconds").fleet()
            .integer(30, 10, 300).unit("s").words("Délai de saisie du code", "Time to type the PIN",
                    "Temps laissé au soignant pour taper le code de sa carte CPS.",
                    "Time a clinician has to type the CPS card's PIN.");
    public static final Setting IDLE_LOCK = Setting.define("kiosk.session.idle-lock-seconds").fleet()
            .integer(300, 15, 3600).unit("s").words("Verrouillage après inactivité", "Idle lock",
                    "Sans contact avec l'écran pendant ce temps, la session ouverte se verrouille.",
                    "No touch for this long locks an open session.");
    public static final Setting PRESENCE_LOCK = Setting.define("kiosk.session.presence-lock-seconds").fleet()
            .integer(20, 1, 600).unit("s").words("Verrouillage en l'absence de personne", "Presence lock",
                    "Si le capteur de présence ne voit personne devant la borne pendant ce temps, la session se "
                            + "verrouille (au plus le délai de verrouillage après inactivité).",
                    "Nobody in front of the presence sensor for this long locks an open session (at most"
                            + " kiosk.session.idle-lock-seconds).");
    public static final Setting REAUTH_WINDOW = Setting.define("kiosk.session.reauth-window-seconds").fleet()
            .integer(14_400, 10, 43_200).unit("s").words("Durée du déverrouillage sans contact",
                    "Contactless re-authentication window",
                    "Après une connexion carte + code, le soignant déverrouille ou reprend sa session en approchant sa "
                            + "carte, pendant ce temps (4 h par défaut, 12 h au plus : une garde).",
                    "After a card + PIN sign-in, a contactless tap unlocks or switches to the session for this long"
                            + " (default 4 h, at most 12 h: one shift).");
    public static final Setting LOCK_GRACE = Setting.define("kiosk.session.lock-grace-seconds").fleet()
            .integer(900, 10, 43_200).unit("s").words("Fermeture d'une session verrouillée", "Locked session closes after",
                    "Une session verrouillée se ferme au bout de ce temps.",
                    "A locked session closes after this long.");
    public static final Setting LANGUAGE = Setting.define("kiosk.ui.language").fleet().choice("fr", "fr", "en")
            .words("Langue de l'écran", "Screen language",
                    "Langue de l'écran tactile au démarrage (fr : français, en : anglais).",
                    "Language of the touch screen (fr: French, en: English).");
    public static final Setting INSI = Setting.define("kiosk.insi.enabled").fleet().bool(true)
            .words("Recherche de l'INS", "INS retrieval",
                    "Le poste d'accueil propose d'interroger l'INSi par le hub.",
                    "Whether the admission desk offers INS retrieval through the hub (INSi).");
    public static final Setting PSC = Setting.define("kiosk.psc.enabled").fleet().bool(true)
            .words("Connexion Pro Santé Connect", "Pro Santé Connect sign-in",
                    "La borne propose la connexion par e-CPS (Pro Santé Connect).",
                    "Whether the kiosk offers e-CPS sign-in through Pro Santé Connect.");
    public static final Setting TRUSTED_FINGERPRINTS = Setting.define("kiosk.igc-sante.trusted-fingerprints").fleet()
            .list("").words("Autorités de cartes supplémentaires", "Extra card authorities",
                    "Empreintes SHA-256 (64 caractères hexadécimaux en minuscules, 32 au plus) d'autorités de "
                            + "certification de cartes acceptées en plus de celles du fichier local.",
                    "SHA-256 fingerprints (64 lower-case hex digits, at most 32) of extra trust anchors accepted for"
                            + " card certificates, besides the local file's kiosk.igc-sante.anchors.");

    /** The fleet settings, in reference order. */
    public static final List<Setting> ALL = List.of(HEARTBEAT, PIN_ENTRY, IDLE_LOCK, PRESENCE_LOCK, REAUTH_WINDOW,
            LOCK_GRACE, LANGUAGE, INSI, PSC, TRUSTED_FINGERPRINTS);

    /**
     * Names the rollout used before the settings reference, with the name of each now. Only
     * {@link LegacySettingNames} reads them (stored configurations) and the hub's API names them in its refusal.
     */
    public static final Map<String, Setting> FORMER_NAMES = Map.of("heartbeatSeconds", HEARTBEAT,
            "pinEntryTimeoutSeconds", PIN_ENTRY, "idleLockSeconds", IDLE_LOCK, "presenceLockSeconds", PRESENCE_LOCK,
            "reauthWindowSeconds", REAUTH_WINDOW, "language", LANGUAGE, "insiEnabled", INSI, "pscEnabled", PSC,
            "trustedAnchors", TRUSTED_FINGERPRINTS);

    private KioskFleetSettings() {
    }
}
