package fr.vigie.hardware.print;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An IPP/1.1 request in the binary encoding of RFC 8010 §3: version, operation, request id, then attribute
 * groups (tag, name, value, each length-prefixed), the end tag, and the document if any. Builds bytes once;
 * not thread-safe. Only what Vigie sends: the operation group's strings, an integer, the document.
 */
final class IppRequest {
    static final int PRINT_JOB = 0x0002;
    static final int GET_PRINTER_ATTRIBUTES = 0x000B;

    static final int OPERATION_GROUP = 0x01;
    static final int JOB_GROUP = 0x02;
    static final int END_OF_ATTRIBUTES = 0x03;
    static final int PRINTER_GROUP = 0x04;

    static final int INTEGER = 0x21;
    static final int BOOLEAN = 0x22;
    static final int ENUM = 0x23;
    static final int TEXT = 0x41;
    static final int NAME = 0x42;
    static final int KEYWORD = 0x44;
    static final int URI = 0x45;
    static final int CHARSET = 0x47;
    static final int NATURAL_LANGUAGE = 0x48;
    static final int MIME_MEDIA_TYPE = 0x49;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int requestId;

    /**
     * Starts a request: version 1.1, then the operation group with the two attributes every request opens
     * with (RFC 8011 §4.1.4): {@code attributes-charset} utf-8 and {@code attributes-natural-language}.
     */
    IppRequest(int operation, int requestId, String naturalLanguage) {
        this.requestId = requestId;
        out.write(1);
        out.write(1);
        short16(operation);
        int32(requestId);
        out.write(OPERATION_GROUP);
        attribute(CHARSET, "attributes-charset", "utf-8");
        attribute(NATURAL_LANGUAGE, "attributes-natural-language", naturalLanguage);
    }

    int requestId() {
        return requestId;
    }

    /** One attribute of the current group: the first value under its name, the next ones as additional values. */
    IppRequest attribute(int tag, String name, String... values) {
        for (int i = 0; i < values.length; i++) {
            value(tag, i == 0 ? name : "", values[i].getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    IppRequest integer(String name, int value) {
        value(INTEGER, name, new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
        return this;
    }

    /** Opens the next attribute group ({@link #JOB_GROUP}…). */
    IppRequest group(int tag) {
        out.write(tag);
        return this;
    }

    /** The request's bytes: the groups, the end tag, then {@code document} (none when empty). */
    byte[] end(byte[] document) {
        out.write(END_OF_ATTRIBUTES);
        out.writeBytes(document);
        return out.toByteArray();
    }

    private void value(int tag, String name, byte[] value) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        if (n.length > 0x7FFF || value.length > 0x7FFF) {
            throw new IllegalArgumentException("IPP attribute " + name + " is too long");
        }
        out.write(tag);
        short16(n.length);
        out.writeBytes(n);
        short16(value.length);
        out.writeBytes(value);
    }

    private void short16(int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private void int32(int v) {
        short16(v >>> 16);
        short16(v & 0xFFFF);
    }
}
