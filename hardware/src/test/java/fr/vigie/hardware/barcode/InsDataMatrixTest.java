package fr.vigie.hardware.barcode;

import static fr.vigie.hardware.barcode.TestIdentities.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.protocol.identity.IdentityError;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.TraitsInput;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InsDataMatrixTest {
    private static final char GS = ScannedCode.GS;

    private static final String DARTAGNAN = InsDataMatrix.HEADER + "S1" + TestIdentities.NIR_MALE
            + "S21.2.250.1.213.1.4.8" + GS + "S3JEAN-PIERRE MARIE" + GS + "S4D'ARTAGNAN DE L'HERAULT" + GS
            + "S5M" + "S612-03-1950" + "S72A004";

    @Test
    void encodesFieldsInOrderWithGsAfterShortVariableFieldsOnly() {
        assertThat(TestIdentities.dartagnan().text()).isEqualTo(DARTAGNAN);
    }

    @Test
    void parsesWhatItEncodes() throws Exception {
        InsDataMatrix dm = InsDataMatrix.parse(DARTAGNAN, TODAY);
        assertThat(dm).isEqualTo(TestIdentities.dartagnan());
        assertThat(dm.traits().nomNaissance()).isEqualTo("D'ARTAGNAN DE L'HERAULT");
        assertThat(dm.traits().listePrenom()).containsExactly("JEAN-PIERRE", "MARIE");
        assertThat(dm.traits().lieuNaissance()).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("2A004"));
    }

    @Test
    void twentyCharacterOidAndHundredCharacterNamesCarryNoGs() throws Exception {
        String nom = TestIdentities.longName(100, "DE L'ABBAYE-");
        String prenoms = TestIdentities.longName(100, "MARIE-ANNE ");
        InsDataMatrix dm = TestIdentities.encode(TestIdentities.NIR_CORSICA, InsOid.INS_NIR_TEST,
                TraitsInput.of(nom, prenoms, "F", "1997-02-00"));
        String text = dm.text();
        assertThat(text).doesNotContain(String.valueOf(GS));
        assertThat(text).contains("S21.2.250.1.213.1.4.10S3").contains("S600-02-1997").doesNotContain("S7");
        assertThat(InsDataMatrix.parse(text, TODAY)).isEqualTo(dm);
    }

    @Test
    void aSpaceInPlaceOfTheGsAfterTheOidIsRejectedNotSwallowed() {
        String damaged = DARTAGNAN.replaceFirst("(S2[0-9.]+)\u001D", "$1 ");

        assertThatThrownBy(() -> InsDataMatrix.parse(damaged, TODAY)).isInstanceOfSatisfying(
                BarcodeRejectedException.class, e -> assertThat(e.error()).isEqualTo(BarcodeError.INS_DM_BAD_OID));
    }

    @Test
    void withoutBirthPlaceEndsAfterTheDate() throws Exception {
        InsDataMatrix dm = TestIdentities.encode(TestIdentities.NIR_MALE, InsOid.INS_NIR,
                TraitsInput.of("O'NEILL", "JEAN", "M", "1980-03-01"));
        assertThat(dm.text()).endsWith("S601-03-1980");
        assertThat(InsDataMatrix.parse(dm.text(), TODAY).traits().lieuNaissance()).isEmpty();
    }

    @Test
    void refusesToEncodeAnIdentityThatIsNotQualified() {
        for (RnivStatus status : EnumSet.of(RnivStatus.PROV, RnivStatus.RECUP, RnivStatus.VALI)) {
            assertThatThrownBy(() -> InsDataMatrix.encode(TestIdentities.matricule(TestIdentities.NIR_MALE), InsOid.INS_NIR,
                    TestIdentities.dartagnan().traits(), status))
                    .isInstanceOfSatisfying(BarcodeRejectedException.class,
                            e -> assertThat(e.error()).isEqualTo(BarcodeError.INS_DM_NOT_QUALIFIED));
        }
    }

    @Test
    void toStringShowsTheMaskedMatriculeOnly() {
        assertThat(TestIdentities.dartagnan().toString()).contains("1************23").doesNotContain("18003")
                .doesNotContain("ARTAGNAN");
    }

    @Test
    void everyTruncationIsRejectedExceptTheOneBeforeTheOptionalBirthPlace() {
        Set<BarcodeError> seen = EnumSet.noneOf(BarcodeError.class);
        int validCut = DARTAGNAN.indexOf("S72A004");
        for (int cut = 0; cut < DARTAGNAN.length(); cut++) {
            String truncated = DARTAGNAN.substring(0, cut);
            if (cut == validCut) {
                continue;
            }
            try {
                InsDataMatrix.parse(truncated, TODAY);
                throw new AssertionError("accepted a payload cut at " + cut);
            } catch (BarcodeRejectedException e) {
                seen.add(e.error());
            }
        }
        assertThat(seen).contains(BarcodeError.BARCODE_TRUNCATED, BarcodeError.INS_DM_FIELD_MISSING)
                .isSubsetOf(BarcodeError.BARCODE_TRUNCATED, BarcodeError.INS_DM_FIELD_MISSING,
                        BarcodeError.INS_DM_BAD_HEADER, BarcodeError.INS_DM_BAD_OID, BarcodeError.INS_DM_BAD_TRAIT);
    }

    @Test
    void cutInsideTheMatriculeIsTruncated() {
        assertRejected(DARTAGNAN.substring(0, 26 + 2 + 7), BarcodeError.BARCODE_TRUNCATED, "S1 (matricule) has 7 of its 15");
    }

    @Test
    void versionOtherThanOneIsMislabelled() {
        assertRejected("IS02" + DARTAGNAN.substring(4), BarcodeError.BARCODE_MISLABELLED, "version '02'");
    }

    @Test
    void headerWithoutItsZerosIsBad() {
        assertRejected("IS01" + "0".repeat(21) + "1" + DARTAGNAN.substring(26), BarcodeError.INS_DM_BAD_HEADER,
                "character 26");
    }

    @Test
    void gsAfterTheFixedLengthMatriculeIsABadSeparator() {
        String text = DARTAGNAN.replace(TestIdentities.NIR_MALE, TestIdentities.NIR_MALE + GS);
        assertRejected(text, BarcodeError.INS_DM_BAD_SEPARATOR, "after S1");
    }

    @Test
    void doubledGsIsABadSeparator() {
        assertRejected(DARTAGNAN.replace("MARIE" + GS, "MARIE" + GS + GS), BarcodeError.INS_DM_BAD_SEPARATOR, "GS");
    }

    @Test
    void gsInsideTheDateIsABadSeparator() {
        assertRejected(DARTAGNAN.replace("S612-03-1950", "S612-03" + GS + "1950"), BarcodeError.INS_DM_BAD_SEPARATOR,
                "S6");
    }

    @Test
    void unknownFieldIdentifierIsNamed() {
        assertRejected(DARTAGNAN.replace("S72A004", "S82A004"), BarcodeError.INS_DM_UNKNOWN_FIELD, "'S8'");
    }

    @Test
    void fieldsOutOfOrderAreRejected() {
        String swapped = DARTAGNAN.replace("S5MS612-03-1950", "S612-03-1950S5M");
        assertThat(rejection(swapped).error()).isIn(BarcodeError.INS_DM_FIELD_MISSING, BarcodeError.INS_DM_FIELD_ORDER);
        String twice = DARTAGNAN.replace("S72A004", "S5M");
        assertRejected(twice, BarcodeError.INS_DM_FIELD_ORDER, "S5");
    }

    @Test
    void missingMandatoryFieldIsNamed() {
        assertRejected(DARTAGNAN.replace("S5M", ""), BarcodeError.INS_DM_FIELD_MISSING, "S5 (sexe) is missing");
        assertRejected(DARTAGNAN.replace("S3JEAN-PIERRE MARIE" + GS, ""), BarcodeError.INS_DM_FIELD_MISSING, "S3");
    }

    @Test
    void emptyVariableFieldIsMissing() {
        assertRejected(DARTAGNAN.replace("S3JEAN-PIERRE MARIE" + GS, "S3" + GS), BarcodeError.INS_DM_FIELD_MISSING,
                "S3 (prénoms) is empty");
    }

    @Test
    void nameLongerThanHundredIsTooLong() {
        String tooLong = TestIdentities.longName(101, "DUPONT-");
        assertRejected(DARTAGNAN.replace("D'ARTAGNAN DE L'HERAULT", tooLong), BarcodeError.INS_DM_FIELD_TOO_LONG, "S4");
    }

    @Test
    void keyMismatchReusesTheIdentityError() {
        BarcodeRejectedException e = rejection(DARTAGNAN.replace(TestIdentities.NIR_MALE, "180032B02040124"));
        assertThat(e.error()).isEqualTo(BarcodeError.INS_DM_BAD_MATRICULE);
        assertThat(e.identityError()).contains(IdentityError.KEY_MISMATCH);
        assertThat(e.getMessage()).doesNotContain("180032B020401");
    }

    @Test
    void unknownOidIsRejected() {
        BarcodeRejectedException e = rejection(DARTAGNAN.replace("1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.7"));
        assertThat(e.error()).isEqualTo(BarcodeError.INS_DM_BAD_OID);
        assertThat(e.identityError()).contains(IdentityError.OID_UNKNOWN);
    }

    @Test
    void badTraitsAreRejectedWithTheirField() {
        BarcodeRejectedException sex = rejection(DARTAGNAN.replace("S5M", "S5X"));
        assertThat(sex.error()).isEqualTo(BarcodeError.INS_DM_BAD_TRAIT);
        assertThat(sex.identityError()).contains(IdentityError.TRAIT_BAD_SEX);
        assertThat(sex.getMessage()).startsWith("S5");
        BarcodeRejectedException date = rejection(DARTAGNAN.replace("12-03-1950", "31-02-1950"));
        assertThat(date.identityError()).contains(IdentityError.TRAIT_BAD_DATE);
        assertThat(date.getMessage()).startsWith("S6");
        BarcodeRejectedException ligature = rejection(DARTAGNAN.replace("D'ARTAGNAN", "D'ÆION"));
        assertThat(ligature.identityError()).contains(IdentityError.TRAIT_LIGATURE);
    }

    @Test
    void traitsNotWrittenAsInsiWritesThemAreRejected() {
        BarcodeRejectedException lower = rejection(DARTAGNAN.replace("D'ARTAGNAN", "D'Artagnan"));
        assertThat(lower.error()).isEqualTo(BarcodeError.INS_DM_BAD_TRAIT);
        assertThat(lower.getMessage()).startsWith("INS DataMatrix: S4");
        assertRejected(DARTAGNAN.replace("PIERRE MARIE", "PIERRE" + ScannedCode.US + "MARIE"),
                BarcodeError.INS_DM_BAD_TRAIT, "control character");
    }

    private static void assertRejected(String text, BarcodeError error, String messagePart) {
        BarcodeRejectedException e = rejection(text);
        assertThat(e.error()).isEqualTo(error);
        assertThat(e.getMessage()).contains(messagePart);
    }

    private static BarcodeRejectedException rejection(String text) {
        try {
            InsDataMatrix.parse(text, TODAY);
        } catch (BarcodeRejectedException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }
}
