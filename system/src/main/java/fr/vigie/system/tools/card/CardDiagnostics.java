package fr.vigie.system.tools.card;

import fr.vigie.hardware.card.CardError;
import fr.vigie.hardware.card.CardFailedException;
import fr.vigie.hardware.card.CardOperationException;
import fr.vigie.hardware.card.CardRejectedException;
import fr.vigie.hardware.card.CpsCard;
import fr.vigie.hardware.card.CpsHolder;
import fr.vigie.hardware.card.TerminalSource;
import fr.vigie.hardware.card.VitaleCard;
import fr.vigie.hardware.card.apdu.ApduTrace;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

/**
 * Reader and card diagnostics for support staff ({@code ./vigie card list | info}): which readers
 * are there, which card is in each, and what the card says about itself. Never shows a PIN, never
 * presents one, and never shows a NIR. Thread-safe (each call opens its own connection).
 *
 * <pre>{@code
 * CardDiagnostics diag = new CardDiagnostics(PcscTerminalSource.system());
 * diag.readers().forEach(System.out::println);
 * System.out.println(diag.describe("Virtual PCD 00 00"));
 * }</pre>
 */
public final class CardDiagnostics {
    /** One reader and whether a card is in it. */
    public record ReaderInfo(String name, boolean cardPresent, String atr) {
        @Override
        public String toString() {
            return name + ": " + (cardPresent ? "card " + atr : "empty");
        }
    }

    /** What a card is and says, as ordered key/value lines; {@code trace} holds the redacted APDUs. */
    public record CardDescription(String reader, String atr, String kind, Map<String, String> details,
            List<ApduTrace.Entry> trace) {
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(reader).append('\n').append("  ATR: ").append(atr).append('\n')
                    .append("  kind: ").append(kind).append('\n');
            details.forEach((k, v) -> s.append("  ").append(k).append(": ").append(v).append('\n'));
            return s.toString();
        }
    }

    private final TerminalSource source;

    public CardDiagnostics(TerminalSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** @return the readers present now */
    public List<ReaderInfo> readers() throws CardFailedException {
        try {
            List<ReaderInfo> out = new ArrayList<>();
            for (CardTerminal t : source.open().list()) {
                String atr = "";
                boolean present = t.isCardPresent();
                if (present) {
                    try {
                        Card c = t.connect("*");
                        atr = hex(c.getATR().getBytes());
                        c.disconnect(false);
                    } catch (CardException e) {
                        atr = "(unreadable: " + e.getMessage() + ")";
                    }
                }
                out.add(new ReaderInfo(t.getName(), present, atr));
            }
            return out;
        } catch (CardException e) {
            throw new CardFailedException(CardError.CARD_READER_UNAVAILABLE,
                    source.describe() + ": " + e.getMessage(), e);
        }
    }

    /** Connects to the card in {@code reader} and describes it (CPS, Vitale or unknown). */
    public CardDescription describe(String reader) throws CardOperationException {
        Card card;
        try {
            CardTerminal terminal = source.open().getTerminal(reader);
            if (terminal == null) {
                throw new CardFailedException(CardError.CARD_READER_UNAVAILABLE, "no reader named " + reader, null);
            }
            card = terminal.connect("*");
        } catch (CardException e) {
            throw new CardFailedException(CardError.CARD_REMOVED, "cannot connect to a card in " + reader
                    + ": " + e.getMessage(), e);
        }
        ApduTrace trace = new ApduTrace();
        Map<String, String> details = new LinkedHashMap<>();
        String atr = hex(card.getATR().getBytes());
        String kind;
        try {
            kind = describeCps(card, trace, details);
            if (kind == null) {
                kind = describeVitale(card, trace, details);
            }
            if (kind == null) {
                kind = "unknown card (neither CPS nor Vitale)";
            }
        } finally {
            try {
                card.disconnect(false);
            } catch (CardException e) {
                details.put("disconnect", e.getMessage());
            }
        }
        return new CardDescription(reader, atr, kind, details, trace.entries());
    }

    private static String describeCps(Card card, ApduTrace trace, Map<String, String> details)
            throws CardOperationException {
        CpsCard cps;
        try {
            cps = CpsCard.open(card, trace);
        } catch (CardRejectedException e) {
            return null;
        }
        CpsHolder holder = cps.holder();
        details.put("application", cps.mode() == CpsCard.Mode.CONTACT ? "CPX IAS (contact)" : "CPX IAS CL (contactless)");
        details.put("idNat_PS", holder.idNatPs());
        details.put("holder", holder.familyName() + " " + holder.givenName());
        details.put("certificate issuer", holder.certificate().getIssuerX500Principal().getName());
        details.put("certificate valid until", holder.certificate().getNotAfter().toInstant().toString());
        details.put("serial", cps.serial());
        if (cps.mode() == CpsCard.Mode.CONTACT) {
            int left = cps.pinTriesLeft();
            details.put("PIN tries left", left == 0 ? "0 (blocked)" : Integer.toString(left));
        }
        details.put("APDUs", Integer.toString(cps.apduCount()));
        return "CPS3 (IAS-ECC CPx)";
    }

    private static String describeVitale(Card card, ApduTrace trace, Map<String, String> details)
            throws CardOperationException {
        VitaleCard vitale;
        try {
            vitale = VitaleCard.open(card, trace);
        } catch (CardRejectedException e) {
            return null;
        }
        VitaleCard.Content content = vitale.read();
        details.put("beneficiaries", Integer.toString(content.beneficiaries().size()));
        details.put("APDUs", Integer.toString(vitale.apduCount()));
        return "Vitale 2 (layout from public reverse engineering)";
    }

    private static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }
}
