package fr.vigie.config;

import static fr.vigie.config.TestSigning.KIOSK;
import static fr.vigie.config.TestSigning.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.protocol.ConfigBundle;
import fr.vigie.protocol.ProtocolCodec;
import fr.vigie.protocol.Reply;
import fr.vigie.provisioning.signing.HubJwsSigner;
import fr.vigie.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppliedConfigStoreTest {
    @TempDir
    Path dir;
    private final KeyPair hub;
    private final ConfigSigner signer;
    private final ConfigVerifier verifier;

    AppliedConfigStoreTest() throws Exception {
        hub = TestSigning.p256();
        signer = new ConfigSigner(new HubJwsSigner((ECPrivateKey) hub.getPrivate(), "hub-1"), new MutableClock(T0));
        verifier = new ConfigVerifier((ECPublicKey) hub.getPublic(), KIOSK);
    }

    @Test
    void beforeAnyBundleTheDefaultsAreInForce() throws Exception {
        AppliedConfigStore store = new AppliedConfigStore(dir, verifier);

        assertThat(store.current()).isEmpty();
        assertThat(store.settings()).isEqualTo(KioskSettings.defaults());
        assertThat(store.highestVersionSeen()).isZero();
        assertThat(store.rollback()).isFalse();
    }

    @Test
    void appliedBundleSurvivesARestartInAnOwnerOnlyFile() throws Exception {
        AppliedConfigStore store = new AppliedConfigStore(dir, verifier);
        store.apply(verified(1, 60));

        AppliedConfigStore reopened = new AppliedConfigStore(dir, verifier);

        assertThat(reopened.settings().idleLockSeconds()).isEqualTo(60);
        assertThat(reopened.highestVersionSeen()).isEqualTo(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(AppliedConfigStore.CURRENT))))
                .isEqualTo("rw-------");
    }

    @Test
    void aBundleStoredWithTheFormerSettingNamesBeforeTheUpgradeStillLoads() throws Exception {
        // what a kiosk of before the settings reference wrote to current.json: signed with camelCase names
        String legacy = "{\"heartbeatSeconds\":30,\"idleLockSeconds\":600,\"reauthWindowSeconds\":7200,"
                + "\"presenceLockSeconds\":10,\"pinEntryTimeoutSeconds\":60,\"language\":\"en\",\"insiEnabled\":false,"
                + "\"pscEnabled\":true,\"trustedAnchors\":[\"" + "b".repeat(64) + "\"]}";
        ConfigBundle stored = TestSigning.signedRaw(hub, KIOSK, 4, TestSigning.payload(KIOSK, 4, legacy));
        Files.write(dir.resolve(AppliedConfigStore.CURRENT), new ProtocolCodec().encode(stored));

        AppliedConfigStore store = new AppliedConfigStore(dir, verifier);

        assertThat(store.current()).isPresent();
        assertThat(store.highestVersionSeen()).isEqualTo(4);
        KioskSettings s = store.settings();
        assertThat(s.heartbeatSeconds()).isEqualTo(30);
        assertThat(s.idleLockSeconds()).isEqualTo(600);
        assertThat(s.reauthWindowSeconds()).isEqualTo(7200);
        assertThat(s.presenceLockSeconds()).isEqualTo(10);
        assertThat(s.pinEntryTimeoutSeconds()).isEqualTo(60);
        assertThat(s.language()).isEqualTo(KioskSettings.Language.EN);
        assertThat(s.insiEnabled()).isFalse();
        assertThat(s.trustedAnchors()).containsExactly("b".repeat(64));
        assertThat(s.lockGraceSeconds()).as("absent then: its default").isEqualTo(KioskSettings.defaults().lockGraceSeconds());
    }

    @Test
    void rollbackAfterAFailedHealthCheckRestoresThePreviousOneDurably() throws Exception {
        AppliedConfigStore store = new AppliedConfigStore(dir, verifier);
        store.apply(verified(1, 60));
        VerifiedConfig broken = verified(2, 90);
        store.apply(broken);

        boolean rolledBack = store.rollback();
        Reply reply = ConfigReplies.rolledBack(broken, store.current().orElseThrow().version(), T0);

        assertThat(rolledBack).isTrue();
        assertThat(store.settings().idleLockSeconds()).isEqualTo(60);
        assertThat(new AppliedConfigStore(dir, verifier).settings().idleLockSeconds()).isEqualTo(60);
        assertThat(store.rollback()).as("only one step back").isFalse();
        assertThat(reply.outcome()).isEqualTo(Reply.Outcome.FAILED);
        assertThat(reply.code()).isEqualTo("CONFIG_HEALTH_CHECK_FAILED");
        assertThat(reply.commandId()).isEqualTo("config-2");
    }

    @Test
    void retainedBundleThatWasRolledBackIsNotAcceptedAgain() throws Exception {
        AppliedConfigStore store = new AppliedConfigStore(dir, verifier);
        store.apply(verified(1, 60));
        ConfigBundle v2 = signer.sign(KIOSK, 2, KioskSettings.defaults().withIdleLockSeconds(90));
        store.apply(verifier.verify(v2, store.highestVersionSeen()));
        store.rollback();

        AppliedConfigStore afterRestart = new AppliedConfigStore(dir, verifier);

        assertThatThrownBy(() -> verifier.verify(v2, afterRestart.highestVersionSeen()))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.error()).isEqualTo(ConfigError.CONFIG_VERSION_NOT_NEWER));
        assertThat(verifier.verify(signer.sign(KIOSK, 3, KioskSettings.defaults()), afterRestart.highestVersionSeen())
                .version()).isEqualTo(3);
    }

    @Test
    void applyingAnOlderVersionIsRefusedAndKeepsTheCurrentOne() throws Exception {
        AppliedConfigStore store = new AppliedConfigStore(dir, verifier);
        VerifiedConfig v1 = verified(1, 60);
        store.apply(verified(5, 90));

        assertThatThrownBy(() -> store.apply(v1)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.error()).isEqualTo(ConfigError.CONFIG_VERSION_NOT_NEWER));
        assertThat(store.current().orElseThrow().version()).isEqualTo(5);
    }

    @Test
    void crashLeavingATornTempFileKeepsTheLastCompleteBundle() throws Exception {
        AppliedConfigStore store = new AppliedConfigStore(dir, verifier);
        store.apply(verified(1, 60));
        byte[] next = new ProtocolCodec().encode(verified(2, 90).bundle());
        Files.write(dir.resolve(AppliedConfigStore.CURRENT + ".tmp"), java.util.Arrays.copyOf(next, next.length / 2));

        AppliedConfigStore afterCrash = new AppliedConfigStore(dir, verifier);

        assertThat(afterCrash.current().orElseThrow().version()).isEqualTo(1);
        afterCrash.apply(verified(2, 90));
        assertThat(new AppliedConfigStore(dir, verifier).current().orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void currentFileTamperedOnDiskIsNotTrustedAndThePreviousOneServes() throws Exception {
        AppliedConfigStore store = new AppliedConfigStore(dir, verifier);
        store.apply(verified(1, 60));
        store.apply(verified(2, 90));
        Path current = dir.resolve(AppliedConfigStore.CURRENT);
        String text = Files.readString(current, StandardCharsets.UTF_8);
        int sig = text.lastIndexOf('.') + 5;
        char c = text.charAt(sig);
        Files.writeString(current, text.substring(0, sig) + (c == 'A' ? 'B' : 'A') + text.substring(sig + 1));

        AppliedConfigStore reopened = new AppliedConfigStore(dir, verifier);

        assertThat(reopened.current().orElseThrow().version()).isEqualTo(1);
        assertThat(reopened.highestVersionSeen()).isEqualTo(2);
    }

    @Test
    void repliesCarryTheStableCodes() throws Exception {
        VerifiedConfig v = verified(4, 60);
        ConfigException refused = new ConfigException(ConfigError.CONFIG_SIGNATURE_INVALID, "bad signature");

        Reply applied = ConfigReplies.applied(v, T0);
        Reply rejected = ConfigReplies.rejected(v.bundle(), refused, T0);

        assertThat(applied.outcome()).isEqualTo(Reply.Outcome.DONE);
        assertThat(applied.code()).isEqualTo("OK");
        assertThat(rejected.outcome()).isEqualTo(Reply.Outcome.REJECTED);
        assertThat(rejected.code()).isEqualTo("CONFIG_SIGNATURE_INVALID");
        assertThat(rejected.commandId()).isEqualTo("config-4");
    }

    private VerifiedConfig verified(long version, int idleLock) throws ConfigException {
        return verifier.verify(signer.sign(KIOSK, version, KioskSettings.defaults().withIdleLockSeconds(idleLock)), 0);
    }

    @Test
    void undoingTheFirstConfigurationReturnsToTheDefaultsAndKeepsTheFloor() throws Exception {
        AppliedConfigStore store = new AppliedConfigStore(dir, verifier);
        VerifiedConfig first = verified(4, 60);
        store.apply(first);

        assertThat(store.undo(first)).isZero();
        assertThat(store.current()).isEmpty();
        assertThat(store.settings()).isEqualTo(KioskSettings.defaults());
        AppliedConfigStore reopened = new AppliedConfigStore(dir, verifier);
        assertThat(reopened.current()).isEmpty();
        assertThat(reopened.highestVersionSeen()).isEqualTo(4);
        assertThat(store.undo(first)).as("nothing left to undo").isEqualTo(-1);
    }
}
