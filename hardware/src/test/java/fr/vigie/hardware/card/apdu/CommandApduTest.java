package fr.vigie.hardware.card.apdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.hardware.card.CardRejectedException;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CommandApduTest {

    @Property(tries = 500)
    void everyCaseShortAndExtendedRoundTrips(@ForAll @Size(max = 400) byte[] data,
            @ForAll @IntRange(min = 0, max = 65536) int ne) throws Exception {
        CommandApdu c = new CommandApdu(0x00, 0xB0, 0x01, 0x02, data, ne);
        CommandApdu back = CommandApdu.parse(c.toBytes());
        assertThat(back.data()).isEqualTo(data);
        assertThat(back.ne()).isEqualTo(ne);
    }

    @Test
    void shortEncodingsMatchIso7816() {
        assertThat(HexFormat.of().formatHex(Iso7816.readBinary(0x0102, 256).toBytes())).isEqualTo("00b0010200");
        assertThat(HexFormat.of().formatHex(new CommandApdu(0, 0x20, 0, 1, new byte[] {0x31}, 0).toBytes()))
                .isEqualTo("002000010131");
    }

    @Test
    void pinDataNeverAppearsInTheRenderedCommand() {
        CommandApdu verify = new CommandApdu(0x00, 0x20, 0x00, 0x01, "1234".getBytes(), 0);
        assertThat(verify.toString()).doesNotContain("31323334").contains("4 secret bytes redacted");
        assertThat(Iso7816.selectAid(new byte[] {1, 2}).toString()).contains("0102");
    }

    @Test
    void inconsistentLengthsAreRejected() {
        assertThatThrownBy(() -> CommandApdu.parse(HexFormat.of().parseHex("00A4040005A000")))
                .isInstanceOf(CardRejectedException.class).hasMessageContaining("short Lc 5");
        assertThatThrownBy(() -> CommandApdu.parse(new byte[3])).hasMessageContaining("shorter than 4");
    }
}
