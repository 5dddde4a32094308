package fr.vigie.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KioskSettingsTest {
    private static final String FP = "a".repeat(64);

    @Test
    void defaultsAreFrenchWithBothServicesAndNoExtraAnchors() {
        KioskSettings d = KioskSettings.defaults();

        assertThat(d.language()).isEqualTo(KioskSettings.Language.FR);
        assertThat(d.heartbeatSeconds()).isEqualTo(30);
        assertThat(d.idleLockSeconds()).isEqualTo(120);
        assertThat(d.insiEnabled()).isTrue();
        assertThat(d.pscEnabled()).isTrue();
        assertThat(d.trustedAnchors()).isEmpty();
    }

    @Test
    void jsonRoundTripsEveryKey() throws Exception {
        KioskSettings s = KioskSettings.defaults().withIdleLockSeconds(60).withLanguage(KioskSettings.Language.EN)
                .withTrustedAnchors(List.of(FP));

        assertThat(KioskSettings.fromJson(s.toJson())).isEqualTo(s);
        assertThat(new String(s.toJson(), StandardCharsets.UTF_8)).contains("\"language\":\"en\"", "\"idleLockSeconds\":60");
    }

    @Test
    void absentKeysTakeTheirDefaults() throws Exception {
        assertThat(parse("{\"heartbeatSeconds\":15}")).isEqualTo(KioskSettings.defaults().withHeartbeatSeconds(15));
        assertThat(parse("{}")).isEqualTo(KioskSettings.defaults());
    }

    @Test
    void unknownKeyIsRejectedNamingKeyAndValue() {
        assertInvalid("{\"idleLockSecs\":60}", "idleLockSecs", "60");
    }

    @Test
    void wrongJsonTypesAreRejectedNamingKeyAndValue() {
        assertInvalid("{\"heartbeatSeconds\":\"30\"}", "heartbeatSeconds", "\"30\"");
        assertInvalid("{\"heartbeatSeconds\":30.5}", "heartbeatSeconds", "30.5");
        assertInvalid("{\"insiEnabled\":\"yes\"}", "insiEnabled", "yes");
        assertInvalid("{\"language\":\"de\"}", "language", "de");
        assertInvalid("{\"trustedAnchors\":[1]}", "trustedAnchors", "1");
    }

    @Test
    void outOfRangeValuesAreRejectedNamingKeyAndValue() {
        assertInvalid("{\"heartbeatSeconds\":1}", "heartbeatSeconds", "'1'");
        assertInvalid("{\"pinEntryTimeoutSeconds\":3000}", "pinEntryTimeoutSeconds", "3000");
        assertInvalid("{\"idleLockSeconds\":20,\"presenceLockSeconds\":30}", "presenceLockSeconds", "30");
        assertInvalid("{\"trustedAnchors\":[\"AB:CD\"]}", "trustedAnchors[0]", "AB:CD");
        assertInvalid("{\"trustedAnchors\":[\"" + FP + "\",\"" + FP + "\"]}", "trustedAnchors[1]", "twice");
    }

    @Test
    void notOneJsonObjectIsRejected() {
        assertInvalid("[]", "object", "[]");
        assertInvalid("{\"heartbeatSeconds\":30,\"heartbeatSeconds\":40}", "Duplicate", "heartbeatSeconds");
        assertInvalid("{", "JSON", "");
    }

    private static KioskSettings parse(String json) throws ConfigException {
        return KioskSettings.fromJson(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInvalid(String json, String key, String value) {
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.error()).isEqualTo(ConfigError.CONFIG_CONTENT_INVALID))
                .hasMessageContaining(key).hasMessageContaining(value);
    }
}
