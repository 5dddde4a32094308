package fr.vigie.hardware.card.apdu;

import fr.vigie.hardware.card.CardError;
import fr.vigie.hardware.card.CardRejectedException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An ISO 7816-4 response APDU: response data followed by the two status bytes SW1 SW2. Immutable.
 */
public final class ResponseApdu {
    private final byte[] data;
    private final int sw;

    /** Creates a response from its data (copied) and its status word. */
    public ResponseApdu(byte[] data, int sw) {
        if (sw < 0 || sw > 0xFFFF) {
            throw new IllegalArgumentException("status word out of range: " + sw);
        }
        this.data = data.clone();
        this.sw = sw;
    }

    /**
     * Parses raw response bytes.
     *
     * @throws CardRejectedException {@link CardError#CARD_MALFORMED_RESPONSE} if shorter than 2 bytes
     */
    public static ResponseApdu parse(byte[] raw) throws CardRejectedException {
        if (raw.length < 2) {
            throw new CardRejectedException(CardError.CARD_MALFORMED_RESPONSE,
                    "response of " + raw.length + " byte(s) has no status word");
        }
        int sw = ((raw[raw.length - 2] & 0xFF) << 8) | (raw[raw.length - 1] & 0xFF);
        return new ResponseApdu(Arrays.copyOf(raw, raw.length - 2), sw);
    }

    /** @return a response carrying only a status word */
    public static ResponseApdu status(int sw) {
        return new ResponseApdu(new byte[0], sw);
    }

    /** @return a copy of the response data */
    public byte[] data() {
        return data.clone();
    }

    /** @return the response data length */
    public int length() {
        return data.length;
    }

    /** @return the status word, e.g. {@code 0x9000} */
    public int sw() {
        return sw;
    }

    public int sw1() {
        return sw >> 8;
    }

    public int sw2() {
        return sw & 0xFF;
    }

    /** @return whether the status word is {@code 9000} */
    public boolean isSuccess() {
        return sw == StatusWords.SUCCESS;
    }

    /** @return the response bytes on the wire: data then SW1 SW2 */
    public byte[] toBytes() {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) (sw >> 8);
        out[data.length + 1] = (byte) sw;
        return out;
    }

    @Override
    public String toString() {
        return (data.length == 0 ? "" : HexFormat.of().withUpperCase().formatHex(data) + " ")
                + String.format("SW=%04X", sw);
    }
}
