package fr.vigie.hardware.barcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwoDDocTest {
    private static final char GS = ScannedCode.GS;
    /** 64 bytes of r||s in base32: 103 characters. */
    static final String SIGNATURE_P256 = "A".repeat(103);
    static final String V4 = "DC04" + "FR00" + "0001" + "1F0A" + "FFFF" + "01" + "01" + "FR"
            + "10MME ANNE DUPONT" + GS + "2475001" + ScannedCode.US + SIGNATURE_P256;

    @Test
    void parsesAVersionFourHeaderAndFields() throws Exception {
        TwoDDoc doc = TwoDDoc.parse(V4);
        assertThat(doc.version()).isEqualTo(4);
        assertThat(doc.caId()).isEqualTo("FR00");
        assertThat(doc.certificateId()).isEqualTo("0001");
        assertThat(doc.issueDate()).contains(LocalDate.of(2000, 1, 1).plusDays(0x1F0A));
        assertThat(doc.signatureDate()).isEmpty();
        assertThat(doc.documentType()).isEqualTo("01");
        assertThat(doc.perimeter()).contains("01");
        assertThat(doc.country()).contains("FR");
        assertThat(doc.fields()).containsExactly(new TwoDDoc.Field("10", "MME ANNE DUPONT"), new TwoDDoc.Field("24", "75001"));
        assertThat(doc.signedText()).doesNotContain(String.valueOf(ScannedCode.US));
        assertThat(doc.toString()).doesNotContain("DUPONT");
    }

    @Test
    void versionTwoHasNeitherPerimeterNorCountry() throws Exception {
        TwoDDoc doc = TwoDDoc.parse("DC02FR000001125E125C01" + "10JEAN" + ScannedCode.US + SIGNATURE_P256);
        assertThat(doc.perimeter()).isEmpty();
        assertThat(doc.country()).isEmpty();
        assertThat(doc.signatureDate()).contains(LocalDate.of(2000, 1, 1).plusDays(0x125C));
    }

    @Test
    void fixedLengthFieldsAreSplitWithADictionary() throws Exception {
        String text = "DC02FR000001125E125C01" + "2475001" + "10JEAN" + ScannedCode.US + SIGNATURE_P256;
        assertThat(TwoDDoc.parse(text).fields()).hasSize(1);
        assertThat(TwoDDoc.parse(text, Map.of("24", 5)).fields()).extracting(TwoDDoc.Field::id).containsExactly("24", "10");
    }

    @Test
    void unknownVersionIsMislabelled() {
        assertRejected(V4.replace("DC04", "DC09"), BarcodeError.BARCODE_MISLABELLED);
    }

    @Test
    void badCaIdIsABadHeader() {
        assertRejected(V4.replace("DC04FR00", "DC04fr00"), BarcodeError.TWODDOC_BAD_HEADER);
    }

    @Test
    void badCountryIsABadHeader() {
        assertRejected(V4.replace("0101FR10", "010112" + "10"), BarcodeError.TWODDOC_BAD_HEADER);
    }

    @Test
    void nonHexDateIsRejected() {
        assertRejected(V4.replace("1F0A", "1G0A"), BarcodeError.TWODDOC_BAD_DATE);
    }

    @Test
    void headerCutShortIsTruncated() {
        assertRejected("DC04FR000001", BarcodeError.BARCODE_TRUNCATED);
    }

    @Test
    void missingSignatureIsRejected() {
        assertRejected(V4.substring(0, V4.indexOf(ScannedCode.US)), BarcodeError.TWODDOC_SIGNATURE_MISSING);
    }

    @Test
    void signatureOfTheWrongLengthOrAlphabetIsRejected() {
        assertRejected(V4.replace(SIGNATURE_P256, "A".repeat(100)), BarcodeError.TWODDOC_BAD_SIGNATURE);
        assertRejected(V4.replace(SIGNATURE_P256, "a".repeat(103)), BarcodeError.TWODDOC_BAD_SIGNATURE);
        assertRejected(V4.replace(SIGNATURE_P256, ""), BarcodeError.TWODDOC_BAD_SIGNATURE);
    }

    @Test
    void strayGsOrEmptyMessageIsABadField() {
        assertRejected(V4.replace("10MME", GS + "10MME"), BarcodeError.TWODDOC_BAD_FIELD);
        assertRejected("DC02FR000001125E125C01" + ScannedCode.US + SIGNATURE_P256, BarcodeError.TWODDOC_BAD_FIELD);
    }

    @Test
    void p384AndP521SignaturesAreAccepted() throws Exception {
        assertThat(TwoDDoc.parse(V4.replace(SIGNATURE_P256, "B".repeat(154))).signature()).hasSize(154);
        assertThat(TwoDDoc.parse(V4.replace(SIGNATURE_P256, "C".repeat(212) + "====")).signature()).hasSize(216);
    }

    private static void assertRejected(String text, BarcodeError error) {
        assertThatThrownBy(() -> TwoDDoc.parse(text)).isInstanceOfSatisfying(BarcodeRejectedException.class,
                e -> assertThat(e.error()).isEqualTo(error));
    }
}
