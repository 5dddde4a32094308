package fr.vigie.system.cli;

import static fr.vigie.hub.HubServicesFixture.auditAnchor;
import static fr.vigie.hub.HubServicesFixture.provenAgents;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.hub.EdgeHub;
import fr.vigie.hub.HubConfig;
import fr.vigie.hub.staff.StaffDirectory;
import fr.vigie.kiosk.device.Kiosk;
import fr.vigie.kiosk.config.KioskConfig;
import fr.vigie.protocol.KioskAddress;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.system.EnrolledKiosks;
import fr.vigie.system.TestKiosks;
import fr.vigie.system.bench.HapiMllpReceiver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./vigie admin …} against a hub running in-process, through its REST API, with staff API tokens. */
class AdminCommandIT {
    private static final String SITE = "chu-nord";

    @TempDir
    static Path tmp;
    static EdgeHub hub;
    static String adminPassword;
    static Path adminToken;
    /** A GAM (HAPI's MLLP server) that refuses every message while this is set. */
    static final java.util.concurrent.atomic.AtomicBoolean GAM_REFUSES = new java.util.concurrent.atomic.AtomicBoolean();
    static HapiMllpReceiver gam;

    @BeforeAll
    static void startHubAndSignIn() throws Exception {
        gam = HapiMllpReceiver.start(record -> GAM_REFUSES.get());
        hub = EdgeHub.start(HubConfig.load(null, Map.of("hub.data-dir", tmp.resolve("hub").toString(), "hub.http.port", "0",
                "hub.mqtt.port", "0", "hub.device-api.port", "0", "hub.site", SITE, "hub.gam.host", "127.0.0.1",
                "hub.gam.port", Integer.toString(gam.port()), "hub.gam.retry-max-seconds", "1")));
        adminPassword = Files.readString(tmp.resolve("hub").resolve(StaffDirectory.FIRST_ADMIN_PASSWORD_FILE)).trim();
        adminToken = tmp.resolve("admin-token");
        Run login = admin(Map.of(), adminPassword, "login", "--token-file", adminToken.toString());
        assertThat(login.status).as(login.err).isZero();
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (gam != null) {
            gam.close();
        }
    }

    @Test
    void gamStatusShowsAMessageTheGamRefusedAndResendSendsItAgain() throws Exception {
        GAM_REFUSES.set(true);
        long id = hub.identities().create(fr.vigie.protocol.identity.TraitsInput.of("Cli", "Gam", "F", "1971-07-17"),
                "it").record().id();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                hub.gam().outbox().counts().failed() == 1);
        Run status = withAdminToken("gam", "status");
        assertThat(status.status).as(status.err).isZero();
        assertThat(status.out).contains("GAM feed: sending to 127.0.0.1:" + gam.port(), "1 refused by the GAM",
                "REFUSED", "A28", "AE Patient " + id + " refuse par le GAM de test", "./vigie admin gam resend ID");
        String messageId = status.out.lines().filter(l -> l.contains(" A28 ")).findFirst().orElseThrow().split(" +")[0];

