package fr.vigie.hardware.card.apdu;

import fr.vigie.hardware.card.CardRejectedException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One BER-TLV data object: a tag (1 to 3 bytes, kept as an int such as {@code 0x5F20}) and its
 * value. Immutable. Constructed objects expose their {@link #children()}, parsed on demand with the
 * same strict rules as {@link BerTlv#parse(byte[])}.
 *
 * <pre>{@code
 * Tlv fcp = BerTlv.parseOne(selectResponse);          // 62 ...
 * int size = fcp.find(0x80).map(Tlv::intValue).orElse(-1);
 * }</pre>
 */
public final class Tlv {
    private final int tag;
    private final byte[] value;

    private Tlv(int tag, byte[] value) {
        if (tag <= 0 || tag > 0xFFFFFF) {
            throw new IllegalArgumentException("tag out of range: " + Integer.toHexString(tag));
        }
        this.tag = tag;
        this.value = value;
    }

    /** @return a primitive or constructed object holding {@code value} (copied) */
    public static Tlv of(int tag, byte[] value) {
        return new Tlv(tag, value.clone());
    }

    /** @return a constructed object whose value is the encoding of {@code children} */
    public static Tlv constructed(int tag, Tlv... children) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Tlv child : children) {
            out.writeBytes(child.encode());
        }
        return new Tlv(tag, out.toByteArray());
    }

    static Tlv wrap(int tag, byte[] valueOwned) {
        return new Tlv(tag, valueOwned);
    }

    public int tag() {
        return tag;
    }

    /** @return whether the tag's first byte has the "constructed" bit (b6) set */
    public boolean isConstructed() {
        return (firstTagByte() & 0x20) != 0;
    }

    private int firstTagByte() {
        return tag > 0xFFFF ? tag >> 16 : tag > 0xFF ? tag >> 8 : tag;
    }

    /** @return a copy of the value bytes */
    public byte[] value() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    /** @return the value read as an unsigned big-endian integer (at most 4 bytes) */
    public int intValue() {
        if (value.length == 0 || value.length > 4) {
            throw new IllegalStateException("value of tag " + tagHex() + " is not a 1-4 byte integer");
        }
        int v = 0;
        for (byte b : value) {
            v = (v << 8) | (b & 0xFF);
        }
        return v;
    }

    /** @return the objects inside this one's value, strictly parsed */
    public List<Tlv> children() throws CardRejectedException {
        return BerTlv.parse(value);
    }

    /** @return the first child with this tag, if any */
    public Optional<Tlv> find(int childTag) throws CardRejectedException {
        for (Tlv child : children()) {
            if (child.tag == childTag) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    /** @return the DER-style encoding (minimal length form) of this object */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        if (tag > 0xFFFF) {
            out.write(tag >> 16);
        }
        if (tag > 0xFF) {
            out.write(tag >> 8);
        }
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n <= 0xFF) {
            out.write(0x81);
            out.write(n);
        } else if (n <= 0xFFFF) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    String tagHex() {
        return Integer.toHexString(tag).toUpperCase();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tlv t && t.tag == tag && Arrays.equals(t.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * tag + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return tagHex() + "[" + value.length + "]=" + HexFormat.of().withUpperCase().formatHex(value);
    }
}
