package fr.vigie.hardware.sim.card;

import fr.vigie.hardware.card.CardRejectedException;
import fr.vigie.hardware.card.VitaleBeneficiary;
import fr.vigie.hardware.card.VitaleCard;
import fr.vigie.hardware.card.apdu.CommandApdu;
import fr.vigie.hardware.card.apdu.ResponseApdu;
import fr.vigie.hardware.card.apdu.StatusWords;
import fr.vigie.hardware.card.apdu.Tlv;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * A software Vitale 2 card carrying a list of beneficiaries, laid out as {@link VitaleCard} reads
 * it. <b>The layout follows the publicly reverse-engineered Vitale 2 layout, not an official
 * specification</b>; the data file name {@code "BENEFS"} and id {@code 2004}, the rank tag
 * {@code 83} and the ATR (historical bytes "VIGIEVT2") are Vigie's own. Thread-safe.
 *
 * <pre>{@code
 * VirtualVitaleCard card = new VirtualVitaleCard(List.of(new VitaleBeneficiary(
 *         Optional.of("180032B02040123"), "DUPONT", "JEAN", VitaleBirthDate.parse("19800315"), 1)));
 * }</pre>
 */
public final class VirtualVitaleCard implements VirtualCard {
    /** ATR: T=0, 8 historical bytes "VIGIEVT2" (not a real Vitale ATR). */
    public static final byte[] ATR = HexFormat.of().parseHex("3B085649474945565432");
    /** AID of the "MF_VITALE" application that holds EF.DIR. */
    public static final byte[] MF_VITALE_AID = HexFormat.of().parseHex("D2500000024D465F564954414C45");
    static final int EF_BENEFICIARIES = 0x2004;

    private final List<VitaleBeneficiary> beneficiaries;
    private final FileSystem files;
    private final PendingResponse pending = new PendingResponse();

    /** Creates a card; the first beneficiary is the insured person and must have a NIR. */
    public VirtualVitaleCard(List<VitaleBeneficiary> beneficiaries) {
        if (beneficiaries.isEmpty() || beneficiaries.get(0).nir().isEmpty()) {
            throw new IllegalArgumentException("the first beneficiary is the insured person and needs a NIR");
        }
        this.beneficiaries = List.copyOf(beneficiaries);
        CardFile mf = CardFile.masterFile();
        CardFile mfVitale = mf.dedicatedFile(0x0001, MF_VITALE_AID);
        mfVitale.elementaryFile(0x2F00, CpsFiles.application(VitaleCard.VITALE_AID, "VITALE", 0x0002).encode());
        CardFile app = mf.dedicatedFile(0x0002, VitaleCard.VITALE_AID);
        byte[] entry = new byte[12];
        System.arraycopy("BENEFS  ".getBytes(StandardCharsets.US_ASCII), 0, entry, 0, 8);
        entry[9] = 0x01;
        entry[10] = (byte) (EF_BENEFICIARIES >> 8);
        entry[11] = (byte) EF_BENEFICIARIES;
        app.elementaryFile(VitaleCard.EF_POINTERS, Tlv.constructed(0xE0,
                Tlv.constructed(0xA0, Tlv.of(0x82, entryAid(1, MF_VITALE_AID)),
                        Tlv.of(0x82, entryAid(2, VitaleCard.VITALE_AID))),
                Tlv.of(0x80, entry)).encode());
        app.elementaryFile(EF_BENEFICIARIES, encode(this.beneficiaries));
        this.files = new FileSystem(mf);
    }

    /** A pointer-file application entry: entry number (2 bytes), 2 reserved bytes, AID. */
    private static byte[] entryAid(int entry, byte[] aid) {
        byte[] v = new byte[4 + aid.length];
        v[1] = (byte) entry;
        System.arraycopy(aid, 0, v, 4, aid.length);
        return v;
    }

    /** @return the beneficiaries this card carries */
    public List<VitaleBeneficiary> beneficiaries() {
        return beneficiaries;
    }

    private static byte[] encode(List<VitaleBeneficiary> people) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (VitaleBeneficiary p : people) {
            out.writeBytes(Tlv.constructed(0x65, p.nir().isPresent()
                    ? new Tlv[] {text(0x93, p.nir().get()), text(0x80, p.familyName()), text(0x81, p.givenNames()),
                        text(0x82, p.birthDate().toString()), text(0x83, Integer.toString(p.rang()))}
                    : new Tlv[] {text(0x80, p.familyName()), text(0x81, p.givenNames()),
                        text(0x82, p.birthDate().toString()), text(0x83, Integer.toString(p.rang()))}).encode());
        }
        return out.toByteArray();
    }

    private static Tlv text(int tag, String value) {
        return Tlv.of(tag, value.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public byte[] atr() {
        return ATR.clone();
    }

    @Override
    public synchronized byte[] process(byte[] command) {
        try {
            return pending.exchange(CommandApdu.parse(command), this::answer).toBytes();
        } catch (CardRejectedException e) {
            return ResponseApdu.status(StatusWords.WRONG_LENGTH).toBytes();
        }
    }

    private ResponseApdu answer(CommandApdu c) {
        if (c.cla() != 0x00) {
            return ResponseApdu.status(StatusWords.CLA_NOT_SUPPORTED);
        }
        return switch (c.ins()) {
            case 0xA4 -> files.select(c);
            case 0xB0 -> files.readBinary(c);
            default -> ResponseApdu.status(StatusWords.INS_NOT_SUPPORTED);
        };
    }

    @Override
    public synchronized void reset() {
        pending.clear();
        files.reset();
    }

    @Override
    public String describe() {
        return "virtual Vitale 2 (" + beneficiaries.size() + " beneficiaries)";
    }
}
