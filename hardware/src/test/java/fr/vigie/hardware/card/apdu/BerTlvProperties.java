package fr.vigie.hardware.card.apdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.hardware.card.CardError;
import fr.vigie.hardware.card.CardRejectedException;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class BerTlvProperties {

    @Property(tries = 2000)
    void arbitraryBytesAreParsedOrRejectedNeverCrash(@ForAll @Size(max = 300) byte[] data) {
        try {
            List<Tlv> all = BerTlv.parse(data);
            int total = all.stream().mapToInt(t -> t.encode().length).sum();
            assertThat(total).isLessThanOrEqualTo(data.length);
        } catch (CardRejectedException e) {
            assertThat(e.error()).isEqualTo(CardError.CARD_MALFORMED_RESPONSE);
            assertThat(e.getMessage()).contains("BER-TLV");
        }
    }

    @Property
    void encodedObjectsRoundTrip(@ForAll("objects") Tlv tlv) throws Exception {
        assertThat(BerTlv.parseOne(tlv.encode())).isEqualTo(tlv);
    }

    @Property
    void everyTruncationOfAnObjectIsRejected(@ForAll("objects") Tlv tlv, @ForAll @IntRange(min = 1, max = 400) int cut) {
        byte[] full = tlv.encode();
        int keep = full.length - 1 - (cut % full.length);
        byte[] truncated = Arrays.copyOf(full, keep);
        assertThatThrownBy(() -> BerTlv.parseOne(truncated)).isInstanceOf(CardRejectedException.class);
    }

    @Provide
    Arbitrary<Tlv> objects() {
        Arbitrary<Integer> tags = Arbitraries.of(0x04, 0x5A, 0x80, 0x9B, 0x5F20, 0xBF8101, 0x7F49);
        Arbitrary<byte[]> values = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        return tags.flatMap(tag -> values.map(v -> Tlv.of(tag, v)));
    }
}
