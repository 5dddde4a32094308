package fr.vigie.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KioskSettingsTest {
    private static final String FP = "a".repeat(64);

    @Test
    void defaultsAreTheCataloguesFrenchWithBothServicesAndNoExtraAnchors() {
        KioskSettings d = KioskSettings.defaults();

        assertThat(d.language()).isEqualTo(KioskSettings.Language.FR);
        assertThat(d.heartbeatSeconds()).isEqualTo(10);
        assertThat(d.idleLockSeconds()).isEqualTo(300);
        assertThat(d.presenceLockSeconds()).isEqualTo(20);
        assertThat(d.pinEntryTimeoutSeconds()).isEqualTo(30);
        assertThat(d.reauthWindowSeconds()).isEqualTo(14_400);
        assertThat(d.lockGraceSeconds()).isEqualTo(900);
        assertThat(d.insiEnabled()).isTrue();
        assertThat(d.pscEnabled()).isTrue();
        assertThat(d.trustedAnchors()).isEmpty();
    }

    @Test
    void jsonRoundTripsEveryFleetSettingByItsDottedName() throws Exception {
        KioskSettings s = KioskSettings.defaults().withIdleLockSeconds(60).withLanguage(KioskSettings.Language.EN)
                .withTrustedAnchors(List.of(FP));

        String json = new String(s.toJson(), StandardCharsets.UTF_8);

        assertThat(KioskSettings.fromJson(s.toJson())).isEqualTo(s);
        assertThat(json).contains("\"kiosk.ui.language\":\"en\"", "\"kiosk.session.idle-lock-seconds\":60");
        for (Setting setting : KioskFleetSettings.ALL) {
            assertThat(json).contains("\"" + setting.key() + "\":");
        }
    }

    @Test
    void absentKeysTakeTheirDefaults() throws Exception {
        assertThat(parse("{\"kiosk.heartbeat-seconds\":15}")).isEqualTo(KioskSettings.defaults().withHeartbeatSeconds(15));
        assertThat(parse("{}")).isEqualTo(KioskSettings.defaults());
    }

    @Test
    void unknownKeyIsRejectedNamingKeyAndValue() {
        assertProblem("{\"kiosk.session.idle-lock-secs\":60}", SettingProblem.Kind.UNKNOWN,
                "kiosk.session.idle-lock-secs", "60");
        assertProblem("{\"kiosk.ui.port\":8090}", SettingProblem.Kind.UNKNOWN, "kiosk.ui.port", "fleet settings");
    }

    @Test
    void aFormerCamelCaseNameIsRefusedNamingItsNameNow() {
        assertThatThrownBy(() -> parse("{\"idleLockSeconds\":60}")).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problem()).hasValueSatisfying(p -> {
                assertThat(p.kind()).isEqualTo(SettingProblem.Kind.RENAMED);
                assertThat(p.replacement()).hasValue("kiosk.session.idle-lock-seconds");
            });
            assertThat(e.getMessage()).contains("idleLockSeconds", "kiosk.session.idle-lock-seconds");
        });
    }

    @Test
    void storedSettingsWithTheFormerNamesAreConvertedOnLoad() throws Exception {
        KioskSettings s = KioskSettings.fromStoredJson(("{\"idleLockSeconds\":60,\"language\":\"en\","
                + "\"trustedAnchors\":[\"" + FP + "\"]}").getBytes(StandardCharsets.UTF_8));

        assertThat(s).isEqualTo(KioskSettings.defaults().withIdleLockSeconds(60).withLanguage(KioskSettings.Language.EN)
                .withTrustedAnchors(List.of(FP)));
        assertThat(KioskSettings.fromStoredJson(s.toJson())).as("today's names too").isEqualTo(s);
    }

    @Test
    void wrongJsonTypesAreRejectedNamingKeyAndValue() {
        assertProblem("{\"kiosk.heartbeat-seconds\":\"30\"}", SettingProblem.Kind.WRONG_TYPE, "kiosk.heartbeat-seconds", "\"30\"");
        assertProblem("{\"kiosk.heartbeat-seconds\":30.5}", SettingProblem.Kind.WRONG_TYPE, "kiosk.heartbeat-seconds", "30.5");
        assertProblem("{\"kiosk.insi.enabled\":\"yes\"}", SettingProblem.Kind.WRONG_TYPE, "kiosk.insi.enabled", "yes");
        assertProblem("{\"kiosk.ui.language\":\"de\"}", SettingProblem.Kind.NOT_ALLOWED, "kiosk.ui.language", "de");
        assertProblem("{\"kiosk.igc-sante.trusted-fingerprints\":[1]}", SettingProblem.Kind.WRONG_TYPE,
                "kiosk.igc-sante.trusted-fingerprints", "1");
    }

    @Test
    void outOfRangeValuesAreRejectedNamingKeyAndValue() {
        assertProblem("{\"kiosk.heartbeat-seconds\":0}", SettingProblem.Kind.OUT_OF_RANGE, "kiosk.heartbeat-seconds", "'0'");
        assertProblem("{\"kiosk.session.pin-entry-seconds\":3000}", SettingProblem.Kind.OUT_OF_RANGE,
                "kiosk.session.pin-entry-seconds", "3000");
        assertProblem("{\"kiosk.session.idle-lock-seconds\":20,\"kiosk.session.presence-lock-seconds\":30}",
                SettingProblem.Kind.CONFLICT, "kiosk.session.presence-lock-seconds", "30");
        assertProblem("{\"kiosk.igc-sante.trusted-fingerprints\":[\"AB:CD\"]}", SettingProblem.Kind.NOT_ALLOWED,
                "kiosk.igc-sante.trusted-fingerprints[0]", "AB:CD");
        assertProblem("{\"kiosk.igc-sante.trusted-fingerprints\":[\"" + FP + "\",\"" + FP + "\"]}",
                SettingProblem.Kind.NOT_ALLOWED, "kiosk.igc-sante.trusted-fingerprints[1]", "twice");
    }

    @Test
    void everyBoundOfTheCatalogueIsTheOneTheRecordEnforces() {
        for (Setting s : KioskFleetSettings.ALL) {
            if (s.type() == Setting.Type.INTEGER) {
                long max = s.max().orElseThrow();
                String json = "{\"" + s.key() + "\":" + (max + 1) + "}";
                assertProblem(json, SettingProblem.Kind.OUT_OF_RANGE, s.key(), Long.toString(max + 1));
                String atMin = "{\"" + s.key() + "\":" + s.min().orElseThrow()
                        + (s == KioskFleetSettings.IDLE_LOCK ? ",\"kiosk.session.presence-lock-seconds\":1" : "") + "}";
                assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> parse(atMin))).as(s.key()).isNull();
            }
        }
    }

    @Test
    void notOneJsonObjectIsRejected() {
        assertInvalid("[]", "object", "[]");
        assertInvalid("{\"kiosk.heartbeat-seconds\":30,\"kiosk.heartbeat-seconds\":40}", "Duplicate", "kiosk.heartbeat-seconds");
        assertInvalid("{", "JSON", "");
    }

    private static KioskSettings parse(String json) throws ConfigException {
        return KioskSettings.fromJson(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertProblem(String json, SettingProblem.Kind kind, String key, String value) {
        assertInvalid(json, key, value);
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problem()).hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(kind)));
    }

    private static void assertInvalid(String json, String key, String value) {
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.error()).isEqualTo(ConfigError.CONFIG_CONTENT_INVALID))
                .hasMessageContaining(key).hasMessageContaining(value);
    }
}
