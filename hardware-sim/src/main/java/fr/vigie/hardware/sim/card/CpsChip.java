package fr.vigie.hardware.sim.card;

import fr.vigie.hardware.card.CardRejectedException;
import fr.vigie.hardware.card.apdu.BerTlv;
import fr.vigie.hardware.card.apdu.CommandApdu;
import fr.vigie.hardware.card.apdu.ResponseApdu;
import fr.vigie.hardware.card.apdu.StatusWords;
import fr.vigie.hardware.card.apdu.Tlv;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.util.Optional;

/**
 * The command processing of a virtual CPS3 chip, for one of its two interfaces. The PIN and key
 * are shared by both interfaces; file system and security state are per interface.
 */
final class CpsChip {
    static final int PIN_REFERENCE = 0x01;
    static final int AUTH_KEY_REFERENCE = 0x81;
    static final int ALGO_RSA_PKCS1 = 0x02;

    private final CpsCredential credential;
    private final PinCounter pin;
    private final boolean contactless;
    private final FileSystem files;
    private boolean pinVerified;
    private int mseAuthKey = -1;
    private CardFile currentApplication;
    private final PendingResponse pending = new PendingResponse();

    CpsChip(CpsCredential credential, PinCounter pin, boolean contactless, FileSystem files) {
        this.credential = credential;
        this.pin = pin;
        this.contactless = contactless;
        this.files = files;
    }

    void reset() {
        files.reset();
        pending.clear();
        currentApplication = null;
        pinVerified = false;
        mseAuthKey = -1;
    }

    ResponseApdu process(CommandApdu c) {
        return pending.exchange(c, this::answer);
    }

    private ResponseApdu answer(CommandApdu c) {
        if (c.cla() != 0x00) {
            return ResponseApdu.status(StatusWords.CLA_NOT_SUPPORTED);
        }
        return switch (c.ins()) {
            case 0xA4 -> select(c);
            case 0xB0 -> files.readBinary(c);
            case 0x20 -> verify(c);
            case 0xCB -> getData(c);
            case 0x22 -> manageSecurityEnvironment(c);
            case 0x88 -> internalAuthenticate(c);
            default -> ResponseApdu.status(StatusWords.INS_NOT_SUPPORTED);
        };
    }

    private ResponseApdu select(CommandApdu c) {
        ResponseApdu r = files.select(c);
        CardFile df = files.currentDf();
        if (df.aid != null && df != currentApplication) {
            currentApplication = df; // entering another application starts a new security state
            pinVerified = false;
            mseAuthKey = -1;
        }
        return r;
    }

    private ResponseApdu verify(CommandApdu c) {
        if (contactless) {
            return ResponseApdu.status(StatusWords.CONDITIONS_NOT_SATISFIED);
        }
        if (c.p1() != 0x00 || c.p2() != PIN_REFERENCE) {
            return ResponseApdu.status(StatusWords.REFERENCED_DATA_NOT_FOUND);
        }
        if (pin.blocked()) {
            return ResponseApdu.status(StatusWords.AUTH_METHOD_BLOCKED);
        }
        if (c.nc() == 0) { // ISO 7816-4: empty VERIFY asks for the state
            return ResponseApdu.status(pinVerified ? StatusWords.SUCCESS : 0x63C0 | pin.left());
        }
        pinVerified = pin.verify(c.data());
        return ResponseApdu.status(pinVerified ? StatusWords.SUCCESS : 0x63C0 | pin.left());
    }

