package fr.vigie.hardware.card.apdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.hardware.card.CardError;
import fr.vigie.hardware.card.CardRejectedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApduSessionTest {

    @Test
    void moreDataAvailableIsCollectedWithGetResponse() throws Exception {
        List<CommandApdu> sent = new ArrayList<>();
        ApduSession session = new ApduSession(c -> {
            sent.add(c);
            return c.ins() == 0xC0 ? new ResponseApdu(new byte[] {3, 4}, 0x9000) : new ResponseApdu(new byte[] {1, 2}, 0x6102);
        });

        ResponseApdu r = session.transmit(new CommandApdu(0, 0x88, 0, 0, new byte[] {9}, 256));

        assertThat(r.data()).containsExactly(1, 2, 3, 4);
        assertThat(r.sw()).isEqualTo(0x9000);
        assertThat(sent.get(1).ne()).isEqualTo(2);
        assertThat(session.apduCount()).isEqualTo(2);
    }

    @Test
    void wrongLeIsRetriedOnceWithTheExactLength() throws Exception {
        ApduSession session = new ApduSession(c -> c.ne() == 5
                ? new ResponseApdu(new byte[5], 0x9000) : ResponseApdu.status(0x6C05));
        assertThat(session.transmit(Iso7816.readBinary(0, 256)).length()).isEqualTo(5);
        assertThat(session.apduCount()).isEqualTo(2);
    }

    @Test
    void aCardThatNeverStopsSayingMoreDataIsRejected() {
        ApduSession session = new ApduSession(c -> new ResponseApdu(new byte[1], 0x6101));
        assertThatThrownBy(() -> session.transmit(Iso7816.readBinary(0, 1)))
                .isInstanceOf(CardRejectedException.class).hasMessageContaining("GET RESPONSE rounds");
    }

    @Test
    void readBinaryReadsInChunksUntilTheEndOfFile() throws Exception {
        byte[] file = new byte[600];
        Arrays.fill(file, (byte) 7);
        ApduSession session = new ApduSession(c -> {
            int off = (c.p1() << 8) | c.p2();
            if (off >= file.length) {
                return ResponseApdu.status(0x6B00);
            }
            int end = Math.min(file.length, off + c.ne());
            return new ResponseApdu(Arrays.copyOfRange(file, off, end), end - off < c.ne() ? 0x6282 : 0x9000);
        }, 100, new ApduTrace());

        assertThat(session.readBinary(-1, "test")).isEqualTo(file);
        assertThat(session.apduCount()).isEqualTo(7); // six full chunks, then 6B00 at the end
        assertThat(session.readBinary(600, "test")).hasSize(600);
    }

    @Test
    void aFileShorterThanAnnouncedIsRejected() {
        ApduSession session = new ApduSession(c -> new ResponseApdu(new byte[10], 0x6282));
        assertThatThrownBy(() -> session.readBinary(50, "EF.X"))
                .hasMessageContaining("announced 50 bytes but ended at 10");
    }

    @Test
    void statusWordsBecomeStableCodes() {
        assertThat(StatusWords.toRejection(0x63C2, "VERIFY").triesLeft()).hasValue(2);
        assertThat(StatusWords.toRejection(0x63C0, "VERIFY").error()).isEqualTo(CardError.CARD_PIN_BLOCKED);
        assertThat(StatusWords.toRejection(0x6983, "VERIFY").error()).isEqualTo(CardError.CARD_PIN_BLOCKED);
        assertThat(StatusWords.toRejection(0x6982, "X").error()).isEqualTo(CardError.CARD_SECURITY_NOT_SATISFIED);
        assertThat(StatusWords.toRejection(0x6A82, "X").error()).isEqualTo(CardError.CARD_FILE_NOT_FOUND);
        assertThat(StatusWords.toRejection(0x6D00, "X").error()).isEqualTo(CardError.CARD_INSTRUCTION_NOT_SUPPORTED);
        assertThat(StatusWords.toRejection(0x9123, "X").error()).isEqualTo(CardError.CARD_UNEXPECTED_STATUS);
        assertThat(StatusWords.toRejection(0x9123, "READ X").getMessage()).contains("READ X answered 9123");
    }

    @Test
    void theTraceKeepsTheLastExchangesWithoutPins() throws Exception {
        ApduTrace trace = new ApduTrace(2, java.time.Clock.systemUTC());
        ApduSession session = new ApduSession(c -> ResponseApdu.status(0x9000), 256, trace);
        session.transmit(new CommandApdu(0, 0x20, 0, 1, "9876".getBytes(), 0));
        session.transmit(Iso7816.selectAid(new byte[] {1}));
        session.transmit(Iso7816.selectAid(new byte[] {2}));
        assertThat(trace.entries()).hasSize(2);
        trace.entries().forEach(e -> assertThat(e.command()).doesNotContain("39383736"));
    }
}
