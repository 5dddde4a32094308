package fr.vigie.system.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./vigie admin} without a hub: usage, what is refused before anything is sent, and the user's own
 * files. The hub it names listens on a port nobody answers, so a command that did reach out would end
 * with 3 (unreachable), not with the status asserted.
 */
class AdminCommandTest {
    @TempDir
    Path tmp;

    private record Run(int status, String out, String err) {
    }

    private Run admin(Map<String, String> env, String password, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AdminCommand.run(List.of(args), env, () -> password.toCharArray(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Map<String, String> home() {
        return Map.of("HOME", tmp.resolve("home").toString());
    }

    private static String silentHub() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort(); // closed again: connections are refused
        }
    }

    @Test
    void helpOnTheCommandAndEverySubcommandPrintsItsUsageAndExitsZero() {
        Run all = admin(home(), "", "--help");
        assertThat(all.status).isZero();
        assertThat(all.out).startsWith("usage: ./vigie admin").contains("enrol approve ID CODE", "login", "token create");
        assertThat(all.err).isEmpty();

        Run enrol = admin(home(), "", "enrol", "-h");
        assertThat(enrol.status).isZero();
        assertThat(enrol.out).contains("enrol list", "enrol approve", "enrol reject").doesNotContain("token create");

        Run approve = admin(home(), "", "enrol", "approve", "--help");
        assertThat(approve.out).contains("enrol approve ID CODE").doesNotContain("enrol reject");
        for (String command : List.of("devices", "login", "role", "revoke", "audit", "signin", "user", "token", "config")) {
            Run r = admin(home(), "", command, "--help");
            assertThat(r.status).as(command).isZero();
            assertThat(r.out).as(command).contains("\n  " + command);
        }
    }

    @Test
    void anEmptyPasswordIsRefusedHereAndNeverSent() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        for (List<String> command : List.of(List.of("login"), List.of("user", "add", "ann", "viewer"),
                List.of("user", "password", "ann"))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            List<String> args = new java.util.ArrayList<>(List.of("--hub", silentHub()));
            args.addAll(command);
            Map<String, String> env = new java.util.HashMap<>(home());
            env.put(AdminCommand.TOKEN_ENV, "vigie_some-token");
            int status = AdminCommand.run(args, env, () -> {
                asked.incrementAndGet();
                return new char[0];
            }, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(status).as(command.toString()).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).as(command.toString())
                    .startsWith("the password is empty: nothing was sent to the hub");
        }
        assertThat(asked).hasValue(3);
    }

    @Test
    void aTokenFileOthersCanReadIsRefusedBeforeAnyRequest() throws Exception {
        Path token = tmp.resolve("token");
        Files.writeString(token, "vigie_secret-token\n");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));

        Run r = admin(home(), "", "--hub", silentHub(), "devices", "--token-file", token.toString());

        assertThat(r.status).isEqualTo(4);
        assertThat(r.err).contains("FILE_NOT_PRIVATE", token.toString(), "mode 0644", "chmod 600")
                .doesNotContain("vigie_secret-token");

        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
        assertThat(admin(home(), "", "--hub", silentHub(), "devices", "--token-file", token.toString()).status)
                .as("once private, the token is used and the silent hub is unreachable").isEqualTo(3);
    }

    @Test
    void theDefaultTokenFileLivesInTheUsersOwnFolderAndIsCheckedToo() throws Exception {
        AdminHome home = AdminHome.of(home());
        assertThat(home.tokenFile()).isEqualTo(tmp.resolve("home/.config/vigie/admin-token"));
        assertThat(AdminHome.of(Map.of("XDG_CONFIG_HOME", tmp.resolve("xdg").toString(), "HOME", "/nowhere")).tokenFile())
                .isEqualTo(tmp.resolve("xdg/vigie/admin-token"));
        home.write(home.tokenFile(), "vigie_mine\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.dir()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.tokenFile()))).isEqualTo("rw-------");
        Files.setPosixFilePermissions(home.dir(), PosixFilePermissions.fromString("rwxrwxrwx"));

        Run r = admin(home(), "", "--hub", silentHub(), "devices");

        assertThat(r.status).isEqualTo(4);
        assertThat(r.err).contains("which other users may change", "chmod go-w");
    }

    @Test
    void aRememberedHubOthersCouldChangeIsRefusedSoTheTokenIsNotSentElsewhere() throws Exception {
        AdminHome home = AdminHome.of(home());
        home.rememberHub(java.net.URI.create("http://hub.example:8080"));
        assertThat(home.rememberedHub()).hasValue("http://hub.example:8080");
        Files.setPosixFilePermissions(home.settingsFile(), PosixFilePermissions.fromString("rw-rw-rw-"));

        Run r = admin(home(), "", "devices");

        assertThat(r.status).isEqualTo(4);
        assertThat(r.err).contains("settings file", AdminHome.SETTINGS_FILE, "can be read or changed by other users");
    }
}
