package fr.vigie.hardware.card.apdu;

import fr.vigie.hardware.card.CardError;
import fr.vigie.hardware.card.CardRejectedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Strict BER-TLV parser for data read from cards (ISO 7816-4 § 5.2, X.690 tag and length rules).
 *
 * <p>Rejects, with the offset and the reason, anything that is not a clean sequence of objects:
 * truncated tags or lengths, tags longer than 3 bytes, the indefinite length {@code 80}, lengths
 * longer than 3 bytes, lengths that run past the end of the buffer, and padding bytes {@code 00}
 * or {@code FF} between objects (IAS-ECC and Vitale files read here never contain them). Never
 * loops more than once per input byte. Stateless and thread-safe.
 */
public final class BerTlv {
    private BerTlv() {
    }

    /** @return the objects of {@code data}, in order; an empty input gives an empty list */
    public static List<Tlv> parse(byte[] data) throws CardRejectedException {
        List<Tlv> out = new ArrayList<>();
        int i = 0;
        while (i < data.length) {
            int start = i;
            int first = data[i++] & 0xFF;
            if (first == 0x00 || first == 0xFF) {
                throw reject(start, String.format("padding or invalid tag byte %02X", first));
            }
            int tag = first;
            if ((first & 0x1F) == 0x1F) {
                int extra = 0;
                int b;
                do {
                    if (i >= data.length) {
                        throw reject(start, "tag truncated");
                    }
                    b = data[i++] & 0xFF;
                    if (++extra > 2) {
                        throw reject(start, "tag longer than 3 bytes");
                    }
                    tag = (tag << 8) | b;
                } while ((b & 0x80) != 0);
            }
            if (i >= data.length) {
                throw reject(start, "length missing after tag " + Integer.toHexString(tag).toUpperCase());
            }
            int lenByte = data[i++] & 0xFF;
            int length;
            if (lenByte < 0x80) {
                length = lenByte;
            } else if (lenByte == 0x80) {
                throw reject(i - 1, "indefinite length (80) is not allowed");
            } else {
                int count = lenByte & 0x7F;
                if (count > 3) {
                    throw reject(i - 1, "length field of " + count + " bytes is too long");
                }
                if (i + count > data.length) {
                    throw reject(i - 1, "length field truncated");
                }
                length = 0;
                for (int k = 0; k < count; k++) {
                    length = (length << 8) | (data[i++] & 0xFF);
                }
            }
            if (length > data.length - i) {
                throw reject(start, String.format("length %d of tag %X exceeds the %d byte(s) left",
                        length, tag, data.length - i));
            }
            out.add(Tlv.wrap(tag, Arrays.copyOfRange(data, i, i + length)));
            i += length;
        }
        return out;
    }

    /** @return the single object that {@code data} must consist of */
    public static Tlv parseOne(byte[] data) throws CardRejectedException {
        List<Tlv> all = parse(data);
        if (all.size() != 1) {
            throw new CardRejectedException(CardError.CARD_MALFORMED_RESPONSE,
                    "BER-TLV: expected exactly one object, found " + all.size());
        }
        return all.get(0);
    }

    /** @return the single object, which must carry {@code expectedTag} */
    public static Tlv parseOne(byte[] data, int expectedTag) throws CardRejectedException {
        Tlv tlv = parseOne(data);
        if (tlv.tag() != expectedTag) {
            throw new CardRejectedException(CardError.CARD_MALFORMED_RESPONSE, String.format(
                    "BER-TLV: expected tag %X, found %X", expectedTag, tlv.tag()));
        }
        return tlv;
    }

    private static CardRejectedException reject(int offset, String why) {
        return new CardRejectedException(CardError.CARD_MALFORMED_RESPONSE,
                "BER-TLV at offset " + offset + ": " + why);
    }
}
