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
import java.util.function.Supplier;

/**
 * {@code ./vigie admin …}: IT staff commands against a hub's REST API, authenticated with a staff API
 * token read from {@code --token-file FILE}, else the environment variable {@value #TOKEN_ENV}, else the
 * file {@code ./vigie admin login} wrote ({@code ~/.config/vigie/admin-token}). The token is never
 * taken from the command line, and never printed. Exit status: 0 done, 1 refused by the hub (its error
 * code is printed), 2 bad usage, 3 hub unreachable or failing, 4 no usable token; {@code config push
 * --wait} ends with 1 when a kiosk rejected the configuration and 5 when kiosks had not answered in time.
 */
public final class AdminCommand {
    static final String TOKEN_ENV = "VIGIE_ADMIN_TOKEN";
    static final String USAGE = String.join("\n",
            "usage: ./vigie admin [--hub URL] [--token-file FILE] COMMAND",
            "  devices                               kiosks with state, group, configuration version, last heartbeat",
            "  enrol list                            pending enrolment requests (with their code, address and conflicts)",
            "  enrol approve ID CODE                 approve a request; CODE is the code the kiosk shows",
            "  enrol reject ID [REASON]              reject a request",
            "  config push GROUP FILE [--wait SECONDS]  roll the JSON settings in FILE out to GROUP (and follow it)",
            "  revoke SITE/KIOSK [REASON]            revoke the kiosk's certificates (default reason KEY_COMPROMISE)",
            "  role SITE/KIOSK [admission-desk|workstation]  show or set the kiosk's role (only admission desks admit patients)",
            "  audit verify                          verify the hub's audit chain, and against the last head it exported",
            "  signin locks                          logins and addresses held back after failed sign-ins",
            "  signin unlock --login LOGIN | --source ADDRESS  let them sign in again at once",
            "  gam status                            the identity feed to the GAM: state, refused and waiting messages",
            "  gam resend ID                         send a message the GAM refused again (at its place in the queue)",
            "  login [--user LOGIN] [--label TEXT]   (admins) sign in with a password, store a new API token (0600) in the token file",
            "  user add LOGIN admin|viewer|fhir_reader  create a staff account (password read from the terminal or stdin)",
            "  user password LOGIN                   set LOGIN's password (read from the terminal or stdin)",
            "  token create LOGIN admin|viewer|fhir_reader --out FILE [--label TEXT]  issue an API token for LOGIN into FILE (0600)",
            "--hub defaults to http://127.0.0.1:8080; the token comes from --token-file, $" + TOKEN_ENV
                    + " or ~/.config/vigie/admin-token.");

    private AdminCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), AdminCommand::readPassword, System.out, System.err));
    }

    /**
     * Runs one command.
     *
     * @param env the environment ({@value #TOKEN_ENV}, {@code HOME})
     * @param password reads a password when a command needs one (the terminal, or stdin without one)
     */
    static int run(List<String> args, Map<String, String> env, Supplier<char[]> password, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                if (i + 1 >= args.size()) {
                    err.println("option " + a + " needs a value\n" + USAGE);
                    return AdminFailure.USAGE;
                }
                options.put(a, args.get(++i));
            } else {
                words.add(a);
            }
        }
        try {
            URI hub = hub(options.getOrDefault("--hub", "http://127.0.0.1:8080"));
            Path defaultTokenFile = Path.of(env.getOrDefault("HOME", "."), ".config", "vigie", "admin-token");
            if (words.size() >= 1 && words.get(0).equals("login")) {
                Path file = Path.of(options.getOrDefault("--token-file", defaultTokenFile.toString()));
                return AdminLogin.login(hub, options.getOrDefault("--user", "admin"),
                        options.getOrDefault("--label", "admin cli"), password, file, out);
            }
            AdminClient client = new AdminClient(hub, token(options.get("--token-file"), env, defaultTokenFile));
            return new AdminActions(client, out).run(words, options, password);
        } catch (AdminFailure f) {
            err.println(f.exitStatus() == AdminFailure.USAGE ? f.getMessage() + "\n" + USAGE
                    : "refused: " + f.code() + (f.getMessage().isEmpty() ? "" : ": " + f.getMessage()));
            return f.exitStatus();
        }
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
        return Files.isReadable(defaultFile) ? readToken(defaultFile) : null;
    }

    private static String readToken(Path file) throws AdminFailure {
        try {
            String t = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (t.isEmpty()) {
                throw AdminFailure.usage("token file " + file + " is empty");
            }
            return t;
        } catch (IOException e) {
            throw AdminFailure.usage("cannot read the token file " + file + ": " + e.getMessage());
        }
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
