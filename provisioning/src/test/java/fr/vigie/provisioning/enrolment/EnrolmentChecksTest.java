package fr.vigie.provisioning.enrolment;

import static fr.vigie.provisioning.TestPki.KIOSK_A;
import static fr.vigie.provisioning.TestPki.KIOSK_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.protocol.device.DeviceCodec;
import fr.vigie.protocol.device.EnrolmentApi;
import fr.vigie.protocol.device.EnrolmentRequest;
import fr.vigie.provisioning.ProvisioningError;
import fr.vigie.provisioning.ProvisioningException;
import fr.vigie.provisioning.device.DeviceCsr;
import fr.vigie.provisioning.device.DeviceIdentity;
import fr.vigie.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrolmentChecksTest {
    @TempDir
    Path dir;
    private final Instant at = Instant.parse("2025-06-01T08:00:00Z");

    @Test
    void aDevicesRequestCrossesTheWireAndItsCsrMatchesTheCodeOnTheKioskScreen() throws Exception {
        DeviceIdentity id = DeviceIdentity.openOrCreate(dir, KIOSK_A, "s".toCharArray(), new MutableClock(at));
        EnrolmentRequest sent = id.enrolmentRequest(Optional.of("0123456789abcdef.token"));
        DeviceCodec codec = new DeviceCodec();

        EnrolmentRequest received = codec.decodeRequest(EnrolmentApi.SUBMIT, codec.encode(sent));

        assertThat(received).isEqualTo(sent);
        DeviceCsr csr = EnrolmentChecks.checkedCsr(received);
        assertThat(csr.kiosk()).isEqualTo(KIOSK_A);
        assertThat(csr.enrolmentCode()).isEqualTo(id.enrolmentCode());
        assertThat(received.bootstrapToken()).contains("0123456789abcdef.token");
    }

    @Test
    void aRequestWhoseCodeOrKioskDiffersFromItsCsrIsRejected() throws Exception {
        DeviceIdentity id = DeviceIdentity.openOrCreate(dir, KIOSK_A, "s".toCharArray(), new MutableClock(at));

        assertRejected(() -> EnrolmentChecks.checkedCsr(EnrolmentRequest.of(KIOSK_A, id.csrPem(), "AAAA-AAAA",
                Optional.empty())), ProvisioningError.ENROLMENT_CODE_MISMATCH);
        assertRejected(() -> EnrolmentChecks.checkedCsr(EnrolmentRequest.of(KIOSK_B, id.csrPem(), id.enrolmentCode(),
                Optional.empty())), ProvisioningError.CSR_SUBJECT_MISMATCH);
        assertRejected(() -> EnrolmentChecks.checkedCsr(EnrolmentRequest.of(KIOSK_A, "not a CSR", id.enrolmentCode(),
                Optional.empty())), ProvisioningError.CSR_MALFORMED);
    }

    private static void assertRejected(ThrowingCallable call, ProvisioningError code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProvisioningException.class,
                e -> assertThat(e.error()).isEqualTo(code));
    }
}
