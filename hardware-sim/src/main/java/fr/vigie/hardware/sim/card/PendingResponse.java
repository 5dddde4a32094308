package fr.vigie.hardware.sim.card;

import fr.vigie.hardware.card.apdu.CommandApdu;
import fr.vigie.hardware.card.apdu.Iso7816;
import fr.vigie.hardware.card.apdu.ResponseApdu;
import fr.vigie.hardware.card.apdu.StatusWords;
import java.util.Arrays;

/**
 * The T=0 way of returning data (the virtual cards' ATRs announce T=0): a command sent without Le
 * whose answer carries data gets {@code 61xx}, and the data follows with GET RESPONSE, in pieces
 * if asked so. Not thread-safe: the owning card serialises access.
 */
final class PendingResponse {
    private byte[] pending;
    private int pendingSw;

    /** Filters every command: serves GET RESPONSE, or lets {@code card} answer and holds back its data. */
    ResponseApdu exchange(CommandApdu c, java.util.function.Function<CommandApdu, ResponseApdu> card) {
        if (c.ins() == Iso7816.INS_GET_RESPONSE && c.cla() == 0x00) {
            return getResponse(c);
        }
        pending = null;
        ResponseApdu r = card.apply(c);
        if (c.ne() == 0 && r.length() > 0) {
            pending = r.data();
            pendingSw = r.sw();
            return ResponseApdu.status(0x6100 | (Math.min(pending.length, 256) & 0xFF));
        }
        return r;
    }

    void clear() {
        pending = null;
    }

    private ResponseApdu getResponse(CommandApdu c) {
        if (pending == null) {
            return ResponseApdu.status(StatusWords.CONDITIONS_NOT_SATISFIED);
        }
        int want = c.ne() == 0 ? 256 : c.ne();
        if (want > pending.length) {
            return ResponseApdu.status(0x6C00 | (pending.length & 0xFF));
        }
        byte[] now = Arrays.copyOf(pending, want);
        byte[] rest = Arrays.copyOfRange(pending, want, pending.length);
        if (rest.length == 0) {
            pending = null;
            return new ResponseApdu(now, pendingSw);
        }
        pending = rest;
        return new ResponseApdu(now, 0x6100 | (Math.min(rest.length, 256) & 0xFF));
    }
}
