package fr.vigie.hardware.sim.card;

import fr.vigie.hardware.card.CardRejectedException;
import fr.vigie.hardware.card.CpsCard;
import fr.vigie.hardware.card.apdu.CommandApdu;
import fr.vigie.hardware.card.apdu.ResponseApdu;
import fr.vigie.hardware.sim.igcsante.TestIgcSante;
import java.security.cert.CertificateEncodingException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A software CPS3 card: the IAS-ECC application "CPX IAS" on its contact interface and "CPX IAS CL"
 * on its contactless interface, with the ATRs, AIDs and commands of a real card (DOMAIN §6).
 *
 * <p>This object is the contact interface; {@link #contactless()} is the same chip seen through
 * the contactless interface (same key, same PIN counter, no PIN and no signature). It carries:
 * EF.SN.ICC ({@code 3F00/D003}), the authentication certificate in the application DF
 * ({@code C001}), a PIN of 4 digits blocked after 3 wrong tries in a row (VERIFY {@code 00 20 00 01},
 * GET DATA {@code 00 CB 3F FF} on the PIN's SDO {@code BF8101}), and the authentication key
 * (MSE SET {@code 00 22 41 A4} with key reference {@code 81}, then INTERNAL AUTHENTICATE
 * {@code 00 88 00 00}, PKCS#1 v1.5 type 1 over the challenge as given). Its file layout
 * inside the application is Vigie's choice, not the real card's. Thread-safe: commands from
 * either interface are serialised on the chip.
 *
 * <pre>{@code
 * VirtualCpsCard card = VirtualCpsCard.builder(TestIgcSante.shared()
 *         .issuePersonne("899700000001", "MARTIN", "CLAIRE")).pin("1234").build();
 * readers.insert("Reader 0", card);              // contact
 * readers.insert("Reader 1", card.contactless()); // tap
 * }</pre>
 */
public final class VirtualCpsCard implements VirtualCard {
    /** Contact ATR of a CPS3 card (masked values as published). */
    public static final byte[] CONTACT_ATR = HexFormat.of().parseHex("3BAC00402A001225006480000310009000");
    /** Contactless ATR of a CPS3 card. */
    public static final byte[] CONTACTLESS_ATR = HexFormat.of().parseHex("3B8F80010031B86404B0ECC1739401808290000E");

    private final Object lock = new Object();
    private final CpsCredential credential;
    private final String serial;
    private final PinCounter pin;
    private final CpsChip contactChip;
    private final CpsChip contactlessChip;
    private final VirtualCard contactlessView;

    private VirtualCpsCard(Builder b) {
        this.credential = b.credential;
        this.serial = b.serial;
        this.pin = new PinCounter(b.pin, b.tries);
        byte[] certificate;
        try {
            certificate = credential.certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("credential certificate cannot be encoded", e);
        }
        this.contactChip = new CpsChip(credential, pin, false,
                new FileSystem(CpsFiles.contact(serial, certificate, credential)));
        this.contactlessChip = new CpsChip(credential, pin, true,
                new FileSystem(CpsFiles.contactless(serial, certificate)));
        this.contactlessView = new ContactlessView();
    }

    /** @return a builder for a card carrying {@code credential} */
    public static Builder builder(CpsCredential credential) {
        return new Builder(credential);
    }

    /** @return the same chip seen through its contactless interface */
    public VirtualCard contactless() {
        return contactlessView;
    }

    /** @return the credential this card carries */
    public CpsCredential credential() {
        return credential;
    }

    /** @return the serial number in EF.SN.ICC, as hex */
    public String serial() {
        return serial;
    }

    /** @return PIN tries left (0 = blocked) */
    public int pinTriesLeft() {
        synchronized (lock) {
            return pin.left();
        }
    }

    @Override
    public byte[] atr() {
        return CONTACT_ATR.clone();
    }

    @Override
    public byte[] process(byte[] command) {
        return processOn(contactChip, command);
    }

    @Override
    public void reset() {
        synchronized (lock) {
            contactChip.reset();
        }
    }

    @Override
    public String describe() {
        return "virtual CPS3 (contact) " + credential.idNatPs();
    }

    private byte[] processOn(CpsChip chip, byte[] command) {
        ResponseApdu response;
        try {
            CommandApdu c = CommandApdu.parse(command);
            synchronized (lock) {
                response = chip.process(c);
            }
        } catch (CardRejectedException e) {
            response = ResponseApdu.status(0x6700);
        }
        return response.toBytes();
    }

    private final class ContactlessView implements VirtualCard {
        @Override
        public byte[] atr() {
            return CONTACTLESS_ATR.clone();
        }

        @Override
        public byte[] process(byte[] command) {
            return processOn(contactlessChip, command);
        }

        @Override
        public void reset() {
            synchronized (lock) {
                contactlessChip.reset();
            }
        }

        @Override
        public String describe() {
            return "virtual CPS3 (contactless) " + credential.idNatPs();
        }
    }

    /** Builds a {@link VirtualCpsCard}; defaults: PIN "1234", 3 tries, serial derived from the idNat_PS. */
    public static final class Builder {
        private final CpsCredential credential;
        private String pin = "1234";
        private int tries = 3;
        private String serial;

        private Builder(CpsCredential credential) {
            this.credential = Objects.requireNonNull(credential, "credential");
            String digits = "0000000000" + credential.idNatPs().replaceAll("[^0-9]", "");
            this.serial = CpsCard.CPS_ISSUER_PREFIX + digits.substring(digits.length() - 10);
        }

        /** Sets the PIN (4 digits for a CPS). */
        public Builder pin(String digits) {
            this.pin = Objects.requireNonNull(digits, "pin");
            return this;
        }

        /** Sets the number of wrong tries in a row that block the PIN (3 on a CPS). */
        public Builder tries(int count) {
            if (count < 1 || count > 15) {
                throw new IllegalArgumentException("tries must be 1..15: " + count);
            }
            this.tries = count;
            return this;
        }

        /** Sets EF.SN.ICC's serial: 20 hex digits starting with the issuer {@code 8025000001}. */
        public Builder serial(String hex) {
            if (!hex.matches("[0-9A-Fa-f]{20}")) {
                throw new IllegalArgumentException("serial must be 20 hex digits");
            }
            this.serial = hex.toUpperCase();
            return this;
        }

        public VirtualCpsCard build() {
            return new VirtualCpsCard(this);
        }
    }
}
