package fr.vigie.hardware.card;

import fr.vigie.hardware.card.apdu.ApduChannel;
import fr.vigie.hardware.card.apdu.ApduSession;
import fr.vigie.hardware.card.apdu.ApduTrace;
import fr.vigie.hardware.card.apdu.BerTlv;
import fr.vigie.hardware.card.apdu.Iso7816;
import fr.vigie.hardware.card.apdu.Tlv;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.smartcardio.Card;

/**
 * The Vitale 2 card profile: reads the insured person's NIR and the list of beneficiaries.
 *
 * <p><b>The layout is not an official specification.</b> It follows the publicly
 * reverse-engineered Vitale 2 layout (application "VITALE" {@code D250000002564954414C45}, pointer
 * file {@code 2001} = {@code E0} template listing data files as {@code 80} entries of name (8
 * bytes) + entry (2) + file id (2); beneficiary template {@code 65} with {@code 93} NIR,
 * {@code 80} family name, {@code 81} given names, {@code 82} birth date {@code YYYYMMDD}). The
 * birth rank {@code 83} (one ASCII digit, default 1) is Vigie's assumption. The first beneficiary
 * is the insured person ("ouvrant droit"). The Vitale card is not an identity document: what it
 * says only starts an INSi lookup. Not thread-safe.
 */
public final class VitaleCard {
    /** AID of the "VITALE" application. */
    public static final byte[] VITALE_AID = HexFormat.of().parseHex("D250000002564954414C45");
    /** File listing the data files of the application. */
    public static final int EF_POINTERS = 0x2001;

    /** What the card says about the people it covers. */
    public record Content(String insuredNir, List<VitaleBeneficiary> beneficiaries) {
        public Content {
            Objects.requireNonNull(insuredNir, "insuredNir");
            beneficiaries = List.copyOf(beneficiaries);
        }

        @Override
        public String toString() {
            return "Vitale[" + beneficiaries.size() + " beneficiaries]";
        }
    }

    private final ApduSession session;

    private VitaleCard(ApduSession session) {
        this.session = session;
    }

    /** Opens the "VITALE" application; {@link CardError#CARD_NOT_SUPPORTED} if it is not there. */
    public static VitaleCard open(ApduChannel channel, ApduTrace trace) throws CardOperationException {
        ApduSession session = new ApduSession(channel, 256, trace);
        try {
            session.selectAid(VITALE_AID, "VITALE");
        } catch (CardRejectedException e) {
            if (e.error() == CardError.CARD_APPLICATION_NOT_FOUND) {
                throw new CardRejectedException(CardError.CARD_NOT_SUPPORTED, "not a Vitale 2 card");
            }
            throw e;
        }
        return new VitaleCard(session);
    }

    /** Opens the "VITALE" application on a connected {@code javax.smartcardio} card. */
    public static VitaleCard open(Card card, ApduTrace trace) throws CardOperationException {
        return open(new SmartcardioChannel(card.getBasicChannel()), trace);
    }

    public int apduCount() {
        return session.apduCount();
    }

    /** Reads every data file listed by the pointer file and collects the beneficiaries. */
    public Content read() throws CardOperationException {
        List<VitaleBeneficiary> people = new ArrayList<>();
        for (int fid : dataFiles()) {
            session.transmitOk(Iso7816.selectFid(fid), String.format("SELECT Vitale file %04X", fid));
            byte[] content = session.readBinary(-1, String.format("Vitale file %04X", fid));
            for (Tlv t : BerTlv.parse(content)) {
                if (t.tag() == 0x65) {
                    people.add(VitaleResponses.beneficiary(t));
                }
            }
        }
        if (people.isEmpty()) {
            throw new CardRejectedException(CardError.CARD_MALFORMED_RESPONSE, "Vitale card lists no beneficiary");
        }
        String insured = people.get(0).nir().orElseThrow(() -> new CardRejectedException(
                CardError.CARD_MALFORMED_RESPONSE, "the insured person (first beneficiary) has no NIR"));
        return new Content(insured, people);
    }

    private List<Integer> dataFiles() throws CardOperationException {
        session.transmitOk(Iso7816.selectFid(EF_POINTERS), "SELECT Vitale pointers");
        Tlv e0 = BerTlv.parseOne(session.readBinary(-1, "Vitale pointers"), 0xE0);
        List<Integer> fids = new ArrayList<>();
        for (Tlv t : e0.children()) {
            if (t.tag() == 0x80) {
                if (t.length() != 12) {
                    throw new CardRejectedException(CardError.CARD_MALFORMED_RESPONSE,
                            "Vitale pointer entry of " + t.length() + " bytes, expected 12");
                }
                byte[] v = t.value();
                fids.add(((v[10] & 0xFF) << 8) | (v[11] & 0xFF));
            }
        }
        if (fids.isEmpty() || fids.size() > 16) {
            throw new CardRejectedException(CardError.CARD_MALFORMED_RESPONSE,
                    "Vitale pointer file lists " + fids.size() + " data files");
        }
        return fids;
    }
}
