package fr.vigie.hardware.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.protocol.ErrorKind;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Hostile payloads: whatever the bytes, the classifier answers with a payload or a coded rejection. */
class PayloadClassifierProperties {

    @Property(tries = 500)
    void randomBytesAreClassifiedOrRejectedNeverCrash(@ForAll byte[] bytes) {
        classifyOrRejected(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    @Property(tries = 500)
    void damagedInsDataMatrixIsNeverAcceptedWithOtherContent(@ForAll @IntRange(min = 0, max = 170) int at,
            @ForAll("damage") char replacement) {
        String text = TestIdentities.dartagnan().text();
        if (at >= text.length()) {
            at = text.length() - 1;
        }
        String damaged = text.substring(0, at) + replacement + text.substring(at + 1);
        ScannedPayload p = classifyOrRejected(damaged);
        if (p instanceof InsDataMatrix dm) {
            // Only a change to another valid identity, written exactly as INSi writes it, may be accepted.
            assertThat(dm.text()).isEqualTo(damaged);
        }
    }

    @Property(tries = 300)
    void twoDDocPrefixWithJunkIsClassifiedOrRejected(@ForAll("junk") String junk) {
        classifyOrRejected("DC03" + junk);
    }

    @Provide
    Arbitrary<Character> damage() {
        return Arbitraries.of('0', '9', 'S', 'A', 'z', ScannedCode.GS, ScannedCode.US, ' ', '-', '\'', '\u00C6');
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.strings().withCharRange((char) 0, (char) 0x7F).ofMaxLength(200);
    }

    private static ScannedPayload classifyOrRejected(String text) {
        try {
            return PayloadClassifierTest.classify(BarcodeFormat.DATA_MATRIX, text);
        } catch (BarcodeRejectedException e) {
            assertThat(e.error().kind()).isEqualTo(ErrorKind.REJECTED);
            assertThat(e.getMessage()).isNotBlank();
            return null;
        }
    }
}
