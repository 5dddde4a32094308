package fr.vigie.hardware.sim.card;

import fr.vigie.hardware.card.CpsCard;
import fr.vigie.hardware.card.apdu.Tlv;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** The file systems of the virtual CPS3 interfaces. */
final class CpsFiles {
    static final int CONTACT_DF = 0x1001;
    static final int CONTACTLESS_DF = 0x1002;

    private CpsFiles() {
    }

    static CardFile contact(String serial, byte[] certificate, CpsCredential credential) {
        CardFile mf = CardFile.masterFile();
        mf.elementaryFile(0x2F00, application(CpsCard.CONTACT_AID, "CPS3 CPX IAS", CONTACT_DF).encode()).sfi(0x1E);
        mf.elementaryFile(0x2F01, answerToResetFile(CpsCard.CONTACT_AID)).sfi(0x1D);
        mf.elementaryFile(CpsCard.EF_SN_ICC, serialNumber(serial)).sfi(0x1C);
        CardFile app = mf.dedicatedFile(CONTACT_DF, CpsCard.CONTACT_AID);
        app.elementaryFile(CpsCard.EF_AUTH_CERTIFICATE, certificate);
        Pkcs15Files.addTo(mf, app, CONTACT_DF, serial, certificate, credential);
        return mf;
    }

    static CardFile contactless(String serial, byte[] certificate) {
        CardFile mf = CardFile.masterFile();
        mf.elementaryFile(0x2F00, application(CpsCard.CONTACTLESS_AID, "CPS3 CPX IAS CL", CONTACTLESS_DF).encode())
                .sfi(0x1E);
        mf.elementaryFile(0x2F01, answerToResetFile(CpsCard.CONTACTLESS_AID)).sfi(0x1D);
        mf.elementaryFile(CpsCard.EF_SN_ICC, serialNumber(serial)).sfi(0x1C);
        CardFile app = mf.dedicatedFile(CONTACTLESS_DF, CpsCard.CONTACTLESS_AID);
        app.elementaryFile(CpsCard.EF_AUTH_CERTIFICATE, certificate);
        return mf;
    }

    /** An EF.DIR application template: AID, label, path. */
    static Tlv application(byte[] aid, String label, int dfFid) {
        return Tlv.constructed(0x61,
                Tlv.of(0x4F, aid),
                Tlv.of(0x50, label.getBytes(StandardCharsets.US_ASCII)),
                Tlv.of(0x51, new byte[] {0x3F, 0x00, (byte) (dfFid >> 8), (byte) dfFid}));
    }

    /**
     * EF.ATR (ISO 7816-4 "ATR/INFO"): card service (43), pre-issuing data (46: IC maker and type,
     * OS and IAS-ECC versions; "VG" marks this virtual chip), card capabilities (47), the AID of the
     * application to select after reset (4F) and the IAS-ECC I/O buffer sizes (E0: send, send in
     * SM, receive, receive in SM). Like real CPx cards, the file starts with the category indicator
     * byte 80 before the data objects (OpenSC skips it for CPx).
     */
    static byte[] answerToResetFile(byte[] aid) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(0x80);
        out.writeBytes(Tlv.of(0x43, new byte[] {(byte) 0xB8}).encode());
        out.writeBytes(Tlv.of(0x46, new byte[] {0x56, 0x47, 0x01, 0x01}).encode());
        out.writeBytes(Tlv.of(0x47, new byte[] {(byte) 0x94, 0x01, 0x00}).encode());
        out.writeBytes(Tlv.of(0x4F, aid).encode());
        out.writeBytes(Tlv.of(0xE0, HexFormat.of().parseHex("020200FF020200FF0202010002020100")).encode());
        return out.toByteArray();
    }

    /** EF.SN.ICC: the 10-byte chip serial number under tag 5A. */
    static byte[] serialNumber(String serialHex) {
        return Tlv.of(0x5A, HexFormat.of().parseHex(serialHex)).encode();
    }
}
