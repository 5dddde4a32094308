package fr.vigie.hardware.barcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PayloadClassifierTest {
    static final PayloadClassifier CLASSIFIER = PayloadClassifier.standard(
            Clock.fixed(TestIdentities.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    static final String APCV = "APCV1." + Base64.getUrlEncoder().withoutPadding().encodeToString(
            "{\"alg\":\"ES256\"}".getBytes(StandardCharsets.US_ASCII)) + ".eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

    @Test
    void insDataMatrixIsRecognised() throws Exception {
        assertThat(classify(BarcodeFormat.DATA_MATRIX, TestIdentities.dartagnan().text())).isInstanceOf(InsDataMatrix.class);
        assertThat(classify(BarcodeFormat.UNKNOWN, TestIdentities.dartagnan().text())).isInstanceOf(InsDataMatrix.class);
    }

    @Test
    void insPayloadInAQrCodeIsMislabelled() {
        assertRejected(BarcodeFormat.QR_CODE, TestIdentities.dartagnan().text(), BarcodeError.BARCODE_MISLABELLED);
    }

    @Test
    void is02IsMislabelledAndAShortIsPrefixIsTruncated() {
        assertRejected(BarcodeFormat.DATA_MATRIX, "IS02" + "0".repeat(22) + "S1", BarcodeError.BARCODE_MISLABELLED);
        assertRejected(BarcodeFormat.DATA_MATRIX, "IS0", BarcodeError.BARCODE_TRUNCATED);
    }

    @Test
    void twoDDocIsRecognised() throws Exception {
        assertThat(classify(BarcodeFormat.DATA_MATRIX, TwoDDocTest.V4)).isInstanceOf(TwoDDoc.class);
    }

    @Test
    void apcvTokenIsRecognisedAndItsToStringHidesIt() throws Exception {
        ScannedPayload p = classify(BarcodeFormat.QR_CODE, APCV);
        assertThat(p).isInstanceOfSatisfying(ApcvToken.class, t -> {
            assertThat(t.header()).contains("ES256");
            assertThat(t.toString()).isEqualTo("ApcvToken[" + APCV.length() + " chars]");
        });
    }

    @Test
    void malformedApcvTokensAreRejected() {
        assertRejected(BarcodeFormat.QR_CODE, "APCV1.abc.def", BarcodeError.APCV_MALFORMED);
        assertRejected(BarcodeFormat.QR_CODE, "APCV1.e30.e30.c2ln", BarcodeError.APCV_MALFORMED);
        assertRejected(BarcodeFormat.QR_CODE, "APCV1.a b.c.d", BarcodeError.APCV_MALFORMED);
        assertRejected(BarcodeFormat.QR_CODE, "APCV2.x.y.z", BarcodeError.BARCODE_MISLABELLED);
    }

    @Test
    void ePrescriptionNumbersAreNormalised() throws Exception {
        assertThat(classify(BarcodeFormat.QR_CODE, "ORDO:ab12-CD34-ef56-GH78")).isEqualTo(new EPrescription("AB12CD34EF56GH78"));
        assertThat(classify(BarcodeFormat.UNKNOWN, "  1234567890AB  ")).isEqualTo(new EPrescription("1234567890AB"));
        assertThat(classify(BarcodeFormat.UNKNOWN, "RX: 12 34 56 78 90")).isEqualTo(new EPrescription("1234567890"));
    }

    @Test
    void wordsLinksAndShortNumbersAreUnknownWithAReason() throws Exception {
        assertThat(classify(BarcodeFormat.QR_CODE, "HELLOWORLDABC")).isInstanceOf(UnknownPayload.class);
        assertThat(classify(BarcodeFormat.QR_CODE, "12345")).isInstanceOf(UnknownPayload.class);
        assertThat(classify(BarcodeFormat.QR_CODE, "https://example.org/x"))
                .isInstanceOfSatisfying(UnknownPayload.class, u -> assertThat(u.reason()).contains("web address"));
        assertThat(classify(BarcodeFormat.QR_CODE, ""))
                .isInstanceOfSatisfying(UnknownPayload.class, u -> assertThat(u.reason()).contains("empty"));
    }

    @Test
    void aSiteRuleReplacesTheDefault() throws Exception {
        PayloadClassifier strict = CLASSIFIER.withEPrescriptionRule(EPrescriptionRule.of("(?<number>[0-9]{20})", 20, 20));
        ScannedCode twenty = new ScannedCode(BarcodeFormat.QR_CODE, "12345678901234567890", ScanSource.IMAGE);
        ScannedCode grouped = new ScannedCode(BarcodeFormat.QR_CODE, "ORDO:AB12-CD34-EF56", ScanSource.IMAGE);
        assertThat(strict.classify(twenty)).isInstanceOf(EPrescription.class);
        assertThat(strict.classify(grouped)).isInstanceOf(UnknownPayload.class);
        assertThatThrownBy(() -> EPrescriptionRule.of("[0-9]+", 1, 5)).hasMessageContaining("number");
        assertThatThrownBy(() -> EPrescriptionRule.of("(?<number>[", 1, 5)).hasMessageContaining("compile");
    }

    static ScannedPayload classify(BarcodeFormat format, String text) throws BarcodeRejectedException {
        return CLASSIFIER.classify(new ScannedCode(format, text, ScanSource.IMAGE));
    }

    private static void assertRejected(BarcodeFormat format, String text, BarcodeError error) {
        assertThatThrownBy(() -> classify(format, text)).isInstanceOfSatisfying(BarcodeRejectedException.class,
                e -> assertThat(e.error()).isEqualTo(error));
    }
}
