package fr.vigie.hardware.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VitaleCardTest {

    @Test
    void readsTheInsuredPersonAndDependantsIncludingLunarDatesAndTwins() throws Exception {
        VitaleCard.Content content = VitaleCard.open(TestCards.vitale().directChannel(), null).read();

        assertThat(content.insuredNir()).isEqualTo("180032B02040123");
        assertThat(content.beneficiaries()).hasSize(3);
        VitaleBeneficiary lea = content.beneficiaries().get(1);
        assertThat(lea.givenNames()).isEqualTo("LEA");
        assertThat(lea.birthDate().isLunar()).isTrue();
        assertThat(lea.birthDate().toString()).isEqualTo("20120000");
        assertThat(content.beneficiaries().get(2).rang()).isEqualTo(2);
        assertThat(content.beneficiaries().get(0).birthDate().toLocalDate()).isPresent();
    }

    @Test
    void theNirIsNeverPrintedInFull() throws Exception {
        VitaleCard.Content content = VitaleCard.open(TestCards.vitale().directChannel(), null).read();
        assertThat(content.beneficiaries().get(0).toString()).doesNotContain("180032B02040123");
    }

    @Test
    void aCpsIsNotAVitaleCard() {
        assertThatThrownBy(() -> VitaleCard.open(TestCards.cps().directChannel(), null))
                .hasMessageContaining("CARD_NOT_SUPPORTED");
    }

    @Test
    void unusualBirthDatesAreKeptAsReadAndBadOnesRejected() throws Exception {
        assertThat(VitaleBirthDate.parse("19553200").isLunar()).isTrue();
        assertThat(VitaleBirthDate.parse("19550229").isLunar()).isTrue();
        assertThat(VitaleBirthDate.parse("19560229").toLocalDate()).isPresent();
        assertThatThrownBy(() -> VitaleBirthDate.parse("1955-1-1")).hasMessageContaining("CARD_MALFORMED_RESPONSE");
    }
}
