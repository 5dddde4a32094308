package fr.vigie.hub.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.vigie.provisioning.ProvisioningError;
import org.junit.jupiter.api.Test;

/** A card certificate the IGC-Santé check refuses is refused to the kiosk as {@code AGENT_} and the check's code. */
class ProvenAgentsCodesTest {
    @Test
    void everyCertificateAndCrlCheckCodeIsRefused403UnderTheAgentPrefix() {
        for (ProvisioningError e : ProvisioningError.values()) {
            if (e.name().startsWith("CERT_") || e.name().startsWith("CRL_")) {
                assertEquals("AGENT_" + e.name(), ProvenAgents.certificateRefusal(e).name());
                assertEquals(403, ProvenAgents.certificateRefusal(e).status());
            }
        }
    }
}
