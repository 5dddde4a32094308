package fr.vigie.system.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.broker.FreePort;
import fr.vigie.system.VigieHome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Installs both packages as a site would, in a throwaway Debian bookworm root (mmdebstrap, base cached in
 * {@code system/target/installroot/base.tar}; a Debian mirror must be reachable): {@code dpkg -i}, then
 * {@code apt-get -f install} for the dependencies; starts the hub and a kiosk from the installed files as their
 * service users with the command lines of the installed units' {@code ExecStart} (no systemd in a chroot);
 * upgrades to a second build and checks the data were kept (same site CA, same outbox); removes (data kept)
 * and purges (data gone). Several minutes: opt-in, {@code mvn -pl system -am verify -Dvigie.install-test=true
 * -Dit.test=InstallIT}.
 */
@EnabledIfSystemProperty(named = "vigie.install-test", matches = "true")
class InstallIT {
    private static final Pattern READY = Pattern.compile("VIGIE-HUB READY http=(\\S+) .* ca=(\\S+)");

    @Test
    void installStartUpgradeRemovePurge() throws Exception {
        Path root = VigieHome.locate().root();
        Path work = root.resolve("system/target/installroot");
        Files.createDirectories(work);
        Path base = work.resolve("base.tar");
        if (!Files.isRegularFile(base) || Files.size(base) == 0) {
            Commands.run(work, List.of("mmdebstrap", "--variant=apt",
                    "--include=default-jre-headless,adduser,init-system-helpers,procps", "bookworm", base.toString(),
                    "http://deb.debian.org/debian"), 1800).ok(List.of("mmdebstrap"));
        }
        Path debs = work.resolve("debs");
        for (String v : List.of("0.1.0~install.1", "0.1.0~install.2")) {
            assertEquals(0, PackageCommand.run(List.of("--version", v, "--out", debs.toString()), root, Clock.systemUTC(),
                    System.out, System.err));
        }
        Path chroot = work.resolve("root");
        umountAll(chroot);
        DebianPackage.deleteTree(chroot);
        Files.createDirectories(chroot);
        Commands.check("tar", "-C", chroot.toString(), "-xf", base.toString());
        try {
            // the root a mount point of its own, as on a real machine (the hub checks the file system of its data)
            Commands.check("mount", "--bind", chroot.toString(), chroot.toString());
            Commands.check("mount", "-t", "proc", "proc", chroot.resolve("proc").toString());
            Commands.check("mount", "--bind", "/dev", chroot.resolve("dev").toString());
            Files.copy(Path.of("/etc/resolv.conf"), chroot.resolve("etc/resolv.conf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            run(chroot, work, debs);
        } finally {
            umountAll(chroot);
        }
    }

    private void run(Path chroot, Path work, Path debs) throws Exception {
        // install as a site does: dpkg -i, then apt-get -f install for what is missing
        for (String name : List.of("vigie-hub", "vigie-kiosk")) {
            Files.copy(debs.resolve(name + "_0.1.0~install.1_all.deb"), chroot.resolve("tmp/" + name + "-1.deb"));
            Files.copy(debs.resolve(name + "_0.1.0~install.2_all.deb"), chroot.resolve("tmp/" + name + "-2.deb"));
        }
        // (the hub's postgresql-client and the kiosk's pcscd, chromium, cage are not in the base: dpkg leaves them to APT)
        Commands hubFirst = Commands.run(List.of("chroot", chroot.toString(), "dpkg", "-i", "/tmp/vigie-hub-1.deb"));
        assertThat(hubFirst.output()).contains("postgresql-client");
        Commands kioskFirst = Commands.run(List.of("chroot", chroot.toString(), "dpkg", "-i", "/tmp/vigie-kiosk-1.deb"));
        assertThat(kioskFirst.output()).contains("dependency problems");
        in(chroot, "sh", "-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get -f install -y -qq");
        assertThat(in(chroot, "dpkg-query", "-W", "-f=${Status} ${Version}\\n", "vigie-hub", "vigie-kiosk"))
                .isEqualTo("install ok installed 0.1.0~install.1\ninstall ok installed 0.1.0~install.1\n");
        assertEquals("vigie-hub vigie-hub 700\n", in(chroot, "stat", "-c", "%U %G %a", "/var/lib/vigie/hub"));
        assertEquals("vigie-kiosk vigie-kiosk 700\n", in(chroot, "stat", "-c", "%U %G %a", "/var/lib/vigie/kiosk"));
        assertEquals("root vigie-hub 640\n", in(chroot, "stat", "-c", "%U %G %a", "/etc/vigie/hub.properties"));

        // IT's settings, as a site would edit the conffiles (free ports: other tests run on this machine)
        int http = FreePort.onLoopback();
        int mqtt = FreePort.onLoopback();
        int ui = FreePort.onLoopback();
        Files.writeString(chroot.resolve("etc/vigie/hub.properties"), "hub.site=it-site\nhub.http.port=" + http
                + "\nhub.mqtt.port=" + mqtt + "\nhub.device-api.port=" + FreePort.onLoopback() + "\nhub.mqtt.tls-port="
                + FreePort.onLoopback() + "\n", java.nio.file.StandardOpenOption.APPEND);
        Path kioskProperties = chroot.resolve("etc/vigie/kiosk.properties");
        Files.writeString(kioskProperties, Files.readString(kioskProperties).replace("kiosk.site=\n", "kiosk.site=it-site\n")
                .replace("kiosk.id=\n", "kiosk.id=desk-1\n").replace("kiosk.ui.port=8090", "kiosk.ui.port=" + ui)
                + "kiosk.mqtt.url=tcp://127.0.0.1:" + mqtt + "\n");

        String ca;
        try (Service hub = Service.start(chroot, "vigie-hub")) {
            Matcher ready = READY.matcher(hub.await("VIGIE-HUB READY", 240));
            assertTrue(ready.find());
            ca = ready.group(2);
            assertEquals(200, get(URI.create(ready.group(1)).resolve("/healthz").toString()));
            try (Service kiosk = Service.start(chroot, "vigie-kiosk")) {
                kiosk.await("VIGIE-KIOSK UI it-site/desk-1 ", 120);
                assertEquals(200, get("http://127.0.0.1:" + ui + "/"));
            }
        }
        assertEquals("vigie-kiosk\n", in(chroot, "stat", "-c", "%U", "/var/lib/vigie/kiosk/outbox.db"));
        long outbox = Files.size(chroot.resolve("var/lib/vigie/kiosk/outbox.db"));

        // upgrade to the second build: data and IT's settings kept, the hub keeps its site CA
        in(chroot, "dpkg", "-i", "/tmp/vigie-hub-2.deb", "/tmp/vigie-kiosk-2.deb");
        assertThat(Files.readString(chroot.resolve("etc/vigie/hub.properties"))).contains("hub.site=it-site");
        try (Service hub = Service.start(chroot, "vigie-hub")) {
            Matcher ready = READY.matcher(hub.await("VIGIE-HUB READY", 240));
            assertTrue(ready.find());
            assertEquals(ca, ready.group(2), "the upgraded hub lost its site CA");
        }
        assertThat(Files.size(chroot.resolve("var/lib/vigie/kiosk/outbox.db"))).isGreaterThanOrEqualTo(outbox);

        // remove keeps data and settings; purge deletes them
        in(chroot, "dpkg", "-r", "vigie-hub", "vigie-kiosk");
        assertFalse(Files.exists(chroot.resolve("usr/share/vigie/hub/lib")));
        assertTrue(Files.isDirectory(chroot.resolve("var/lib/vigie/hub")));
        assertTrue(Files.isRegularFile(chroot.resolve("var/lib/vigie/kiosk/outbox.db")));
        assertTrue(Files.isRegularFile(chroot.resolve("etc/vigie/hub.properties")));
        in(chroot, "dpkg", "-P", "vigie-hub", "vigie-kiosk");
        assertFalse(Files.exists(chroot.resolve("var/lib/vigie")));
        assertFalse(Files.exists(chroot.resolve("etc/vigie")));
    }

    private static String in(Path chroot, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("chroot", chroot.toString()));
        line.addAll(List.of(command));
        return Commands.run(null, line, 1200).ok(line);
    }

    private static int get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void umountAll(Path chroot) throws IOException, InterruptedException {
        for (String m : List.of("dev", "proc", "")) {
            Path mount = chroot.resolve(m);
            if (Files.isDirectory(mount) && Commands.run(List.of("mountpoint", "-q", mount.toString())).exit() == 0) {
                Commands.run(List.of("umount", "-l", mount.toString()));
            }
        }
    }

    /** A service started as its unit would: its user and group, its ExecStart line, in the chroot. */
    private static final class Service implements AutoCloseable {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        private Service(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) {
                        lines.add(l);
                        System.out.println("[" + l + "]");
                    }
                } catch (IOException e) {
                    // process gone
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        static Service start(Path chroot, String name) throws IOException {
            String unit = Files.readString(chroot.resolve("lib/systemd/system/" + name + ".service"));
            String exec = field(unit, "ExecStart");
            String user = field(unit, "User");
            String group = field(unit, "Group");
            List<String> command = new ArrayList<>(List.of("chroot", "--userspec=" + user + ":" + group, chroot.toString(),
                    "env", "-i", "PATH=/usr/bin:/bin", "HOME=/var/lib/vigie/" + name.substring("vigie-".length()),
                    field(unit, "Environment")));
            command.addAll(List.of(exec.split(" ")));
            return new Service(new ProcessBuilder(command).redirectErrorStream(true).start());
        }

        private static String field(String unit, String key) {
            Matcher m = Pattern.compile("(?m)^" + key + "=(.+)$").matcher(unit);
            assertTrue(m.find(), "no " + key + "= in the unit");
            return m.group(1).strip();
        }

        String await(String prefix, long seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            for (long left; (left = end - System.nanoTime()) > 0; ) {
                String l = lines.poll(left, TimeUnit.NANOSECONDS);
                if (l != null && l.startsWith(prefix)) {
                    return l;
                }
                if (l == null || !process.isAlive()) {
                    break;
                }
            }
            throw new AssertionError("no line '" + prefix + "' within " + seconds + " s; alive=" + process.isAlive());
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy(); // SIGTERM to chroot, which execs the service: the JVM stops cleanly
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
