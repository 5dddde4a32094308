package fr.vigie.hardware.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.hardware.card.apdu.ApduTrace;
import fr.vigie.hardware.sim.card.VirtualCpsCard;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class CpsCardTest {
    private final VirtualCpsCard card = TestCards.cps();
    private final byte[] challenge = new SecureRandom().generateSeed(32);

    @Test
    void contactCardGivesItsHolderSerialAndPinCounter() throws Exception {
        CpsCard cps = CpsCard.open(card.directChannel(), null);

        assertThat(cps.mode()).isEqualTo(CpsCard.Mode.CONTACT);
        CpsHolder holder = cps.holder();
        assertThat(holder.idNatPs()).isEqualTo(TestCards.ID_NAT_PS);
        assertThat(holder.familyName()).isEqualTo("MARTIN");
        assertThat(holder.givenName()).isEqualTo("CLAIRE");
        assertThat(holder.certificate().getIssuerX500Principal().getName()).contains("AC IGC-SANTE ELEMENTAIRE PERSONNES");
        assertThat(cps.serial()).startsWith(CpsCard.CPS_ISSUER_PREFIX).hasSize(20);
        assertThat(cps.pinTriesLeft()).isEqualTo(3);
    }

    @Test
    void rightPinThenChallengeResponseSignsIn() throws Exception {
        CpsCard cps = CpsCard.open(card.directChannel(), null);
        cps.verifyPin("1234");
        assertThat(cps.authenticate(challenge)).hasSize(256);
    }

    @Test
    void challengeWithoutPinIsRefusedByTheContactCard() throws Exception {
        CpsCard cps = CpsCard.open(card.directChannel(), null);
        assertThatThrownBy(() -> cps.authenticate(challenge)).isInstanceOf(CardRejectedException.class)
                .extracting(e -> ((CardRejectedException) e).error()).isEqualTo(CardError.CARD_SECURITY_NOT_SATISFIED);
    }

    @Test
    void twoWrongPinsThenTheRightOneResetsTheCounter() throws Exception {
        CpsCard cps = CpsCard.open(card.directChannel(), null);
        assertThatThrownBy(() -> cps.verifyPin("0000")).isInstanceOfSatisfying(CardRejectedException.class,
                e -> assertThat(e.triesLeft()).hasValue(2));
        assertThatThrownBy(() -> cps.verifyPin("0001")).isInstanceOfSatisfying(CardRejectedException.class,
                e -> assertThat(e.triesLeft()).hasValue(1));
        cps.verifyPin("1234");
        assertThat(cps.pinTriesLeft()).isEqualTo(3);
    }

    @Test
    void threeWrongPinsBlockTheCardEvenForTheRightPin() throws Exception {
        CpsCard cps = CpsCard.open(card.directChannel(), null);
        for (String wrong : new String[] {"1111", "2222"}) {
            assertThatThrownBy(() -> cps.verifyPin(wrong)).hasMessageContaining("CARD_PIN_WRONG");
        }
        assertThatThrownBy(() -> cps.verifyPin("3333")).isInstanceOfSatisfying(CardRejectedException.class,
                e -> assertThat(e.error()).isEqualTo(CardError.CARD_PIN_BLOCKED));
        assertThatThrownBy(() -> cps.verifyPin("1234")).isInstanceOfSatisfying(CardRejectedException.class,
                e -> assertThat(e.error()).isEqualTo(CardError.CARD_PIN_BLOCKED));
        assertThat(cps.pinTriesLeft()).isZero();
        assertThat(card.pinTriesLeft()).isZero();
    }

    @Test
    void malformedPinIsRejectedWithoutReachingTheCard() throws Exception {
        CpsCard cps = CpsCard.open(card.directChannel(), null);
        int before = cps.apduCount();
        for (String bad : new String[] {"123", "12345", "12a4", ""}) {
            assertThatThrownBy(() -> cps.verifyPin(bad)).hasMessageContaining("CARD_PIN_FORMAT");
        }
        assertThat(cps.apduCount()).isEqualTo(before);
        assertThat(cps.pinTriesLeft()).isEqualTo(3);
    }

    @Test
    void contactlessTapAuthenticatesWithoutPinAndRefusesPinOperations() throws Exception {
        CpsCard cps = CpsCard.open(card.contactless().directChannel(), null);

        assertThat(cps.mode()).isEqualTo(CpsCard.Mode.CONTACTLESS);
        assertThat(cps.holder().idNatPs()).isEqualTo(TestCards.ID_NAT_PS);
        assertThat(cps.authenticate(challenge)).hasSize(256);
        assertThatThrownBy(() -> cps.verifyPin("1234")).hasMessageContaining("CARD_CONDITIONS_NOT_SATISFIED");
    }

    @Test
    void theTraceOfASignInNeverContainsThePin() throws Exception {
        ApduTrace trace = new ApduTrace();
        CpsCard cps = CpsCard.open(card.directChannel(), trace);
        cps.verifyPin("1234");
        assertThat(trace.entries()).anySatisfy(e -> assertThat(e.command()).startsWith("00200001"));
        assertThat(trace.entries()).allSatisfy(e -> assertThat(e.command()).doesNotContain("31323334"));
    }

    @Test
    void aVitaleCardIsNotACps() {
        assertThatThrownBy(() -> CpsCard.open(TestCards.vitale().directChannel(), null))
                .hasMessageContaining("CARD_NOT_SUPPORTED");
    }
}
