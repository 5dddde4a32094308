package fr.vigie.system.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code ./vigie admin …}: IT staff commands against a hub's REST API, authenticated with a staff API
 * token read from {@code --token-file FILE}, else the environment variable {@value #TOKEN_ENV}, else the
 * file {@code ./vigie admin login} wrote in the user's own folder ({@code ~/.config/vigie/admin-token}, see
 * {@link AdminHome}). The hub is {@code --hub URL}, else the one {@code login} remembered, else
 * {@value #DEFAULT_HUB}. The token is never taken from the command line, and never printed; a token file
 * other users could read is refused. {@code --help} (or {@code -h}) after any command prints its usage.
 * Exit status: 0 done, 1 refused by the hub (its error code is printed), 2 bad usage, 3 hub unreachable or
 * failing, 4 no usable token; {@code config push --wait} ends with 1 when a kiosk rejected the
 * configuration and 5 when kiosks had not answered in time; {@code config push} ends with 6, after a
 * warning in French, when the group has no kiosk (the hub recorded the version, no kiosk received it).
 */
public final class AdminCommand {
    static final String TOKEN_ENV = "VIGIE_ADMIN_TOKEN";
    static final String DEFAULT_HUB = "http://127.0.0.1:8080";
    /** Each command's words and its usage line. */
    private static final List<List<String>> COMMANDS = List.of(
            List.of("devices", "devices                               kiosks with state, group, configuration version, last heartbeat"),
            List.of("enrol list", "enrol list                            pending enrolment requests (with their code, address and conflicts)"),
            List.of("enrol approve", "enrol approve ID CODE                 approve a request; CODE is the code the kiosk shows (any case or spacing)"),
            List.of("enrol reject", "enrol reject ID [REASON]              reject a request"),
            List.of("config push", "config push GROUP FILE [--wait SECONDS]  roll the JSON settings in FILE out to GROUP (and follow it);"
                    + "\n                                        exits 6 with a warning when GROUP has no kiosk"),
            List.of("software add", "software add FILE.deb                 add a Vigie package to the hub's signed repository"),
            List.of("software list", "software list                         the packages in the hub's repository, and its key"),
            List.of("software rollout", "software rollout GROUP VERSION [--package NAME] [--first N | --first-percent P] [--downgrade]"
                    + "\n                                        [--wait SECONDS]  update GROUP's kiosks, N first, the rest once they are healthy"),
            List.of("software status", "software status [ID]                  software rollouts, or one with its progress per kiosk"),
            List.of("software pause", "software pause|resume|abort ID        stop sending, go on, or stop the rollout for good"),
            List.of("revoke", "revoke SITE/KIOSK [REASON]            revoke the kiosk's certificates (default reason KEY_COMPROMISE)"),
            List.of("role", "role SITE/KIOSK [admission-desk|workstation]  show or set the kiosk's role (only admission desks admit patients)"),
            List.of("audit verify", "audit verify                          verify the hub's audit chain, and against the last head it exported"),
            List.of("signin locks", "signin locks                          logins and addresses held back after failed sign-ins"),
            List.of("signin unlock", "signin unlock --login LOGIN | --source ADDRESS  let them sign in again at once"),
            List.of("gam status", "gam status                            the identity feed to the GAM: state, refused and waiting messages"),
            List.of("gam resend", "gam resend ID                         send a message the GAM refused again (at its place in the queue)"),
            List.of("login", "login [--user LOGIN] [--label TEXT]   (admins) sign in with a password, store a new API token (0600) in the"
                    + "\n                                        token file and remember --hub for the next commands"),
            List.of("user add", "user add LOGIN admin|viewer|fhir_reader  create a staff account (password read from the terminal or stdin)"),
            List.of("user password", "user password LOGIN                   set LOGIN's password (read from the terminal or stdin)"),
            List.of("token create", "token create LOGIN admin|viewer|fhir_reader --out FILE [--label TEXT]  issue an API token for LOGIN into"
                    + " FILE (0600)"));
    static final String USAGE = usage(List.of());
    /** Options that take a value; {@code --help} and {@code -h} take none. */
    private static final Set<String> VALUED = Set.of("--hub", "--token-file", "--user", "--label", "--wait", "--login",
            "--source", "--out", "--package", "--first", "--first-percent");
    /** Options that take no value. */
    private static final Set<String> FLAGS = Set.of("--downgrade");

    private AdminCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), AdminCommand::readPassword, System.out, System.err));
    }

    /**
     * Runs one command.
     *
     * @param env the environment ({@value #TOKEN_ENV}, {@code HOME}, {@code XDG_CONFIG_HOME})
     * @param password reads a password when a command needs one (the terminal, or stdin without one)
     */
    static int run(List<String> args, Map<String, String> env, Supplier<char[]> password, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h")) {
                out.println(usage(words));
                return 0;
            }
            if (FLAGS.contains(a)) {
                options.put(a, "true");
            } else if (a.startsWith("--")) {
                if (!VALUED.contains(a)) {
                    err.println("unknown option " + a + "\n" + usage(words));
                    return AdminFailure.USAGE;
                }
                if (i + 1 >= args.size()) {
                    err.println("option " + a + " needs a value\n" + usage(words));
                    return AdminFailure.USAGE;
                }
                options.put(a, args.get(++i));
            } else {
                words.add(a);
            }
        }
        try {
            AdminHome home = AdminHome.of(env);
            String remembered = options.containsKey("--hub") ? null : home.rememberedHub().orElse(null);
            URI hub = hub(options.containsKey("--hub") ? options.get("--hub") : remembered != null ? remembered : DEFAULT_HUB);
            if (words.size() >= 1 && words.get(0).equals("login")) {
                Path file = options.containsKey("--token-file") ? Path.of(options.get("--token-file")) : home.tokenFile();
                return AdminLogin.login(hub, options.getOrDefault("--user", "admin"),
                        options.getOrDefault("--label", "admin cli"), password, file, home, out);
            }
            AdminClient client = new AdminClient(hub, token(options.get("--token-file"), env, home.tokenFile()));
            return new AdminActions(client, home, out, err).run(words, options, password);
        } catch (AdminFailure f) {
            err.println(f.exitStatus() == AdminFailure.USAGE ? f.getMessage() + "\n" + usage(words)
                    : "refused: " + f.code() + (f.getMessage().isEmpty() ? "" : ": " + f.getMessage()));
            return f.exitStatus();
        }
    }

    /** The usage of the commands that start with {@code words} (all of them when none does). */
    static String usage(List<String> words) {
        String typed = String.join(" ", words);
        List<String> lines = COMMANDS.stream().filter(c -> !typed.isEmpty() && (c.get(0).equals(typed)
                || c.get(0).startsWith(typed + " ") || typed.startsWith(c.get(0) + " "))).map(c -> c.get(1)).toList();
        if (lines.isEmpty()) {
            lines = COMMANDS.stream().map(c -> c.get(1)).toList();
        }
        StringBuilder b = new StringBuilder("usage: ./vigie admin [--hub URL] [--token-file FILE] COMMAND");
        lines.forEach(l -> b.append("\n  ").append(l));
        return b.append("\n--hub defaults to the hub ./vigie admin login last signed in to (else ").append(DEFAULT_HUB)
                .append("); the token comes from --token-file, $").append(TOKEN_ENV)
                .append(" or ~/.config/vigie/admin-token (readable by you only).").toString();
    }

    private static URI hub(String text) throws AdminFailure {
        try {
            URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw AdminFailure.usage("--hub must be http(s)://host:port, got '" + text + "'");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw AdminFailure.usage("--hub must be http(s)://host:port, got '" + text + "'");
        }
    }

    /** The token: --token-file, else the environment, else the default file; null when there is none. */
    static String token(String tokenFile, Map<String, String> env, Path defaultFile) throws AdminFailure {
        if (tokenFile != null) {
            return readToken(Path.of(tokenFile));
        }
        String fromEnv = env.get(TOKEN_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        return Files.exists(defaultFile) ? readToken(defaultFile) : null;
    }

    private static String readToken(Path file) throws AdminFailure {
        String t = AdminHome.readPrivate(file, "token file").trim();
        if (t.isEmpty()) {
            throw AdminFailure.usage("token file " + file + " is empty");
        }
        return t;
    }

    private static char[] readPassword() {
        if (System.console() != null) {
            char[] p = System.console().readPassword("password: ");
            return p == null ? new char[0] : p;
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? new char[0] : line.toCharArray();
        } catch (IOException e) {
            return new char[0];
        }
    }
}
