package fr.vigie.hardware.card;

import fr.vigie.hardware.card.apdu.ApduChannel;
import fr.vigie.hardware.card.apdu.ApduSession;
import fr.vigie.hardware.card.apdu.ApduTrace;
import fr.vigie.hardware.card.apdu.BerTlv;
import fr.vigie.hardware.card.apdu.CommandApdu;
import fr.vigie.hardware.card.apdu.Iso7816;
import fr.vigie.hardware.card.apdu.ResponseApdu;
import fr.vigie.hardware.card.apdu.Tlv;
import java.util.HexFormat;
import java.util.Objects;
import javax.smartcardio.Card;

/**
 * The CPS3 card profile: the IAS-ECC application "CPX IAS" (contact) or "CPX IAS CL"
 * (contactless) of a health professional's card, spoken to through any {@link ApduChannel}.
 *
 * <p>Contact sign-in: {@link #holder()} (reads and parses the authentication certificate),
 * {@link #verifyPin(CharSequence)}, then {@link #authenticate(byte[])} on a fresh challenge. In
 * contactless mode there is no PIN: {@link #authenticate(byte[])} works at once, and PIN
 * operations are rejected with {@link CardError#CARD_CONDITIONS_NOT_SATISFIED} without talking to
 * the card. Not thread-safe: one instance per card connection, used from one thread.
 *
 * <pre>{@code
 * CpsCard cps = CpsCard.open(terminal.connect("*"), trace);
 * CpsHolder who = cps.holder();
 * cps.verifyPin(pinFromTouchscreen);
 * byte[] proof = cps.authenticate(challenge);   // verified against who.certificate()
 * }</pre>
 */
public final class CpsCard {
    /** AID of the contact application "CPX IAS". */
    public static final byte[] CONTACT_AID = HexFormat.of().parseHex("E828BD080F8025000001FF0010");
    /** AID of the contactless application "CPX IAS CL". */
    public static final byte[] CONTACTLESS_AID = HexFormat.of().parseHex("E828BD080F8025000001FF0020");
    /** Issuer prefix of CPS serial numbers in EF.SN.ICC. */
    public static final String CPS_ISSUER_PREFIX = "8025000001";
    /** EF.SN.ICC, under the MF. */
    public static final int EF_SN_ICC = 0xD003;
    /** The authentication certificate, under the application DF (Vigie's virtual card layout). */
    public static final int EF_AUTH_CERTIFICATE = 0xC001;

    static final int PIN_REFERENCE = 0x01;
    static final int AUTH_KEY_REFERENCE = 0x81;
    private static final int PIN_LENGTH = 4;

    /** Which interface of the card is being used. */
    public enum Mode { CONTACT, CONTACTLESS }

    private final ApduSession session;
    private final Mode mode;
    private CpsHolder holder;

    private CpsCard(ApduSession session, Mode mode) {
        this.session = session;
        this.mode = mode;
    }

    /**
     * Opens the CPS application on a channel: tries "CPX IAS", then "CPX IAS CL".
     *
     * @throws CardRejectedException {@link CardError#CARD_NOT_SUPPORTED} if neither is present
     */
    public static CpsCard open(ApduChannel channel, ApduTrace trace) throws CardOperationException {
        ApduSession session = new ApduSession(Objects.requireNonNull(channel, "channel"), 256, trace);
        try {
            session.selectAid(CONTACT_AID, "CPX IAS");
            return new CpsCard(session, Mode.CONTACT);
        } catch (CardRejectedException e) {
            if (e.error() != CardError.CARD_APPLICATION_NOT_FOUND) {
                throw e;
            }
        }
        try {
            session.selectAid(CONTACTLESS_AID, "CPX IAS CL");
            return new CpsCard(session, Mode.CONTACTLESS);
        } catch (CardRejectedException e) {
            if (e.error() == CardError.CARD_APPLICATION_NOT_FOUND) {
                throw new CardRejectedException(CardError.CARD_NOT_SUPPORTED, "not a CPS card: neither "
                        + "CPX IAS nor CPX IAS CL is present");
            }
            throw e;
        }
    }

    /** Opens the CPS application on a connected {@code javax.smartcardio} card (basic channel). */
    public static CpsCard open(Card card, ApduTrace trace) throws CardOperationException {
        return open(new SmartcardioChannel(card.getBasicChannel()), trace);
    }

    public Mode mode() {
        return mode;
    }

    /** @return APDUs exchanged with the card so far by this profile */
    public int apduCount() {
        return session.apduCount();
    }

