package fr.vigie.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The e-prescription event names the patient by record id only and refuses anything else. */
class PrescriptionScannedCodecTest {
    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void prescriptionScannedSurvivesEncodeAndDecode() throws Exception {
        EventEnvelope sent = Samples.prescriptionScanned();

        EventEnvelope received = codec.decodeEvent(codec.encode(sent));

        assertEquals(sent, received);
        assertEquals("prescription.scanned", received.payload().type().wireName());
    }

    @Test
    void aNirSlippedIntoThePayloadIsRejectedAsAnUnknownField() {
        byte[] wire = Samples.edited(Samples.prescriptionScanned(),
                t -> ((ObjectNode) t.get("payload")).put("nir", "180032B02040123"));

        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.UNKNOWN_FIELD, e.error());
        assertFalse(e.getMessage().contains("180032B02040123"));
    }

    @Test
    void aLowercaseOrPunctuatedNumberIsRejectedAsInvalid() {
        byte[] wire = Samples.edited(Samples.prescriptionScanned(),
                t -> ((ObjectNode) t.get("payload")).put("number", "rx-12"));

        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.INVALID_FIELD, e.error());
    }

    @Test
    void aMissingOrZeroRecordIdIsRejected() {
        byte[] missing = Samples.edited(Samples.prescriptionScanned(),
                t -> ((ObjectNode) t.get("payload")).remove("recordId"));
        byte[] zero = Samples.edited(Samples.prescriptionScanned(),
                t -> ((ObjectNode) t.get("payload")).put("recordId", 0));

        assertEquals(ProtocolError.MISSING_FIELD,
                assertThrows(ProtocolException.class, () -> codec.decodeEvent(missing)).error());
        assertEquals(ProtocolError.INVALID_FIELD,
                assertThrows(ProtocolException.class, () -> codec.decodeEvent(zero)).error());
    }
}
