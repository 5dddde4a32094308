package fr.vigie.hardware.card.apdu;

import fr.vigie.hardware.card.CardError;
import fr.vigie.hardware.card.CardRejectedException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An ISO 7816-4 command APDU (CLA INS P1 P2 [Lc data] [Le]), short or extended. Immutable.
 *
 * <p>{@code ne} is the number of response bytes expected: 0 for none, 1..256 for a short Le (256 is
 * encoded {@code 00}), up to 65536 for an extended Le. {@link #toString()} redacts the data of PIN
 * commands (VERIFY, CHANGE REFERENCE DATA, RESET RETRY COUNTER), so a command can always be logged.
 *
 * <pre>{@code
 * CommandApdu select = Iso7816.selectAid(CpsCard.CONTACT_AID);
 * byte[] wire = select.toBytes();
 * }</pre>
 */
public final class CommandApdu {
    /** Instructions whose data is a secret: never shown in a trace or a log. */
    private static final int INS_VERIFY = 0x20;
    private static final int INS_CHANGE_REFERENCE_DATA = 0x24;
    private static final int INS_RESET_RETRY_COUNTER = 0x2C;

    private final int cla;
    private final int ins;
    private final int p1;
    private final int p2;
    private final byte[] data;
    private final int ne;

    /** Creates a command; {@code data} is copied. */
    public CommandApdu(int cla, int ins, int p1, int p2, byte[] data, int ne) {
        checkByte("CLA", cla);
        checkByte("INS", ins);
        checkByte("P1", p1);
        checkByte("P2", p2);
        if (data.length > 65535) {
            throw new IllegalArgumentException("data longer than 65535 bytes: " + data.length);
        }
        if (ne < 0 || ne > 65536) {
            throw new IllegalArgumentException("Ne out of range 0..65536: " + ne);
        }
        this.cla = cla;
        this.ins = ins;
        this.p1 = p1;
        this.p2 = p2;
        this.data = data.clone();
        this.ne = ne;
    }

    /** Creates a command without data. */
    public CommandApdu(int cla, int ins, int p1, int p2, int ne) {
        this(cla, ins, p1, p2, new byte[0], ne);
    }

    private static void checkByte(String name, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(name + " is not a byte: " + value);
        }
    }

    /**
     * Parses command bytes as received by a card (cases 1, 2, 3, 4, short and extended).
     *
     * @throws CardRejectedException {@link CardError#CARD_MALFORMED_RESPONSE} when the lengths do not
     *     add up (the name is shared with responses: the bytes, not the card, are malformed)
     */
    public static CommandApdu parse(byte[] apdu) throws CardRejectedException {
        if (apdu.length < 4) {
            throw malformed("command shorter than 4 bytes: " + apdu.length);
        }
        int cla = apdu[0] & 0xFF, ins = apdu[1] & 0xFF, p1 = apdu[2] & 0xFF, p2 = apdu[3] & 0xFF;
        int body = apdu.length - 4;
        if (body == 0) {
            return new CommandApdu(cla, ins, p1, p2, 0);
        }
        int b0 = apdu[4] & 0xFF;
        if (body == 1) {
            return new CommandApdu(cla, ins, p1, p2, b0 == 0 ? 256 : b0);
        }
        if (b0 != 0) { // short Lc
            if (body == 1 + b0) {
                return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, 5 + b0), 0);
            }
            if (body == 2 + b0) {
                int le = apdu[apdu.length - 1] & 0xFF;
                return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, 5 + b0),
                        le == 0 ? 256 : le);
            }
            throw malformed("short Lc " + b0 + " does not match a body of " + body + " bytes");
        }
        if (body == 3) { // extended Le only
            int le = ((apdu[5] & 0xFF) << 8) | (apdu[6] & 0xFF);
            return new CommandApdu(cla, ins, p1, p2, le == 0 ? 65536 : le);
        }
        if (body < 3) {
            throw malformed("extended length truncated");
        }
        int lc = ((apdu[5] & 0xFF) << 8) | (apdu[6] & 0xFF);
        if (lc == 0) {
            throw malformed("extended Lc of 0");
        }
        if (body == 3 + lc) {
            return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 7, 7 + lc), 0);
        }
        if (body == 5 + lc) {
            int le = ((apdu[apdu.length - 2] & 0xFF) << 8) | (apdu[apdu.length - 1] & 0xFF);
            return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 7, 7 + lc),
                    le == 0 ? 65536 : le);
        }
        throw malformed("extended Lc " + lc + " does not match a body of " + body + " bytes");
    }

    private static CardRejectedException malformed(String why) {
        return new CardRejectedException(CardError.CARD_MALFORMED_RESPONSE, "command APDU: " + why);
    }

    /** @return the encoded command, short form when it fits, extended otherwise */
    public byte[] toBytes() {
        boolean extended = data.length > 255 || ne > 256;
        int size = 4 + (data.length == 0 ? 0 : (extended ? 3 : 1) + data.length)
                + (ne == 0 ? 0 : extended ? (data.length == 0 ? 3 : 2) : 1);
        byte[] out = new byte[size];
        out[0] = (byte) cla;
        out[1] = (byte) ins;
        out[2] = (byte) p1;
        out[3] = (byte) p2;
        int i = 4;
        if (data.length > 0) {
            if (extended) {
                out[i++] = 0;
                out[i++] = (byte) (data.length >> 8);
            }
            out[i++] = (byte) data.length;
            System.arraycopy(data, 0, out, i, data.length);
            i += data.length;
        }
        if (ne > 0) {
            if (extended) {
                if (data.length == 0) {
                    out[i++] = 0;
                }
                out[i++] = (byte) (ne >> 8);
            }
            out[i] = (byte) ne; // 256 and 65536 wrap to 00 / 00 00 as ISO 7816-4 says
        }
        return out;
    }

    /** @return a copy of this command with another Ne (used to answer {@code 6Cxx}) */
    public CommandApdu withNe(int newNe) {
        return new CommandApdu(cla, ins, p1, p2, data, newNe);
    }

    public int cla() { return cla; }
    public int ins() { return ins; }
    public int p1() { return p1; }
    public int p2() { return p2; }
    public int ne() { return ne; }

    /** @return a copy of the command data */
    public byte[] data() {
        return data.clone();
    }

    /** @return the command data length (Nc) */
    public int nc() {
        return data.length;
    }

    /** @return whether the data of this command is a secret (a PIN or an unblock code) */
    public boolean carriesSecret() {
        return ins == INS_VERIFY || ins == INS_CHANGE_REFERENCE_DATA || ins == INS_RESET_RETRY_COUNTER;
    }

    /** @return hex of the command with secret data replaced by a placeholder; safe to log */
    @Override
    public String toString() {
        HexFormat hex = HexFormat.of().withUpperCase();
        StringBuilder s = new StringBuilder(hex.formatHex(new byte[] {(byte) cla, (byte) ins, (byte) p1, (byte) p2}));
        if (data.length > 0) {
            s.append(' ').append(carriesSecret()
                    ? "<" + data.length + " secret bytes redacted>" : hex.formatHex(data));
        }
        if (ne > 0) {
            s.append(" Ne=").append(ne);
        }
        return s.toString();
    }
}
