package fr.vigie.hardware.sim.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.hardware.card.TestCards;
import java.util.HexFormat;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import org.junit.jupiter.api.Test;

class VirtualReadersTest {
    private final VirtualReaders readers = new VirtualReaders("R0", "R1");
    private final CardTerminals terminals = readers.terminalFactory().terminals();

    @Test
    void waitForChangeReportsInsertionsAndRemovalsSinceTheLastCall() throws Exception {
        assertThat(terminals.waitForChange(10)).isFalse();

        readers.insert("R1", TestCards.cps());
        assertThat(terminals.waitForChange(1000)).isTrue();
        assertThat(terminals.list(CardTerminals.State.CARD_INSERTION)).extracting(CardTerminal::getName).containsExactly("R1");

        readers.remove("R1");
        assertThat(terminals.waitForChange(1000)).isTrue();
        assertThat(terminals.list(CardTerminals.State.CARD_REMOVAL)).extracting(CardTerminal::getName).containsExactly("R1");
        assertThat(terminals.waitForChange(10)).isFalse();
    }

    @Test
    void aConnectedCardAnswersWithItsAtrAndTheT0GetResponseDance() throws Exception {
        readers.insert("R0", TestCards.cps());
        Card card = terminals.getTerminal("R0").connect("*");

        assertThat(card.getATR().getBytes()).isEqualTo(VirtualCpsCard.CONTACT_ATR);
        // SELECT by AID without Le: T=0 cards answer 61xx, the data comes with GET RESPONSE
        byte[] select = HexFormat.of().parseHex("00A404000DE828BD080F8025000001FF0010");
        assertThat(card.getBasicChannel().transmit(new CommandAPDU(select)).getSW1()).isEqualTo(0x61);
    }

    @Test
    void connectingToAnEmptyOrUnpluggedReaderFails() throws Exception {
        CardTerminal r0 = terminals.getTerminal("R0");
        assertThatThrownBy(() -> r0.connect("*")).isInstanceOf(CardNotPresentException.class);
        readers.unplug("R0");
        assertThatThrownBy(r0::isCardPresent).isInstanceOf(CardException.class)
                .hasMessageContaining("SCARD_E_READER_UNAVAILABLE");
        assertThat(terminals.list()).extracting(CardTerminal::getName).containsExactly("R1");
    }

    @Test
    void aRemovedCardFailsLikePcscOnLinux() throws Exception {
        readers.insert("R0", TestCards.vitale());
        Card card = terminals.getTerminal("R0").connect("*");
        readers.remove("R0");
        assertThatThrownBy(() -> card.getBasicChannel().transmit(new CommandAPDU(0, 0xA4, 0, 0)))
                .isInstanceOf(CardException.class).hasMessageContaining("SCARD_W_REMOVED_CARD");
    }
}
