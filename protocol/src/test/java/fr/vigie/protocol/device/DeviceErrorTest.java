package fr.vigie.protocol.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.protocol.identity.RnivError;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The codes of the device API: one name, one area, one status each. */
class DeviceErrorTest {

    @Test
    void everyCodeNameIsUniqueAcrossAreasAndFoundByName() {
        Set<String> names = new HashSet<>();
        for (DeviceError e : DeviceError.all()) {
            assertTrue(names.add(e.name()), "two codes named " + e.name());
            assertEquals(Optional.of(e), DeviceError.of(e.name()));
        }
        assertEquals(Optional.empty(), DeviceError.of("HTTP_404"));
    }

    @Test
    void everyCodeTheHubAnswersHasAnErrorStatusAndOnlyTheClientsOwnHaveNone() {
        List<DeviceError> clientSide = DeviceError.all().stream().filter(e -> !e.answeredByHub()).toList();
        assertEquals(List.of(DeviceApiError.HUB_UNREACHABLE, DeviceApiError.HUB_ANSWER_MALFORMED,
                DeviceApiError.DEVICE_IDENTITY_UNUSABLE), clientSide);
        for (DeviceError e : DeviceError.all()) {
            assertTrue(!e.answeredByHub() || (e.status() >= 400 && e.status() <= 599), e + " " + e.status());
        }
    }

    @Test
    void everyRnivRefusalTravelsUnderItsOwnName() {
        for (RnivError e : RnivError.values()) {
            assertTrue(DeviceError.of(e.name()).filter(AdmissionError.class::isInstance).isPresent(), e.name());
        }
    }

    @Test
    void pscRefusalsAre422AndFailuresToReachItAre502() {
        assertEquals(422, CibaError.PSC_ACCESS_DENIED.status());
        assertEquals(502, CibaError.PSC_UNREACHABLE.status());
        assertEquals(503, CibaError.CIBA_UNAVAILABLE.status());
    }

    @Test
    void aCardCertificateRefusalIsTheCheckCodeUnderTheAgentPrefix() {
        assertEquals(Optional.of(AgentError.AGENT_CERT_REVOKED), AgentError.certificateRefusal("CERT_REVOKED"));
        assertEquals(Optional.of(AgentError.AGENT_CRL_STALE), AgentError.certificateRefusal("CRL_STALE"));
        assertEquals(Optional.empty(), AgentError.certificateRefusal("NONCE_UNKNOWN"));
        assertEquals(Optional.empty(), AgentError.certificateRefusal("CERT_NEVER_HEARD_OF"));
        for (DeviceApiError device : DeviceApiError.values()) {
            if (device.name().startsWith("CERT_") || device.name().startsWith("CRL_")) {
                assertTrue(AgentError.certificateRefusal(device.name()).isPresent(), device.name());
            }
        }
    }

    @Test
    void insiOutcomesAreAnsweredAsBefore() {
        assertEquals(400, AdmissionError.INSI_TRAITS_REJECTED.status());
        assertEquals(422, AdmissionError.INSI_SEVERAL_MATCHES.status());
        assertEquals(503, AdmissionError.INSI_TIMEOUT.status());
        assertEquals(409, AdmissionError.IDENTITY_MISMATCH.status());
        assertEquals(409, AdmissionError.APCV_REPLAYED.status());
        assertEquals(503, AdmissionError.APCV_NOT_CONFIGURED.status());
    }
}
