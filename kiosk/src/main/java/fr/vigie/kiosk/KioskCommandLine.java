package fr.vigie.kiosk;

import fr.vigie.kiosk.config.CardTrustSettings;
import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.kiosk.config.KioskConfigException;
import fr.vigie.kiosk.config.StationConfig;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parsed command line of {@link KioskMain}. Immutable.
 *
 * @param configFile {@code --config}, or null
 * @param overrides configuration keys set by options, winning over the file
 * @param virtual {@code --virtual} kiosk count, 0 for a single real kiosk
 * @param burst {@code --burst} events per kiosk, 0 for none
 * @param rate {@code --rate} events per second per kiosk for the burst, 0 for as fast as possible
 * @param activityEvery {@code --activity-every} interval of demo activity, or null
 * @param help whether {@code --help} was given
 * @param admissionDesk {@code --admission-desk}: the id of the virtual kiosk that is an admission desk, or null
 * @param sandbox {@code --sandbox}: the sandbox's server, whose IGC-Santé certifies the admission desk's demo cards,
 *        or null
 */
record KioskCommandLine(Path configFile, Map<String, String> overrides, int virtual, long burst, double rate,
        Duration activityEvery, boolean help, String admissionDesk, URI sandbox) {

    static final String USAGE = """
            usage: vigie kiosk [options]
                   vigie kiosk settings [--lang fr|en]   every kiosk.* setting: default, bounds, meaning (docs/SETTINGS.md)
              --config FILE          properties file (kiosk.site, kiosk.id, kiosk.mqtt.url, kiosk.data-dir,
                                     kiosk.heartbeat-seconds, kiosk.outbox.capacity, kiosk.outbox.sync, kiosk.mqtt.window,
                                     kiosk.ui.port, kiosk.card.readers, kiosk.gpio, kiosk.session.*, kiosk.hub.*,
                                     kiosk.igc-sante.*, kiosk.admission-desk, kiosk.label-printer; see the README)
              --site S               site id                      (kiosk.site)
              --kiosk-id ID          kiosk id, or id prefix with --virtual (kiosk.id)
              --broker URL           MQTT broker, e.g. tcp://127.0.0.1:1883 (kiosk.mqtt.url)
              --data DIR             data directory; with --virtual, the parent of each kiosk's (kiosk.data-dir)
              --heartbeat S          status heartbeat interval in seconds (kiosk.heartbeat-seconds)
              --sync FULL|NORMAL     outbox durability, FULL by default (kiosk.outbox.sync)
              --igc-anchors FILES    PEM files of the trusted IGC-Santé CAs, comma separated (kiosk.igc-sante.anchors)
              --crl-url URL          the hub's IGC-Santé CRL bundle (kiosk.igc-sante.crl-url)
              --ui-port P            touch UI port on 127.0.0.1, 0 = any free port (kiosk.ui.port, default 8090;
                                     with --virtual: P, P+1… or 0, the default)
              --virtual N            run N virtual kiosks <kiosk-id>-001… (default prefix: kiosk)
              --burst N              each kiosk accepts N DemoActivity events in its outbox's life (resumable)
              --rate R               burst events per second per kiosk, 0 = as fast as possible (default 0)
              --activity-every S     demo mode: one random DemoActivity per kiosk about every S seconds
              --admission-desk ID    demo mode: the virtual kiosk ID is an admission desk (kiosk.admission-desk), with
                                     the demo Vitale card on its sandbox readers
              --sandbox URL          demo mode: the sandbox's server, whose IGC-Santé certifies the admission desk's
                                     demo CPS cards (so that the hub accepts its agent)
            """;

    private static final Map<String, String> KEY_OF_OPTION = Map.of("--site", KioskConfig.SITE, "--kiosk-id",
            KioskConfig.ID, "--broker", KioskConfig.MQTT_URL, "--data", KioskConfig.DATA_DIR, "--heartbeat",
            KioskConfig.HEARTBEAT_SECONDS, "--sync", KioskConfig.OUTBOX_SYNC, "--igc-anchors", CardTrustSettings.ANCHORS,
            "--crl-url", CardTrustSettings.CRL_URL, "--ui-port", StationConfig.UI_PORT);

    /** Parses {@code args}; every rejection names the option and the value. */
    static KioskCommandLine parse(String[] args) throws KioskConfigException {
        Path config = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        int virtual = 0;
        long burst = 0;
        double rate = 0;
        Duration every = null;
        String desk = null;
        URI sandbox = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return new KioskCommandLine(null, Map.of(), 0, 0, 0, null, true, null, null);
            }
            if (!option.startsWith("--") || !(KEY_OF_OPTION.containsKey(option) || option.equals("--config")
                    || option.equals("--virtual") || option.equals("--burst") || option.equals("--rate")
                    || option.equals("--activity-every") || option.equals("--admission-desk")
                    || option.equals("--sandbox"))) {
                throw new KioskConfigException("command line", option, "unknown option; see --help");
            }
            if (i + 1 >= args.length) {
                throw new KioskConfigException(option, null, "needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--config" -> config = path(option, value);
                case "--virtual" -> virtual = (int) number(option, value, 1, 10_000);
                case "--burst" -> burst = number(option, value, 1, 1_000_000_000);
                case "--rate" -> rate = decimal(option, value, 0, 1_000_000);
                case "--activity-every" -> every = Duration.ofMillis(Math.round(decimal(option, value, 0.001, 86_400) * 1000));
                case "--admission-desk" -> desk = kioskId(option, value);
                case "--sandbox" -> sandbox = httpUrl(option, value);
                default -> overrides.put(KEY_OF_OPTION.get(option), value);
            }
        }
        if (burst > 0 && every != null) {
            throw new KioskConfigException("--activity-every", String.valueOf(every.toMillis() / 1000.0),
                    "cannot be combined with --burst (the burst counts every DemoActivity its outbox ever accepted)");
        }
        if (desk != null && virtual == 0) {
            throw new KioskConfigException("--admission-desk", desk, "is for --virtual kiosks (a real kiosk sets "
                    + StationConfig.ADMISSION_DESK + "=true)");
        }
        return new KioskCommandLine(config, Map.copyOf(overrides), virtual, burst, rate, every, false, desk, sandbox);
    }

    private static String kioskId(String option, String value) throws KioskConfigException {
        if (!value.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
            throw new KioskConfigException(option, value, "is not a kiosk id (letters, digits, '-' and '_')");
        }
        return value;
    }

    private static URI httpUrl(String option, String value) throws KioskConfigException {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new KioskConfigException(option, value, "must be an http:// or https:// URL");
    }

    private static Path path(String option, String value) throws KioskConfigException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new KioskConfigException(option, value, "is not a usable file path");
        }
    }

    private static long number(String option, String value, long min, long max) throws KioskConfigException {
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new KioskConfigException(option, value, "must be a whole number between " + min + " and " + max);
    }

    private static double decimal(String option, String value, double min, double max) throws KioskConfigException {
        try {
            double d = Double.parseDouble(value);
            if (d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new KioskConfigException(option, value, "must be a number between " + min + " and " + max);
    }
}