    /** GET DATA 00 CB 3F FF on the PIN's SDO (BF 81 01): answers its maximum (9A) and remaining (9B) tries. */
    private ResponseApdu getData(CommandApdu c) {
        if (c.p1() != 0x3F || c.p2() != 0xFF) {
            return ResponseApdu.status(StatusWords.INCORRECT_P1P2);
        }
        int sdo;
        try {
            Optional<Tlv> sdoTag = BerTlv.parseOne(c.data(), 0x4D).find(0x70)
                    .flatMap(t -> first(t));
            if (sdoTag.isEmpty()) {
                return ResponseApdu.status(StatusWords.WRONG_DATA);
            }
            sdo = sdoTag.get().tag();
        } catch (CardRejectedException e) {
            return ResponseApdu.status(StatusWords.WRONG_DATA);
        }
        if (sdo != (0xBF8100 | PIN_REFERENCE) || contactless) {
            return ResponseApdu.status(StatusWords.REFERENCED_DATA_NOT_FOUND);
        }
        Tlv answer = Tlv.constructed(0x70, Tlv.constructed(sdo, Tlv.constructed(0xA0,
                Tlv.of(0x9A, new byte[] {(byte) pin.max()}), Tlv.of(0x9B, new byte[] {(byte) pin.left()}))));
        return new ResponseApdu(answer.encode(), StatusWords.SUCCESS);
    }

    private static Optional<Tlv> first(Tlv t) {
        try {
            return t.children().stream().findFirst();
        } catch (CardRejectedException e) {
            return Optional.empty();
        }
    }

    private ResponseApdu manageSecurityEnvironment(CommandApdu c) {
        if (c.p1() != 0x41 || (c.p2() != 0xA4 && c.p2() != 0xB6)) {
            return ResponseApdu.status(StatusWords.INCORRECT_P1P2);
        }
        if (c.p2() == 0xB6) { // signature template: this virtual card carries no signature key
            return ResponseApdu.status(contactless ? StatusWords.CONDITIONS_NOT_SATISFIED
                    : StatusWords.REFERENCED_DATA_NOT_FOUND);
        }
        try {
            int key = -1;
            for (Tlv t : BerTlv.parse(c.data())) {
                if (t.tag() == 0x84 && t.length() == 1) {
                    key = t.intValue();
                } else if (t.tag() == 0x80 && (t.length() != 1 || t.intValue() != ALGO_RSA_PKCS1)) {
                    return ResponseApdu.status(StatusWords.WRONG_DATA);
                }
            }
            if (key != AUTH_KEY_REFERENCE) {
                return ResponseApdu.status(StatusWords.REFERENCED_DATA_NOT_FOUND);
            }
            mseAuthKey = key;
            return ResponseApdu.status(StatusWords.SUCCESS);
        } catch (CardRejectedException e) {
            return ResponseApdu.status(StatusWords.WRONG_DATA);
        }
    }

    /**
     * INTERNAL AUTHENTICATE: PKCS#1 v1.5 block type 1 padding of the challenge as given (no hash, no
     * DigestInfo added: the host decides what it sends, as for TLS client authentication), then RSA
     * with the private key. Contact mode needs the PIN; contactless mode does not.
     */
    private ResponseApdu internalAuthenticate(CommandApdu c) {
        if (c.p1() != 0x00 || c.p2() != 0x00) {
            return ResponseApdu.status(StatusWords.INCORRECT_P1P2);
        }
        if (mseAuthKey < 0) {
            return ResponseApdu.status(StatusWords.CONDITIONS_NOT_SATISFIED);
        }
        if (!contactless && !pinVerified) {
            return ResponseApdu.status(StatusWords.SECURITY_NOT_SATISFIED);
        }
        int modulusBytes = (((RSAKey) credential.privateKey()).getModulus().bitLength() + 7) / 8;
        if (c.nc() == 0 || c.nc() > modulusBytes - 11) {
            return ResponseApdu.status(StatusWords.WRONG_LENGTH);
        }
        if (c.ne() != 0 && c.ne() < modulusBytes && c.ne() != 256) {
            return ResponseApdu.status(0x6C00 | (modulusBytes & 0xFF));
        }
        try {
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initSign(credential.privateKey());
            rsa.update(c.data());
            return new ResponseApdu(rsa.sign(), StatusWords.SUCCESS);
        } catch (GeneralSecurityException e) {
            return ResponseApdu.status(StatusWords.NO_PRECISE_DIAGNOSIS);
        }
    }
}
