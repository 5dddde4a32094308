package fr.vigie.hardware.card.apdu;

/**
 * Builders for the ISO 7816-4 commands Vigie sends. Stateless.
 */
public final class Iso7816 {
    public static final int INS_SELECT = 0xA4;
    public static final int INS_READ_BINARY = 0xB0;
    public static final int INS_GET_RESPONSE = 0xC0;
    public static final int INS_GET_DATA = 0xCB;
    public static final int INS_VERIFY = 0x20;
    public static final int INS_MSE = 0x22;
    public static final int INS_INTERNAL_AUTHENTICATE = 0x88;
    public static final int INS_PSO = 0x2A;

    private Iso7816() {
    }

    /** @return SELECT by DF name (AID), asking for the FCI */
    public static CommandApdu selectAid(byte[] aid) {
        return new CommandApdu(0x00, INS_SELECT, 0x04, 0x00, aid, 256);
    }

    /** @return SELECT by path from the MF (without 3F00), asking for the FCP */
    public static CommandApdu selectPathFromMf(byte[] path) {
        return new CommandApdu(0x00, INS_SELECT, 0x08, 0x04, path, 256);
    }

    /** @return SELECT of a file identifier under the current DF, asking for the FCP */
    public static CommandApdu selectFid(int fid) {
        return new CommandApdu(0x00, INS_SELECT, 0x02, 0x04, new byte[] {(byte) (fid >> 8), (byte) fid}, 256);
    }

    /** @return READ BINARY of {@code ne} bytes at {@code offset} (0..32767) of the current EF */
    public static CommandApdu readBinary(int offset, int ne) {
        if (offset < 0 || offset > 0x7FFF) {
            throw new IllegalArgumentException("READ BINARY offset out of range: " + offset);
        }
        return new CommandApdu(0x00, INS_READ_BINARY, offset >> 8, offset & 0xFF, ne);
    }

    /** @return GET RESPONSE for {@code ne} bytes (answers {@code 61xx}) */
    public static CommandApdu getResponse(int ne) {
        return new CommandApdu(0x00, INS_GET_RESPONSE, 0x00, 0x00, ne);
    }
}