    /** @return the chip serial number from EF.SN.ICC, as 20 upper-case hex digits */
    public String serial() throws CardOperationException {
        session.selectPath(new byte[] {(byte) (EF_SN_ICC >> 8), (byte) EF_SN_ICC}, "EF.SN.ICC");
        byte[] content = session.readBinary(-1, "EF.SN.ICC");
        reselect();
        Tlv sn = BerTlv.parseOne(content, 0x5A);
        if (sn.length() != 10) {
            throw new CardRejectedException(CardError.CARD_MALFORMED_RESPONSE,
                    "EF.SN.ICC: serial of " + sn.length() + " bytes, expected 10");
        }
        return HexFormat.of().withUpperCase().formatHex(sn.value());
    }

    /** @return the holder named by the authentication certificate (read once, then cached) */
    public CpsHolder holder() throws CardOperationException {
        if (holder == null) {
            byte[] fcp = session.transmitOk(Iso7816.selectFid(EF_AUTH_CERTIFICATE), "SELECT certificate").data();
            int size = fcp.length == 0 ? -1 : CpsResponses.fileSize(fcp);
            holder = CpsResponses.holder(session.readBinary(size, "authentication certificate"));
        }
        return holder;
    }

    /** @return PIN tries left before blocking (0 = blocked), read with GET DATA {@code 00 CB 3F FF} */
    public int pinTriesLeft() throws CardOperationException {
        requireContact("PIN try counter");
        byte[] query = Tlv.of(0x4D, Tlv.of(0x70, Tlv.of(0xBF8100 | PIN_REFERENCE, new byte[0]).encode()).encode())
                .encode();
        ResponseApdu r = session.transmitOk(new CommandApdu(0x00, Iso7816.INS_GET_DATA, 0x3F, 0xFF, query, 256),
                "GET DATA PIN counter");
        return CpsResponses.triesLeft(r.data(), PIN_REFERENCE);
    }

    /**
     * Presents the PIN to the card. The PIN is sent to the card only, never kept or logged; the
     * bytes sent are wiped afterwards.
     *
     * @throws CardRejectedException {@link CardError#CARD_PIN_FORMAT} (not 4 digits, nothing sent),
     *     {@link CardError#CARD_PIN_WRONG} with {@link CardRejectedException#triesLeft()},
     *     {@link CardError#CARD_PIN_BLOCKED}
     */
    public void verifyPin(CharSequence pin) throws CardOperationException {
        requireContact("PIN verification");
        if (pin == null || pin.length() != PIN_LENGTH || !pin.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new CardRejectedException(CardError.CARD_PIN_FORMAT, "a CPS PIN is " + PIN_LENGTH + " digits");
        }
        byte[] data = new byte[PIN_LENGTH];
        try {
            for (int i = 0; i < PIN_LENGTH; i++) {
                data[i] = (byte) pin.charAt(i);
            }
            session.transmitOk(new CommandApdu(0x00, Iso7816.INS_VERIFY, 0x00, PIN_REFERENCE, data, 0), "VERIFY PIN");
        } finally {
            java.util.Arrays.fill(data, (byte) 0);
        }
    }

    /**
     * Proves the card holds the private key of its certificate: MSE SET (authentication template,
     * key {@code 81}) then INTERNAL AUTHENTICATE on {@code challenge}, and checks the answer with the
     * certificate's public key (PKCS#1 v1.5, no hash added).
     *
     * @param challenge 16 to 64 fresh random bytes chosen by the caller
     * @return the card's signature, already verified
     * @throws CardRejectedException {@link CardError#CARD_SECURITY_NOT_SATISFIED} in contact mode
     *     without a verified PIN, {@link CardError#CARD_SIGNATURE_INVALID} if the answer does not verify
     */
    public byte[] authenticate(byte[] challenge) throws CardOperationException {
        if (challenge.length < 16 || challenge.length > 64) {
            throw new IllegalArgumentException("challenge must be 16..64 bytes: " + challenge.length);
        }
        CpsHolder who = holder();
        byte[] mse = HexFormat.of().parseHex("840181800102");
        session.transmitOk(new CommandApdu(0x00, Iso7816.INS_MSE, 0x41, 0xA4, mse, 0), "MSE SET authentication");
        ResponseApdu r = session.transmitOk(
                new CommandApdu(0x00, Iso7816.INS_INTERNAL_AUTHENTICATE, 0x00, 0x00, challenge, 256),
                "INTERNAL AUTHENTICATE");
        byte[] signature = r.data();
        CpsResponses.checkSignature(who.certificate(), challenge, signature);
        return signature;
    }

    private void reselect() throws CardOperationException {
        session.selectAid(mode == Mode.CONTACT ? CONTACT_AID : CONTACTLESS_AID,
                mode == Mode.CONTACT ? "CPX IAS" : "CPX IAS CL");
    }

    private void requireContact(String what) throws CardRejectedException {
        if (mode != Mode.CONTACT) {
            throw new CardRejectedException(CardError.CARD_CONDITIONS_NOT_SATISFIED,
                    what + " is not available in contactless mode (no PIN)");
        }
    }
}
