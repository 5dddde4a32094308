package fr.vigie.system.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.vigie.hub.software.AptRepository;
import fr.vigie.hub.software.RepositorySigningKey;
import fr.vigie.hub.software.TestPackages;
import fr.vigie.system.VigieHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The kiosk's root update unit ({@code packaging/deb/vigie-kiosk/.../usr/share/vigie/kiosk/update}) with the real
 * APT and dpkg of a throwaway Debian bookworm root (mmdebstrap, variant apt, cached in
 * {@code system/target/updateroot/base.tar}; a Debian mirror must be reachable the first time). The hub's signed
 * repository (AptRepository, the hub's own key) holds three builds of a small vigie-kiosk: 1.0 and 2.0 healthy, 3.0
 * broken; it is copied where the kiosk's mirror lives (the mirror over mutual TLS itself is AdminCommandIT's). No
 * systemd in a chroot: {@code systemctl} is a stand-in whose {@code is-active} says whether the installed build is
 * healthy. Checks: update 1.0 → 2.0 (UPDATED); 3.0 installed, unhealthy, 2.0 reinstalled by the unit itself
 * (ROLLED_BACK); tampered InRelease (REPOSITORY_UNTRUSTED), a pool file with another hash (PACKAGE_HASH_MISMATCH),
 * a downgrade not asked for (DOWNGRADE_NOT_ASKED), another repository key (REPOSITORY_KEY_CHANGED), each leaving
 * 2.0 installed. Opt-in (a minute or more):
 * {@code mvn -pl system -am verify -Dvigie.update-test=true -Dit.test=UpdateUnitIT}.
 */
@EnabledIfSystemProperty(named = "vigie.update-test", matches = "true")
class UpdateUnitIT {
    private static final String UPDATES = "var/lib/vigie/kiosk/updates";

    @Test
    void updatesRollsBackByItselfAndRefusesWhatAptDoesNotTrust() throws Exception {
        Path home = VigieHome.locate().root();
        Path work = home.resolve("system/target/updateroot");
        Files.createDirectories(work);
        Path base = work.resolve("base.tar");
        if (!Files.isRegularFile(base) || Files.size(base) == 0) {
            Commands.run(work, List.of("mmdebstrap", "--variant=apt", "--include=gpgv", "bookworm", base.toString(),
                    "http://deb.debian.org/debian"), 1800).ok(List.of("mmdebstrap"));
        }
        Path chroot = work.resolve("root");
        umountAll(chroot);
        DebianPackage.deleteTree(chroot);
        Files.createDirectories(chroot);
        Commands.check("tar", "-C", chroot.toString(), "-xf", base.toString());
        try {
            Commands.check("mount", "-t", "proc", "proc", chroot.resolve("proc").toString());
            Commands.check("mount", "--bind", "/dev", chroot.resolve("dev").toString());
            run(home, work, chroot);
        } finally {
            umountAll(chroot);
        }
    }

