package fr.vigie.hub;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@link HubMain}: {@code --config FILE} and options that override configuration
 * keys ({@code --name value} or {@code --name=value}). Immutable once parsed. A launcher that starts a
 * hub with settings of its own (the sandbox's) gives them to {@link #load(Map)}: the file and the
 * command line still override them.
 *
 * @param configFile the properties file, or {@code null}
 * @param overrides configuration keys set on the command line
 * @param help whether {@code --help} was given
 */
public record HubArguments(Path configFile, Map<String, String> overrides, boolean help) {
    /** Command-line options and the configuration key each one sets. */
    static final Map<String, String> OPTIONS = Map.of(
            "--data", HubConfig.DATA_DIR,
            "--http-bind", HubConfig.HTTP_BIND,
            "--http-port", HubConfig.HTTP_PORT,
            "--mqtt-port", HubConfig.MQTT_PORT,
            "--broker-url", HubConfig.MQTT_URL,
            "--jdbc-url", HubConfig.DB_URL,
            "--jdbc-user", HubConfig.DB_USER,
            "--jdbc-password", HubConfig.DB_PASSWORD);

    public static final String USAGE = String.join("\n",
            "usage: vigie hub [--config FILE] [--data DIR] [--http-bind HOST] [--http-port N] [--mqtt-port N]",
            "                 [--broker-url tcp://HOST:PORT] [--jdbc-url URL --jdbc-user U --jdbc-password P]",
            "                 [--set hub.KEY=VALUE]...",
            "Port 0 picks a free port. Without --broker-url the hub runs its own MQTT broker; without --jdbc-url",
            "its own PostgreSQL, both under the data directory (default ./data/hub). Prefer the config file",
            "(hub.db.password) to --jdbc-password, which other users of the machine can see.",
            "       vigie hub check [--config FILE]   checks the national services' certificates and connections",
            "Also: vigie hub backup --help, vigie hub restore --help (encrypted backups of the hub).",
            "       vigie hub settings [--lang fr|en]   every hub.* setting: default, bounds, meaning (docs/SETTINGS.md)");

    public static HubArguments parse(List<String> args) throws HubConfigException {
        Path config = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                help = true;
                continue;
            }
            if (!name.equals("--config") && !name.equals("--set") && !OPTIONS.containsKey(name)) {
                throw new HubConfigException(arg, "", "unknown option '" + arg + "'\n" + USAGE);
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new HubConfigException(name, "", "option " + name + " needs a value\n" + USAGE);
                }
                value = args.get(++i);
            }
            if (name.equals("--config")) {
                config = Path.of(value);
            } else if (name.equals("--set")) {
                int at = value.indexOf('=');
                if (at <= 0) {
                    throw new HubConfigException(name, value, "--set takes hub.KEY=VALUE, got '" + value + "'");
                }
                overrides.put(value.substring(0, at).trim(), value.substring(at + 1));
            } else {
                overrides.put(OPTIONS.get(name), value);
            }
        }
        return new HubArguments(config, Map.copyOf(overrides), help);
    }

    /** The configuration these arguments describe. */
    public HubConfig load() throws HubConfigException {
        return HubConfig.load(configFile, overrides);
    }

    /** The configuration these arguments describe over {@code base} settings, which the file and the options override. */
    public HubConfig load(Map<String, String> base) throws HubConfigException {
        return HubConfigReader.read(base, configFile, overrides);
    }
}
