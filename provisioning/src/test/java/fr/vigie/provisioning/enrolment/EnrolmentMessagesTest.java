package fr.vigie.provisioning.enrolment;

import static fr.vigie.provisioning.TestPki.KIOSK_A;
import static fr.vigie.provisioning.TestPki.KIOSK_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.protocol.ConfigBundle;
import fr.vigie.provisioning.device.DeviceCsr;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrolmentMessagesTest {
    @TempDir
    Path dir;
    private final EnrolmentJson json = new EnrolmentJson();
    private final Instant at = Instant.parse("2025-06-01T08:00:00Z");

    @Test
    void requestRoundTripsAndItsCsrMatchesTheCodeOnTheKioskScreen() throws Exception {
        DeviceIdentity id = DeviceIdentity.openOrCreate(dir, KIOSK_A, "s".toCharArray(), new MutableClock(at));
        EnrolmentRequest sent = EnrolmentRequest.of(id, "0123456789abcdef.token");

        EnrolmentRequest received = json.readRequest(json.encode(sent));

        assertThat(received).isEqualTo(sent);
        DeviceCsr csr = received.checkedCsr();
        assertThat(csr.kiosk()).isEqualTo(KIOSK_A);
        assertThat(csr.enrolmentCode()).isEqualTo(id.enrolmentCode());
        assertThat(received.token()).contains("0123456789abcdef.token");
    }

    @Test
    void requestWhoseCodeOrKioskDiffersFromItsCsrIsRejected() throws Exception {
        DeviceIdentity id = DeviceIdentity.openOrCreate(dir, KIOSK_A, "s".toCharArray(), new MutableClock(at));

        assertRejected(() -> new EnrolmentRequest(KIOSK_A, id.csrPem(), "AAAA-AAAA", null).checkedCsr(),
                ProvisioningError.ENROLMENT_CODE_MISMATCH);
        assertRejected(() -> new EnrolmentRequest(KIOSK_B, id.csrPem(), id.enrolmentCode(), null).checkedCsr(),
                ProvisioningError.CSR_SUBJECT_MISMATCH);
    }

    @Test
    void decisionAndResultRoundTrip() throws Exception {
        EnrolmentDecision rejected = EnrolmentDecision.reject(KIOSK_A, "K7F2-9QXM", "code differs from screen",
                "it:alice", at);
        EnrolmentResult result = new EnrolmentResult(KIOSK_A, "-----BEGIN CERTIFICATE-----\n...",
                new ConfigBundle(KIOSK_A.site(), KIOSK_A.kioskId(), 1, at, "h.p.s", 1));

        assertThat(json.readDecision(json.encode(rejected))).isEqualTo(rejected);
        assertThat(json.readResult(json.encode(result))).isEqualTo(result);
        assertThat(EnrolmentDecision.approve(KIOSK_A, "K7F2-9QXM", "bootstrap-token:01", at).approved()).isTrue();
    }

    @Test
    void unknownMissingOrMistypedKeysAreRejectedNamingTheKey() {
        assertMalformed("{\"schema\":1,\"site\":\"chu-nord\",\"kioskId\":\"kiosk-a\",\"csrPem\":\"x\","
                + "\"enrolmentCode\":\"c\",\"admin\":true}", "admin");
        assertMalformed("{\"schema\":1,\"site\":\"chu-nord\",\"kioskId\":\"kiosk-a\",\"enrolmentCode\":\"c\"}", "csrPem");
        assertMalformed("{\"schema\":1,\"site\":\"chu-nord\",\"kioskId\":\"kiosk-a\",\"csrPem\":7,"
                + "\"enrolmentCode\":\"c\"}", "csrPem");
        assertMalformed("{\"schema\":2,\"site\":\"chu-nord\",\"kioskId\":\"kiosk-a\",\"csrPem\":\"x\","
                + "\"enrolmentCode\":\"c\"}", "schema");
        assertMalformed("{\"schema\":1,\"schema\":1}", "Duplicate field 'schema'");
        assertMalformed("{\"schema\":1,\"site\":\"CHU\",\"kioskId\":\"kiosk-a\",\"csrPem\":\"x\","
                + "\"enrolmentCode\":\"c\"}", "CHU");
    }

    private void assertMalformed(String text, String named) {
        assertThatThrownBy(() -> json.readRequest(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ProvisioningException.class,
                        e -> assertThat(e.error()).isEqualTo(ProvisioningError.ENROLMENT_MALFORMED))
                .hasMessageContaining(named);
    }

    private static void assertRejected(ThrowingCallable call, ProvisioningError code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProvisioningException.class,
                e -> assertThat(e.error()).isEqualTo(code));
    }
}
