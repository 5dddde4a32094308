package fr.vigie.hardware.card.apdu;

import fr.vigie.hardware.card.CardError;
import fr.vigie.hardware.card.CardOperationException;
import fr.vigie.hardware.card.CardRejectedException;
import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * The ISO 7816-4 exchange rules on top of an {@link ApduChannel}: {@code 61xx} answered with GET
 * RESPONSE, {@code 6Cxx} answered by resending with the exact Le, SELECT and chunked READ BINARY,
 * status words mapped to {@link CardError} codes, an APDU count and a redacting {@link ApduTrace}.
 *
 * <p>Not thread-safe: one session serves one card connection on one thread. Every loop is bounded,
 * so a card that keeps answering {@code 61xx} or sends short chunks forever is rejected, not waited on.
 */
public final class ApduSession {
    /** Upper bound on GET RESPONSE rounds for one command. */
    static final int MAX_GET_RESPONSE = 64;
    /** Upper bound on a file read through READ BINARY (offsets are 15 bits). */
    static final int MAX_FILE_SIZE = 0x8000;

    private final ApduChannel channel;
    private final ApduTrace trace;
    private final int chunk;
    private int apduCount;

    /**
     * @param chunk the most bytes asked for in one READ BINARY (1..256)
     * @param trace where exchanges are recorded, or null for none
     */
    public ApduSession(ApduChannel channel, int chunk, ApduTrace trace) {
        if (chunk < 1 || chunk > 256) {
            throw new IllegalArgumentException("chunk must be 1..256: " + chunk);
        }
        this.channel = Objects.requireNonNull(channel, "channel");
        this.chunk = chunk;
        this.trace = trace;
    }

    /** A session reading 256-byte chunks, without a trace. */
    public ApduSession(ApduChannel channel) {
        this(channel, 256, null);
    }

    /** @return APDUs sent through this session so far, GET RESPONSE and retries included */
    public int apduCount() {
        return apduCount;
    }

    /** Sends one command, following {@code 61xx} and {@code 6Cxx}; returns whatever status follows. */
    public ResponseApdu transmit(CommandApdu command) throws CardOperationException {
        ResponseApdu response = send(command);
        if (response.sw1() == 0x6C) {
            response = send(command.withNe(response.sw2() == 0 ? 256 : response.sw2()));
            if (response.sw1() == 0x6C) {
                throw new CardRejectedException(CardError.CARD_MALFORMED_RESPONSE,
                        "card asked twice for another Le (6Cxx) on " + command);
            }
        }
        if (response.sw1() != 0x61) {
            return response;
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(response.data());
        for (int round = 0; response.sw1() == 0x61; round++) {
            if (round == MAX_GET_RESPONSE) {
                throw new CardRejectedException(CardError.CARD_MALFORMED_RESPONSE,
                        "more than " + MAX_GET_RESPONSE + " GET RESPONSE rounds (61xx) on " + command);
            }
            int more = response.sw2() == 0 ? 256 : response.sw2();
            response = send(Iso7816.getResponse(more));
            data.writeBytes(response.data());
        }
        return new ResponseApdu(data.toByteArray(), response.sw());
    }

    /** Sends one command and requires {@code 9000}; other status words become precise rejections. */
    public ResponseApdu transmitOk(CommandApdu command, String step) throws CardOperationException {
        ResponseApdu response = transmit(command);
        if (!response.isSuccess()) {
            throw StatusWords.toRejection(response.sw(), step);
        }
        return response;
    }

    /** Selects an application; {@code 6A82} becomes {@link CardError#CARD_APPLICATION_NOT_FOUND}. */
    public byte[] selectAid(byte[] aid, String name) throws CardOperationException {
        ResponseApdu response = transmit(Iso7816.selectAid(aid));
        if (response.sw() == StatusWords.FILE_NOT_FOUND) {
            throw new CardRejectedException(CardError.CARD_APPLICATION_NOT_FOUND,
                    "application " + name + " is not on this card");
        }
        if (!response.isSuccess()) {
            throw StatusWords.toRejection(response.sw(), "SELECT " + name);
        }
        return response.data();
    }

    /** Selects a file by its path from the MF (3F00 omitted) and returns its FCP bytes. */
    public byte[] selectPath(byte[] path, String name) throws CardOperationException {
        return transmitOk(Iso7816.selectPathFromMf(path), "SELECT " + name).data();
    }

    /**
     * Reads the current EF to its end with READ BINARY in chunks.
     *
     * @param size the file size if known (from the FCP), or -1 to read until a short chunk,
     *     {@code 6282} or {@code 6B00}
     */
    public byte[] readBinary(int size, String name) throws CardOperationException {
        if (size > MAX_FILE_SIZE) {
            throw new CardRejectedException(CardError.CARD_MALFORMED_RESPONSE,
                    name + ": announced size " + size + " exceeds " + MAX_FILE_SIZE);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int offset = 0;
        while (size < 0 || offset < size) {
            if (offset >= MAX_FILE_SIZE) {
                throw new CardRejectedException(CardError.CARD_MALFORMED_RESPONSE,
                        name + ": file longer than " + MAX_FILE_SIZE + " bytes");
            }
            int want = size < 0 ? chunk : Math.min(chunk, size - offset);
            ResponseApdu r = transmit(Iso7816.readBinary(offset, want));
            boolean end = r.sw() == StatusWords.END_OF_FILE_WARNING
                    || (r.sw() == StatusWords.WRONG_P1P2_OFFSET && offset > 0 && size < 0);
            if (!r.isSuccess() && !end) {
                throw StatusWords.toRejection(r.sw(), "READ BINARY " + name + " at " + offset);
            }
            if (r.length() > want) {
                throw new CardRejectedException(CardError.CARD_MALFORMED_RESPONSE, name + ": asked "
                        + want + " bytes at offset " + offset + ", got " + r.length());
            }
            out.writeBytes(r.data());
            offset += r.length();
            if (end || r.length() < want) {
                if (size >= 0 && offset < size) {
                    throw new CardRejectedException(CardError.CARD_MALFORMED_RESPONSE, name
                            + ": file announced " + size + " bytes but ended at " + offset);
                }
                break;
            }
        }
        return out.toByteArray();
    }

    private ResponseApdu send(CommandApdu command) throws CardOperationException {
        apduCount++;
        long start = System.nanoTime();
        try {
            ResponseApdu response = channel.transmit(command);
            if (trace != null) {
                trace.record(command, response.toString(), (System.nanoTime() - start) / 1000);
            }
            return response;
        } catch (CardOperationException e) {
            if (trace != null) {
                trace.record(command, e.getMessage(), (System.nanoTime() - start) / 1000);
            }
            throw e;
        }
    }
}