    private static void run(Path home, Path work, Path chroot) throws Exception {
        Path debs = work.resolve("debs");
        DebianPackage.deleteTree(debs);
        Files.createDirectories(debs);
        RepositorySigningKey key = RepositorySigningKey.openOrCreate(work.resolve("hub-key"), "test hub",
                "pass".toCharArray(), Clock.systemUTC());
        Path repoRoot = work.resolve("repository");
        DebianPackage.deleteTree(repoRoot);
        AptRepository repository = new AptRepository(repoRoot, key, "chu-nord", Clock.systemUTC());
        Map<String, Path> builds = new HashMap<>();
        for (String v : List.of("1.0", "2.0", "3.0")) {
            builds.put(v, TestPackages.build(debs, "vigie-kiosk", v, "all", v.equals("3.0") ? "broken " + v : "healthy " + v));
            repository.add(builds.get(v));
        }
        Path updates = chroot.resolve(UPDATES);
        Files.createDirectories(updates);
        copyTree(repoRoot, updates.resolve("mirror"));
        Path installedKey = chroot.resolve("etc/vigie/repository.asc");
        Files.createDirectories(installedKey.getParent());
        Path script = chroot.resolve("usr/local/sbin/vigie-kiosk-update");
        Files.copy(home.resolve("packaging/deb/vigie-kiosk/root/usr/share/vigie/kiosk/update"), script);
        Path systemctl = chroot.resolve("usr/local/bin/fake-systemctl");
        Files.writeString(systemctl, "#!/bin/sh\n# no systemd in a chroot: the installed build says whether it is healthy\n"
                + "case \"$1\" in\n  is-active) if grep -q healthy /usr/share/vigie-kiosk/VERSION 2>/dev/null;"
                + " then echo active; else echo failed; exit 3; fi ;;\n  *) exit 0 ;;\nesac\n");
        Commands.check("chmod", "755", script.toString(), systemctl.toString());
        Files.copy(builds.get("1.0"), chroot.resolve("tmp/first.deb"));
        Commands.check("chroot", chroot.toString(), "dpkg", "-i", "/tmp/first.deb");

        // until IT installs the hub's key as root, nothing is installed, whatever key the kiosk user offers
        Files.writeString(updates.resolve("repository.asc"), key.publicKeyArmoured());
        Map<String, String> noKey = update(chroot, 1, "2.0", false);
        assertEquals("REPOSITORY_KEY_MISSING", noKey.get("code"), noKey.toString());
        assertEquals("1.0", installed(chroot));
        Files.writeString(installedKey, key.publicKeyArmoured());

        // a request that is a link to another file is not followed
        Files.writeString(chroot.resolve("root/secret"), "version=9.9\n");
        Files.createSymbolicLink(updates.resolve("request"), Path.of("/root/secret"));
        Map<String, String> linked = run(chroot);
        assertEquals("REQUEST_INVALID", linked.get("code"), linked.toString());
        assertThat(linked.toString()).doesNotContain("9.9");

        // a link in the mirror is refused before APT sees anything
        Path link = updates.resolve("mirror/pool/main/vigie-kiosk/link.deb");
        Files.createSymbolicLink(link, Path.of("/etc/shadow"));
        Map<String, String> linkedMirror = update(chroot, 1, "2.0", false);
        assertEquals("MIRROR_INVALID", linkedMirror.get("code"), linkedMirror.toString());
        Files.delete(link);

        Map<String, String> updated = update(chroot, 1, "2.0", false);
        assertEquals("UPDATED", updated.get("state"), updated.toString());
        assertEquals("OK", updated.get("code"));
        assertEquals("1.0", updated.get("fromVersion"));
        assertEquals("2.0", installed(chroot));

        Map<String, String> rolledBack = update(chroot, 2, "3.0", false);
        assertEquals("ROLLED_BACK", rolledBack.get("state"), rolledBack.toString());
        assertEquals("HEALTH_CHECK_FAILED", rolledBack.get("code"));
        assertEquals("2.0", installed(chroot), "the unit reinstalled the version it kept");
        assertThat(rolledBack.get("message")).contains("2.0 reinstalled");

        Path inRelease = updates.resolve("mirror/dists/vigie/InRelease");
        String good = Files.readString(inRelease);
        Files.writeString(inRelease, good.replace("Vigie packages", "Other packages"));
        Map<String, String> tampered = update(chroot, 3, "3.0", false);
        assertEquals("REFUSED", tampered.get("state"), tampered.toString());
        assertEquals("REPOSITORY_UNTRUSTED", tampered.get("code"));
        Files.writeString(inRelease, good);
        assertEquals("2.0", installed(chroot));

        Path pool3 = updates.resolve("mirror/pool/main/vigie-kiosk/vigie-kiosk_3.0_all.deb");
        Files.copy(TestPackages.build(debs, "vigie-kiosk", "3.0", "all", "healthy but another build"), pool3,
                StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> wrongHash = update(chroot, 4, "3.0", false);
        assertEquals("REFUSED", wrongHash.get("state"), wrongHash.toString());
        assertEquals("PACKAGE_HASH_MISMATCH", wrongHash.get("code"));
        assertEquals("2.0", installed(chroot));

        Map<String, String> downgrade = update(chroot, 5, "1.0", false);
        assertEquals("REFUSED", downgrade.get("state"), downgrade.toString());
        assertEquals("DOWNGRADE_NOT_ASKED", downgrade.get("code"));

        Files.writeString(installedKey, RepositorySigningKey.openOrCreate(work.resolve("other-key"),
                "other", "pass".toCharArray(), Clock.systemUTC()).publicKeyArmoured());
        Map<String, String> otherKey = update(chroot, 6, "1.0", true);
        assertEquals("REPOSITORY_UNTRUSTED", otherKey.get("code"), otherKey.toString());
        assertEquals("2.0", installed(chroot));
    }

    /** Leaves a request as the kiosk does and runs the unit's command as root in the chroot; its result. */
    private static Map<String, String> update(Path chroot, long rollout, String version, boolean downgrade)
            throws Exception {
        Path updates = chroot.resolve(UPDATES);
        Files.writeString(updates.resolve("request"), "rolloutId=" + rollout + "\npackage=vigie-kiosk\nversion="
                + version + "\nallowDowngrade=" + downgrade + "\n");
        return run(chroot);
    }

    /** Runs the unit's command as root in the chroot on the request in place; its result. */
    private static Map<String, String> run(Path chroot) throws Exception {
        Path updates = chroot.resolve(UPDATES);
        Files.deleteIfExists(updates.resolve("result"));
        Commands run = Commands.run(chroot, List.of("chroot", chroot.toString(), "env", "LC_ALL=C",
                "VIGIE_SYSTEMCTL=/usr/local/bin/fake-systemctl", "VIGIE_HEALTH_SECONDS=6",
                "/usr/local/sbin/vigie-kiosk-update"), 600);
        assertEquals(0, run.exit(), run.output());
        Map<String, String> result = new HashMap<>();
        for (String line : Files.readAllLines(updates.resolve("result"))) {
            int eq = line.indexOf('=');
            result.put(line.substring(0, eq), line.substring(eq + 1));
        }
        assertThat(updates.resolve("request")).as("the request was taken").doesNotExist();
        return result;
    }

    private static String installed(Path chroot) throws Exception {
        return Commands.check("chroot", chroot.toString(), "dpkg-query", "-W", "-f=${Version}", "vigie-kiosk").strip();
    }

    private static void copyTree(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        Commands.check("cp", "-a", from.toString() + "/.", to.toString());
    }

    private static void umountAll(Path chroot) throws Exception {
        for (String m : List.of("dev", "proc")) {
            Path mount = chroot.resolve(m);
            if (Files.isDirectory(mount) && Commands.run(List.of("mountpoint", "-q", mount.toString())).exit() == 0) {
                Commands.run(List.of("umount", "-l", mount.toString()));
            }
        }
    }
}
