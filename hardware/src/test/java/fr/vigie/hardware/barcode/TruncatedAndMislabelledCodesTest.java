package fr.vigie.hardware.barcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.protocol.ErrorKind;
import org.junit.jupiter.api.Test;

/** Codes cut short or carried by the wrong symbology are refused with a code, never taken for something else. */
class TruncatedAndMislabelledCodesTest {

    @Test
    void anApcvTokenCutBeforeItsSignatureIsRejectedAtEveryLength() {
        String token = PayloadClassifierTest.APCV;
        int secondDot = token.indexOf('.', token.indexOf('.', ApcvToken.PREFIX.length()) + 1);
        for (int cut = ApcvToken.PREFIX.length(); cut <= secondDot; cut++) {
            String prefix = token.substring(0, cut);
            assertThatThrownBy(() -> PayloadClassifierTest.classify(BarcodeFormat.QR_CODE, prefix))
                    .as("cut at %d", cut).isInstanceOfSatisfying(BarcodeRejectedException.class,
                            e -> assertThat(e.error()).isEqualTo(BarcodeError.APCV_MALFORMED));
        }
    }

    @Test
    void anApcvTokenLongerThanAnyQrCodeHoldsIsTooLong() {
        String longToken = PayloadClassifierTest.APCV + "A".repeat(ApcvToken.MAX_LENGTH);

        assertThatThrownBy(() -> PayloadClassifierTest.classify(BarcodeFormat.QR_CODE, longToken))
                .isInstanceOfSatisfying(BarcodeRejectedException.class,
                        e -> assertThat(e.error()).isEqualTo(BarcodeError.BARCODE_TOO_LONG));
    }

    @Test
    void aTwoDDocInAQrCodeIsMislabelled() {
        assertThatThrownBy(() -> PayloadClassifierTest.classify(BarcodeFormat.QR_CODE, TwoDDocTest.V4))
                .isInstanceOfSatisfying(BarcodeRejectedException.class,
                        e -> assertThat(e.error()).isEqualTo(BarcodeError.BARCODE_MISLABELLED));
    }

    @Test
    void anInsDataMatrixCutAnywhereInsideItsMandatoryFieldsIsNeverAccepted() {
        String text = TestIdentities.dartagnan().text();
        int beforeBirthPlace = text.lastIndexOf("S7");
        assertThat(beforeBirthPlace).isGreaterThan(InsDataMatrix.HEADER.length() + 40);
        for (int cut = 0; cut < beforeBirthPlace; cut++) {
            String prefix = text.substring(0, cut);
            try {
                ScannedPayload p = PayloadClassifierTest.classify(BarcodeFormat.DATA_MATRIX, prefix);
                assertThat(p).as("cut at %d", cut).isNotInstanceOf(InsDataMatrix.class);
            } catch (BarcodeRejectedException e) {
                assertThat(e.error().kind()).isEqualTo(ErrorKind.REJECTED);
            }
        }
    }
}
