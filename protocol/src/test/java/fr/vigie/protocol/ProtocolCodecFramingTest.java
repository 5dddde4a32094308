package fr.vigie.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Rejections of bytes that are not one well-formed, reasonably sized JSON object. */
class ProtocolCodecFramingTest {
    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void emptyMessageIsRejectedAsMalformed() {
        ProtocolException e = rejected(() -> codec.decodeEvent(new byte[0]));

        assertEquals(ProtocolError.MALFORMED_JSON, e.error());
        assertEquals("message is empty", e.getMessage());
    }

    @Test
    void nullMessageIsRejectedAsEmpty() {
        ProtocolException e = rejected(() -> codec.decodeStatus(null));

        assertEquals(ProtocolError.MALFORMED_JSON, e.error());
        assertEquals("message is empty", e.getMessage());
    }

    @Test
    void blankMessageIsRejectedAsNotAnObject() {
        ProtocolException e = rejected(() -> codec.decodeCommand(Samples.utf8("  \n ")));

        assertEquals(ProtocolError.MALFORMED_JSON, e.error());
        assertEquals("message must be one JSON object", e.getMessage());
    }

    @Test
    void messageOverTheLimitIsRejectedBeforeParsing() {
        ProtocolCodec small = new ProtocolCodec(256);
        byte[] big = new byte[257];
        Arrays.fill(big, (byte) '{');

        ProtocolException e = rejected(() -> small.decodeEvent(big));

        assertEquals(ProtocolError.MESSAGE_TOO_LARGE, e.error());
        assertEquals("message is 257 bytes, the limit is 256", e.getMessage());
    }

    @Test
    void messageExactlyAtTheLimitIsRead() throws Exception {
        ConfigBundle c = Samples.config();
        ConfigBundle big = new ConfigBundle(c.site(), c.kioskId(), c.version(), c.issuedAt(), "a.b." + "c".repeat(300),
                c.schema());
        byte[] wire = codec.encode(big);
        ProtocolCodec exact = new ProtocolCodec(wire.length);

        assertEquals(big, exact.decodeConfig(wire));
    }

    @Test
    void codecRefusesALimitTooSmallForAnyMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ProtocolCodec(255));
        assertEquals("maxBytes must be at least 256, got 255", e.getMessage());
    }

    @Test
    void textThatIsNotJsonIsRejectedAsMalformed() {
        ProtocolException e = rejected(() -> codec.decodeEvent(Samples.utf8("hello hub")));

        assertEquals(ProtocolError.MALFORMED_JSON, e.error());
        assertTrue(e.getMessage().startsWith("not valid JSON: "), e.getMessage());
        assertTrue(e.getMessage().contains("'hello'"), e.getMessage());
    }

    @Test
    void truncatedObjectIsRejectedAsMalformed() {
        byte[] wire = codec.encode(Samples.kioskStarted());
        byte[] cut = Arrays.copyOf(wire, wire.length - 2);

        ProtocolException e = rejected(() -> codec.decodeEvent(cut));

        assertEquals(ProtocolError.MALFORMED_JSON, e.error());
        assertTrue(e.getMessage().contains("end-of-input"), e.getMessage());
    }

    @Test
    void trailingGarbageAfterTheObjectIsRejected() {
        byte[] wire = Samples.utf8(new String(codec.encode(Samples.kioskStarted()), StandardCharsets.UTF_8) + " x");

        ProtocolException e = rejected(() -> codec.decodeEvent(wire));

        assertEquals(ProtocolError.MALFORMED_JSON, e.error());
        assertTrue(e.getMessage().startsWith("not valid JSON: "), e.getMessage());
    }

    @Test
    void secondObjectAfterTheFirstIsRejectedAsTrailingData() {
        String one = new String(codec.encode(Samples.reply()), StandardCharsets.UTF_8);

        ProtocolException e = rejected(() -> codec.decodeReply(Samples.utf8(one + one)));

        assertEquals(ProtocolError.MALFORMED_JSON, e.error());
        assertTrue(e.getMessage().toLowerCase().contains("trailing token"), e.getMessage());
    }

    @Test
    void jsonArrayIsRejectedAsNotAnObject() {
        ProtocolException e = rejected(() -> codec.decodeEvent(Samples.utf8("[{\"seq\":1}]")));

        assertEquals(ProtocolError.MALFORMED_JSON, e.error());
        assertEquals("message must be one JSON object", e.getMessage());
    }

    @Test
    void bareScalarIsRejectedAsNotAnObject() {
        ProtocolException e = rejected(() -> codec.decodeConfig(Samples.utf8("42")));

        assertEquals(ProtocolError.MALFORMED_JSON, e.error());
        assertEquals("message must be one JSON object", e.getMessage());
    }

    @Test
    void duplicateKeyIsRejectedAsMalformed() {
        String json = "{\"site\":\"chu-nord\",\"site\":\"chu-sud\"}";

        ProtocolException e = rejected(() -> codec.decodeStatus(Samples.utf8(json)));

        assertEquals(ProtocolError.MALFORMED_JSON, e.error());
        assertTrue(e.getMessage().contains("Duplicate field 'site'"), e.getMessage());
    }

    @Test
    void duplicateKeyInsideThePayloadIsRejectedAsMalformed() {
        String json = "{\"payload\":{\"action\":\"a\",\"action\":\"b\"}}";

        ProtocolException e = rejected(() -> codec.decodeEvent(Samples.utf8(json)));

        assertEquals(ProtocolError.MALFORMED_JSON, e.error());
        assertTrue(e.getMessage().contains("Duplicate field 'action'"), e.getMessage());
    }

    @Test
    void nestingDeeperThanSixteenLevelsIsRejectedAsMalformed() {
        String json = "{\"payload\":" + "[".repeat(20) + "]".repeat(20) + "}";

        ProtocolException e = rejected(() -> codec.decodeEvent(Samples.utf8(json)));

        assertEquals(ProtocolError.MALFORMED_JSON, e.error());
        assertTrue(e.getMessage().contains("nesting depth") && e.getMessage().contains("16"), e.getMessage());
    }

    @Test
    void invalidUtf8IsRejectedAsMalformed() {
        byte[] wire = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};

        ProtocolException e = rejected(() -> codec.decodeStatus(wire));

        assertEquals(ProtocolError.MALFORMED_JSON, e.error());
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void nonNumericNumberIsRejectedAsMalformed() {
        String json = "{\"seq\":NaN}";

        ProtocolException e = rejected(() -> codec.decodeEvent(Samples.utf8(json)));

        assertEquals(ProtocolError.MALFORMED_JSON, e.error());
    }

    static ProtocolException rejected(Executable decode) {
        return assertThrows(ProtocolException.class, decode);
    }
}