        GAM_REFUSES.set(false);
        Run resend = withAdminToken("gam", "resend", messageId);
        assertThat(resend.status).as(resend.err).isZero();
        assertThat(resend.out).contains("message " + messageId + " (A28 of record " + id + ") sent again");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                hub.gam().outbox().counts().failed() == 0 && hub.gam().outbox().counts().waiting() == 0);
        assertThat(withAdminToken("gam", "status").out).contains("0 waiting", "0 refused by the GAM", "1 accepted");
        Run again = withAdminToken("gam", "resend", messageId);
        assertThat(again.status).isEqualTo(AdminFailure.REFUSED);
        assertThat(again.err).contains("GAM_MESSAGE_NOT_FAILED");
    }

    @Test
    void loginStoresAnOwnerOnlyTokenThatIsNeverPrinted() throws Exception {
        String token = Files.readString(adminToken).trim();
        assertThat(token).startsWith("vigie_");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(adminToken))).isEqualTo("rw-------");
        Run devices = admin(Map.of(), null, "devices", "--token-file", adminToken.toString());
        assertThat(devices.status).isZero();
        assertThat(devices.out + devices.err).doesNotContain(token);
        auditAnchor(hub).export(); // the periodic export of the chain head, without waiting for it
        Run fromEnv = admin(Map.of(AdminCommand.TOKEN_ENV, token), null, "audit", "verify");
        assertThat(fromEnv.status).as(fromEnv.err).isZero();
        assertThat(fromEnv.out).contains("audit log intact").contains("matches the head exported at");
    }

    @Test
    void enrolmentIsApprovedWithTheKiosksCodeRejectedAndRevoked() throws Exception {
        DeviceIdentity newcomer = TestKiosks.requestEnrolment(hub, tmp, SITE, "cli-new");
        TestKiosks.requestEnrolment(hub, tmp, SITE, "cli-other");
        DeviceIdentity impostor = DeviceIdentity.openOrCreate(tmp.resolve("impostor"), KioskAddress.of(SITE, "cli-new"),
                "x".toCharArray(), java.time.Clock.systemUTC());
        hub.enrolments().submit(impostor.enrolmentRequest(Optional.empty()), "192.0.2.66");
        Run list = withAdminToken("enrol", "list");
        assertThat(list.out).contains(SITE + "/cli-new", SITE + "/cli-other", "192.0.2.66", newcomer.enrolmentCode(),
                "1 other request(s) for this kiosk", "2 in conflict");
        String newId = list.out.lines().filter(l -> l.contains(newcomer.enrolmentCode())).findFirst().orElseThrow()
                .split(" +")[0];
        String otherId = idOf(list.out, "cli-other");

        Run wrongCode = withAdminToken("enrol", "approve", newId, "AAAA-AAAA");
        assertThat(wrongCode.status).isEqualTo(1);
        assertThat(wrongCode.err).contains("refused: ENROLMENT_CODE_MISMATCH");

        Run approved = withAdminToken("enrol", "approve", newId, newcomer.enrolmentCode().toLowerCase(java.util.Locale.ROOT));
        assertThat(approved.status).as(approved.err).isZero();
        assertThat(approved.out).contains(SITE + "/cli-new: ISSUED (certificate ");
        assertThat(withAdminToken("enrol", "list").out).as("the impostor's request is closed as superseded")
                .doesNotContain(SITE + "/cli-new").doesNotContain("in conflict");
        Run rejected = withAdminToken("enrol", "reject", otherId, "not ours");
        assertThat(rejected.out).contains(SITE + "/cli-other: REJECTED");

        Run revoked = withAdminToken("revoke", SITE + "/cli-new");
        assertThat(revoked.status).as(revoked.err).isZero();
        assertThat(revoked.out).contains("revoked " + SITE + "/cli-new: 1 certificate(s)");
        assertThat(withAdminToken("revoke", SITE + "/never-seen").err).contains("refused: DEVICE_UNKNOWN");
    }

    @Test
    void configPushWaitsUntilTheKioskOfTheGroupHasAppliedIt() throws Exception {
        Map<String, String> settings0 = new java.util.HashMap<>(EnrolledKiosks.withTokens(hub, tmp.resolve("tokens"),
                List.of("cli-kiosk")));
        settings0.putAll(Map.of("kiosk.id", "cli-kiosk", "kiosk.data-dir", tmp.resolve("kiosk-1").toString(),
                "kiosk.heartbeat-seconds", "1"));
        try (Kiosk kiosk = Kiosk.start(KioskConfig.load(null, settings0))) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> withAdminToken("devices").out.contains(SITE + "/cli-kiosk"));
            Path settings = tmp.resolve("settings.json");
            Files.writeString(settings, "{\"kiosk.session.idle-lock-seconds\": 90}");

            Run push = withAdminToken("config", "push", "cli-group-none", settings.toString(), "--wait", "5");
            assertThat(push.status).as(push.out + push.err).isEqualTo(AdminActions.NO_KIOSK);
            assertThat(push.out).contains("to group cli-group-none: 0 kiosk(s)");
            assertThat(push.err).contains("attention : aucune borne dans le groupe « cli-group-none »",
                    "n'a été envoyée à aucune borne");
            Run pushed = withAdminToken("config", "push", "default", settings.toString(), "--wait", "60");
            assertThat(pushed.status).as(pushed.out + pushed.err).isZero();
            assertThat(pushed.out).containsPattern(SITE + "/cli-kiosk +APPLIED");
            assertThat(kiosk.fleet().config().settings().idleLockSeconds()).isEqualTo(90);

            Files.writeString(settings, "{\"kiosk.session.idle-lock-seconds\": 1}");
            Run invalid = withAdminToken("config", "push", "default", settings.toString());
            assertThat(invalid.status).isEqualTo(1);
            assertThat(invalid.err).contains("refused: SETTING_INVALID", "kiosk.session.idle-lock-seconds");

            Files.writeString(settings, "{\"idleLockSeconds\": 90}");
            Run former = withAdminToken("config", "push", "default", settings.toString());
            assertThat(former.status).isEqualTo(1);
            assertThat(former.err).contains("refused: SETTING_RENAMED", "'idleLockSeconds' is now called"
                    + " 'kiosk.session.idle-lock-seconds'");
        }
    }

    @Test
    void itDeclaresAnAdmissionDeskAndTakesTheRoleBack() throws Exception {
        Run desk = withAdminToken("role", SITE + "/accueil-9", "admission-desk");
        assertThat(desk.status).as(desk.err).isZero();
        assertThat(desk.out).contains(SITE + "/accueil-9: admission-desk");
        assertThat(provenAgents(hub).roles().of(fr.vigie.protocol.KioskAddress.of(SITE, "accueil-9")))
                .isEqualTo(fr.vigie.hub.device.DeviceRole.ADMISSION_DESK);
        assertThat(withAdminToken("role", SITE + "/accueil-9").out).contains(SITE + "/accueil-9: admission-desk");
        assertThat(withAdminToken("role", SITE + "/accueil-9", "admission-desk").out).contains("(unchanged)");

        Run back = withAdminToken("role", SITE + "/accueil-9", "workstation");
        assertThat(back.out).contains(SITE + "/accueil-9: workstation");
        Run bad = withAdminToken("role", SITE + "/accueil-9", "kitchen");
        assertThat(bad.status).isEqualTo(1);
        assertThat(bad.err).contains("refused: INVALID_PARAMETER");
        assertThat(withAdminToken("role", "no-slash").status).isEqualTo(2);
    }

    @Test
    void viewerTokenReadsButCannotApproveAndNoTokenIsRefused() throws Exception {
        assertThat(admin(Map.of(), "viewer password 9", "user", "add", "vic", "viewer", "--token-file",
                adminToken.toString()).status).isZero();
        Path viewerToken = tmp.resolve("viewer-token");
        assertThat(admin(Map.of(), "viewer password 9", "login", "--user", "vic", "--token-file", viewerToken.toString()).err)
                .as("a viewer cannot issue tokens, even for themself").contains("STAFF_ROLE_FORBIDDEN");
        assertThat(withAdminToken("token", "create", "vic", "viewer", "--out", viewerToken.toString()).status).isZero();
        assertThat(withAdminToken("token", "create", "vic", "admin", "--out", tmp.resolve("t2").toString()).err)
                .contains("refused: STAFF_ROLE_INVALID");
        assertThat(admin(Map.of(), null, "devices", "--token-file", viewerToken.toString()).status).isZero();
        assertThat(withPassword("short", "user", "password", "vic").err).contains("refused: STAFF_PASSWORD_TOO_SHORT");
        assertThat(withPassword("viewer password 10", "user", "password", "vic").out).contains("password of vic changed");
        assertThat(signInStatus("vic", "viewer password 10")).isEqualTo(200);
        Run refused = admin(Map.of(), null, "enrol", "reject", "00000000-0000-0000-0000-000000000000", "--token-file",
                viewerToken.toString());
        assertThat(refused.status).isEqualTo(1);
        assertThat(refused.err).contains("refused: STAFF_ROLE_FORBIDDEN");

        Run anonymous = admin(Map.of("HOME", tmp.resolve("nobody").toString()), null, "devices");
        assertThat(anonymous.status).isEqualTo(4);
        assertThat(anonymous.err).contains("STAFF_SIGNIN_REQUIRED");
        assertThat(admin(Map.of(), null, "frobnicate").status).isEqualTo(2);
        Run badPassword = admin(Map.of(), "wrong password!", "login", "--token-file", tmp.resolve("x").toString());
        assertThat(badPassword.status).isEqualTo(1);
        assertThat(badPassword.err).contains("STAFF_SIGNIN_FAILED");
    }

    @Test
    void signInLocksAreListedAndLiftedFromTheCli() throws Exception {
        assertThat(withPassword("lou cli password 1", "user", "add", "lou-cli", "viewer").status).isZero();
        for (int i = 0; i < 5; i++) {
            assertThat(signInStatus("lou-cli", "guess " + i)).isEqualTo(401);
        }
        assertThat(signInStatus("lou-cli", "lou cli password 1")).isEqualTo(429);

        Run locks = withAdminToken("signin", "locks");
        assertThat(locks.status).as(locks.err).isZero();
        assertThat(locks.out).containsPattern("login +lou-cli +5  20[0-9]{2}-");
        Run lifted = withAdminToken("signin", "unlock", "--login", "lou-cli");
        assertThat(lifted.status).as(lifted.err).isZero();
        assertThat(lifted.out).contains("sign-in lock of login lou-cli lifted");
        assertThat(signInStatus("lou-cli", "lou cli password 1")).isEqualTo(200);

        Run again = withAdminToken("signin", "unlock", "--login", "lou-cli");
        assertThat(again.status).isEqualTo(1);
        assertThat(again.err).contains("refused: STAFF_NOT_FOUND");
        assertThat(withAdminToken("signin", "unlock").status).isEqualTo(2);
    }

    @Test
    void loginRemembersTheHubForTheNextCommandsOfThisUserOnly() throws Exception {
        Map<String, String> ann = Map.of("HOME", tmp.resolve("ann").toString());
        Run login = run(ann, adminPassword, "login", "--hub", hub.httpUri().toString());
        assertThat(login.status).as(login.err).isZero();
        assertThat(login.out).contains("signed in to " + hub.httpUri()).contains("later commands use this hub");
        Path folder = tmp.resolve("ann/.config/vigie");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        for (String file : List.of(AdminHome.TOKEN_FILE, AdminHome.SETTINGS_FILE)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(file)))).as(file)
                    .isEqualTo("rw-------");
        }

        Run devices = run(ann, null, "devices");

        assertThat(devices.status).as(devices.err).isZero();
        assertThat(devices.out).contains("kiosk(s)");
        Map<String, String> bob = Map.of("HOME", tmp.resolve("bob").toString());
        assertThat(AdminHome.of(bob).rememberedHub()).as("another user has not the hub").isEmpty();
        Run bobs = run(bob, null, "--hub", hub.httpUri().toString(), "devices");
        assertThat(bobs.status).as("nor the token").isEqualTo(4);
        assertThat(bobs.err).contains("STAFF_SIGNIN_REQUIRED");
    }

    @Test
    void anEnrolmentCodeIsTakenWhateverItsCaseAndEvenTypedInWordsWithoutQuotes() throws Exception {
        DeviceIdentity kiosk = TestKiosks.requestEnrolment(hub, tmp, SITE, "cli-words");
        String id = idOf(withAdminToken("enrol", "list").out, "cli-words");
        String code = kiosk.enrolmentCode().toLowerCase(java.util.Locale.ROOT);
        int half = code.length() / 2;

        Run approved = withAdminToken("enrol", "approve", id, code.substring(0, half), code.substring(half));

        assertThat(approved.status).as(approved.err).isZero();
        assertThat(approved.out).contains(SITE + "/cli-words: ISSUED");
    }

    private static Run run(Map<String, String> env, String password, String... words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AdminCommand.run(List.of(words), env, () -> password == null ? new char[0] : password.toCharArray(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void softwareAddListsThePackageRefusesAnOlderOneAndARolloutToAnEmptyGroupIsRefused() throws Exception {
        Path deb = fr.vigie.hub.software.TestPackages.build(tmp, "vigie-kiosk", "0.5.0", "all");
        Run add = withAdminToken("software", "add", deb.toString());
        assertThat(add.status).as(add.err).isZero();
        assertThat(add.out).contains("added vigie-kiosk 0.5.0 (");

        Run older = withAdminToken("software", "add", fr.vigie.hub.software.TestPackages.build(tmp, "vigie-kiosk",
                "0.4.9", "all").toString());
        assertThat(older.status).isEqualTo(AdminFailure.REFUSED);
        assertThat(older.err).contains("refused: PACKAGE_NOT_NEWER", "0.4.9 is not newer than 0.5.0");
        Run other = withAdminToken("software", "add", fr.vigie.hub.software.TestPackages.build(tmp, "openssh-server",
                "9.9", "all").toString());
        assertThat(other.err).contains("refused: PACKAGE_NOT_VIGIE");
        Path junk = Files.writeString(tmp.resolve("junk.deb"), "not an ar archive");
        assertThat(withAdminToken("software", "add", junk.toString()).err).contains("refused: PACKAGE_MALFORMED");

        Run list = withAdminToken("software", "list");
        assertThat(list.status).as(list.err).isZero();
        assertThat(list.out).contains("repository key ", "vigie-kiosk", "0.5.0", "package(s)");

        Run empty = withAdminToken("software", "rollout", "nobody-here", "0.5.0", "--first", "1");
        assertThat(empty.status).isEqualTo(AdminFailure.REFUSED);
        assertThat(empty.err).contains("refused: GROUP_HAS_NO_KIOSK");
        Run unknown = withAdminToken("software", "rollout", "default", "7.0.0");
        assertThat(unknown.err).contains("refused: PACKAGE_NOT_FOUND");
        assertThat(withAdminToken("software", "status").out).contains("0 rollout(s)");
        assertThat(withAdminToken("software", "pause", "42").err).contains("refused: ROLLOUT_NOT_FOUND");

        var audited = fr.vigie.hub.HubServicesFixture.auditLog(hub).find(new fr.vigie.hub.audit.AuditQuery(null, null,
                fr.vigie.hub.audit.AuditCategory.SOFTWARE.actions(), null, null, null, 0, 20)).entries();
        assertThat(audited).extracting(fr.vigie.hub.audit.AuditRecord::action).contains("SOFTWARE_PACKAGE_ADDED",
                "SOFTWARE_PACKAGE_REFUSED");
    }

    /**
     * The kiosk's half of an update, up to APT: an enrolled kiosk pins the repository key, mirrors the hub's
     * repository over mutual TLS, and the real APT of this machine (private state, {@code signed-by} the pinned key)
     * accepts the mirror and fetches the package; a tampered index in the mirror is refused by APT.
     */
    @Test
    void aKioskMirrorsTheRepositoryOverMutualTlsAndAptTrustsOnlyTheSignedIndex() throws Exception {
        // vigie-hub: the other software test adds vigie-kiosk versions, in whichever order the two run
        Path deb = fr.vigie.hub.software.TestPackages.build(tmp, "vigie-hub", "1.0.0", "all");
        assertThat(withAdminToken("software", "add", deb.toString()).status).isZero();
        DeviceIdentity kiosk = TestKiosks.requestEnrolment(hub, tmp, SITE, "mirror-1");
        var pending = hub.enrolments().list(fr.vigie.protocol.device.EnrolmentStatus.PENDING, 100).stream()
                .filter(e -> e.kioskId().equals("mirror-1")).findFirst().orElseThrow();
        hub.enrolments().approve(pending.id(), kiosk.enrolmentCode(), "it");
        fr.vigie.kiosk.hubapi.HubApi enrol = fr.vigie.kiosk.hubapi.HubApi.forEnrolment(hub.deviceApiUri(),
                hub.siteCa().rootFingerprint());
        kiosk.installCertificateChain(enrol.get(fr.vigie.protocol.device.EnrolmentApi.PROGRESS, pending.id().toString())
                .result().orElseThrow().certificateChainPem());
        fr.vigie.kiosk.hubapi.HubApi device = fr.vigie.kiosk.hubapi.HubApi.forDevice(hub.deviceApiUri(), kiosk);

        fr.vigie.kiosk.update.UpdateFiles files = new fr.vigie.kiosk.update.UpdateFiles(tmp.resolve("kiosk-updates"));
        assertThat(files.pinKey(device.get(fr.vigie.protocol.device.SoftwareApi.REPOSITORY_KEY).publicKeyArmoured()))
                .isTrue();
        fr.vigie.kiosk.update.RepositoryMirror mirror = new fr.vigie.kiosk.update.RepositoryMirror(device,
                files.dir().resolve("mirror"));
        long bytes = mirror.refresh("vigie-hub", List.of("1.0.0"));
        assertThat(bytes).isGreaterThan(Files.size(deb));
        assertThat(mirror.lists("vigie-hub", "1.0.0")).isTrue();
        assertThat(fr.vigie.kiosk.hubapi.HubApi.forEnrolment(hub.deviceApiUri(), hub.siteCa().rootFingerprint()))
                .as("without the kiosk's certificate the repository is closed").satisfies(anonymous ->
                        org.junit.jupiter.api.Assertions.assertThrows(fr.vigie.kiosk.hubapi.HubApiException.class,
                                () -> anonymous.download(fr.vigie.protocol.device.SoftwareApi.REPOSITORY
                                        + "/dists/vigie/InRelease", tmp.resolve("stolen"))));

        Path apt = aptRoot(files.dir().resolve(fr.vigie.kiosk.update.UpdateFiles.REPOSITORY_KEY), mirror.root());
        String update = apt(apt, "update");
        assertThat(update).doesNotContain("W: ", "E: ");
        apt(apt, "download", "vigie-hub=1.0.0");
        assertThat(apt.resolve("work/vigie-hub_1.0.0_all.deb")).hasSameBinaryContentAs(deb);

        Path release = mirror.root().resolve("dists/vigie/InRelease");
        Files.writeString(release, Files.readString(release).replace("Vigie packages", "Other packages"));
        Path tampered = aptRoot(files.dir().resolve(fr.vigie.kiosk.update.UpdateFiles.REPOSITORY_KEY), mirror.root());
        AptRun refused = AptRun.run(tampered, "update");
        assertThat(refused.output()).containsAnyOf("BADSIG", "not signed", "is not valid", "NOSPLIT", "verify");
        assertThat(refused.exit() != 0 || refused.output().contains("W: ")).as(refused.output()).isTrue();
    }

    /** The real apt-get of this machine with a private state and the mirror as its only, signed, file: source. */
    private static Path aptRoot(Path key, Path mirror) throws Exception {
        Path apt = Files.createTempDirectory(tmp, "apt");
        for (String d : List.of("state/lists/partial", "cache/archives/partial", "parts", "work")) {
            Files.createDirectories(apt.resolve(d));
        }
        Files.writeString(apt.resolve("status"), "");
        Files.writeString(apt.resolve("sources.list"), "deb [signed-by=" + key + "] file:" + mirror + " vigie main\n");
        return apt;
    }

    private static String apt(Path apt, String... command) throws Exception {
        AptRun c = AptRun.run(apt, command);
        assertThat(c.exit()).as(c.output()).isZero();
        return c.output();
    }

    /** apt-get run under a private configuration. */
    private record AptRun(int exit, String output) {
        static AptRun run(Path apt, String... command) throws Exception {
            List<String> line = new ArrayList<>(List.of("apt-get"));
            for (String o : List.of("Dir::Etc::SourceList=" + apt.resolve("sources.list"),
                    "Dir::Etc::SourceParts=" + apt.resolve("parts"), "Dir::Etc::TrustedParts=" + apt.resolve("parts"),
                    "Dir::Etc::Parts=" + apt.resolve("parts"), "Dir::Etc::Preferences=/dev/null",
                    "Dir::Etc::PreferencesParts=" + apt.resolve("parts"), "Dir::State=" + apt.resolve("state"),
                    "Dir::State::status=" + apt.resolve("status"), "Dir::Cache=" + apt.resolve("cache"),
                    "APT::Sandbox::User=root", "Debug::NoLocking=1")) {
                line.add("-o");
                line.add(o);
            }
            line.addAll(List.of(command));
            ProcessBuilder pb = new ProcessBuilder(line).redirectErrorStream(true).directory(apt.resolve("work").toFile());
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(line + " did not finish: " + out);
            }
            return new AptRun(p.exitValue(), out);
        }
    }

    private record Run(int status, String out, String err) {
    }

    private static Run withPassword(String password, String... words) {
        List<String> args = new ArrayList<>(List.of(words));
        args.addAll(List.of("--token-file", adminToken.toString()));
        return admin(Map.of(), password, args.toArray(String[]::new));
    }

    private static Run withAdminToken(String... words) {
        List<String> args = new ArrayList<>(List.of(words));
        args.addAll(List.of("--token-file", adminToken.toString()));
        return admin(Map.of(), null, args.toArray(String[]::new));
    }

    private static Run admin(Map<String, String> env, String password, String... words) {
        List<String> args = new ArrayList<>(List.of("--hub", hub.httpUri().toString()));
        args.addAll(List.of(words));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> environment = new java.util.HashMap<>(Map.of("HOME", tmp.resolve("home").toString()));
        environment.putAll(env);
        int status = AdminCommand.run(args, environment, () -> password == null ? new char[0] : password.toCharArray(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static int signInStatus(String login, String password) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                hub.httpUri().resolve("/api/v1/session")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"login\":\"" + login + "\",\"password\":\""
                        + password + "\"}")).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String idOf(String listing, String kioskId) {
        return listing.lines().filter(l -> l.contains(SITE + "/" + kioskId + " ")).findFirst().orElseThrow().split(" +")[0];
    }
}
