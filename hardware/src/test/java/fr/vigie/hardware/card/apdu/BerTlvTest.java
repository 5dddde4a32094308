package fr.vigie.hardware.card.apdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.hardware.card.CardError;
import fr.vigie.hardware.card.CardRejectedException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BerTlvTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void parsesNestedTemplatesWithMultiByteTagsAndLongLengths() throws Exception {
        // given an FCP with a two-byte tag inside, and a 0x81 long length form
        byte[] value = new byte[130];
        byte[] data = new byte[3 + 130 + 7];
        System.arraycopy(hex("048182"), 0, data, 0, 3);
        System.arraycopy(value, 0, data, 3, 130);
        System.arraycopy(hex("62 05 5F20 02 4142"), 0, data, 133, 7);

        // when
        List<Tlv> all = BerTlv.parse(data);

        // then
        assertThat(all).hasSize(2);
        assertThat(all.get(0).tag()).isEqualTo(0x04);
        assertThat(all.get(0).length()).isEqualTo(130);
        assertThat(all.get(1).isConstructed()).isTrue();
        assertThat(all.get(1).find(0x5F20).orElseThrow().value()).containsExactly(0x41, 0x42);
    }

    @Test
    void encodingThenParsingGivesTheSameObjects() throws Exception {
        Tlv t = Tlv.constructed(0x70, Tlv.of(0xBF8101, new byte[300]), Tlv.of(0x9B, new byte[] {3}));
        assertThat(BerTlv.parseOne(t.encode())).isEqualTo(t);
        assertThat(BerTlv.parseOne(t.encode()).children()).hasSize(2);
    }

    @ParameterizedTest(name = "{0} is rejected: {1}")
    @CsvSource({
        "'',                 'exactly one object'",
        "'5F',               'tag truncated'",
        "'5F 81 81 20 00',   'tag longer than 3 bytes'",
        "'04',               'length missing'",
        "'04 80 00 00',      'indefinite length'",
        "'04 84 00 00 00 01','too long'",
        "'04 82 01',         'length field truncated'",
        "'04 05 01 02',      'exceeds the 2 byte(s) left'",
        "'00 04 00',         'padding'",
        "'04 00 FF',         'padding'",
    })
    void malformedInputIsRejectedWithItsReason(String input, String reason) {
        assertThatThrownBy(() -> BerTlv.parseOne(hex(input)))
                .isInstanceOf(CardRejectedException.class)
                .hasMessageContaining(reason)
                .extracting(e -> ((CardRejectedException) e).error())
                .isEqualTo(CardError.CARD_MALFORMED_RESPONSE);
    }

    @Test
    void wrongExpectedTagIsRejected() {
        assertThatThrownBy(() -> BerTlv.parseOne(hex("6F 00"), 0x62)).hasMessageContaining("expected tag 62");
    }
}
