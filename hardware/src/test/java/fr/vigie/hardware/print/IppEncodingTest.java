package fr.vigie.hardware.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** IPP requests and answers in the binary encoding of RFC 8010, byte for byte. */
class IppEncodingTest {

    @Test
    void aPrintJobRequestIsEncodedAsRfc8010Says() {
        byte[] doc = "%PDF".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new IppRequest(IppRequest.PRINT_JOB, 7, "en")
                .attribute(IppRequest.URI, "printer-uri", "ipp://h/p")
                .attribute(IppRequest.MIME_MEDIA_TYPE, "document-format", "application/pdf").end(doc);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(HexFormat.of().parseHex("0101" + "0002" + "00000007" + "01"));
        expected.writeBytes(attr(0x47, "attributes-charset", "utf-8"));
        expected.writeBytes(attr(0x48, "attributes-natural-language", "en"));
        expected.writeBytes(attr(0x45, "printer-uri", "ipp://h/p"));
        expected.writeBytes(attr(0x49, "document-format", "application/pdf"));
        expected.write(0x03);
        expected.writeBytes(doc);
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(HexFormat.of().formatHex(expected.toByteArray()));
    }

    @Test
    void moreValuesOfOneAttributeFollowWithAnEmptyName() {
        byte[] bytes = new IppRequest(IppRequest.GET_PRINTER_ATTRIBUTES, 1, "fr")
                .attribute(IppRequest.KEYWORD, "requested-attributes", "printer-state", "printer-is-accepting-jobs")
                .end(new byte[0]);
        String hex = HexFormat.of().formatHex(bytes);
        assertThat(hex).endsWith(HexFormat.of().formatHex(attr(0x44, "requested-attributes", "printer-state"))
                + HexFormat.of().formatHex(attr(0x44, "", "printer-is-accepting-jobs")) + "03");
    }

    @Test
    void anAnswerGivesItsStatusAndTheAttributesOfEachGroup() throws Exception {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        a.writeBytes(HexFormat.of().parseHex("0200" + "0000" + "0000002a" + "01"));
        a.writeBytes(attr(0x47, "attributes-charset", "utf-8"));
        // textWithLanguage: language, then text
        a.writeBytes(raw(0x35, "status-message", HexFormat.of().parseHex("0002" + "6672" + "0002" + "6f6b")));
        a.write(0x02);
        a.writeBytes(raw(0x21, "job-id", HexFormat.of().parseHex("0000004d")));
        a.writeBytes(raw(0x23, "job-state", HexFormat.of().parseHex("00000003")));
        a.writeBytes(attr(0x44, "job-state-reasons", "job-incoming"));
        a.writeBytes(attr(0x44, "", "job-printing"));
        a.write(0x04);
        a.writeBytes(raw(0x22, "printer-is-accepting-jobs", new byte[] {0}));
        // a collection is skipped without losing what follows
        a.writeBytes(raw(0x34, "media-col", new byte[0]));
        a.writeBytes(raw(0x4A, "", "media-size".getBytes(StandardCharsets.US_ASCII)));
        a.writeBytes(raw(0x37, "", new byte[0]));
        a.writeBytes(raw(0x23, "printer-state", HexFormat.of().parseHex("00000005")));
        a.write(0x03);

        IppResponse r = IppResponse.parse(a.toByteArray());
        assertThat(r.successful()).isTrue();
        assertThat(r.requestId()).isEqualTo(42);
        assertThat(r.text(IppRequest.OPERATION_GROUP, "status-message")).contains("ok");
        assertThat(r.integer(IppRequest.JOB_GROUP, "job-id")).hasValue(77);
        assertThat(r.integer(IppRequest.JOB_GROUP, "job-state")).hasValue(3);
        assertThat(r.texts(IppRequest.JOB_GROUP, "job-state-reasons")).containsExactly("job-incoming", "job-printing");
        assertThat(r.bool(IppRequest.PRINTER_GROUP, "printer-is-accepting-jobs")).contains(false);
        assertThat(r.integer(IppRequest.PRINTER_GROUP, "printer-state")).hasValue(5);
    }

    @Test
    void errorStatusesAreNamedAndNotSuccessful() throws Exception {
        IppResponse r = IppResponse.parse(HexFormat.of().parseHex("0101" + "0406" + "00000001" + "03"));
        assertThat(r.successful()).isFalse();
        assertThat(r.statusName()).isEqualTo("client-error-not-found");
    }

    @Test
    void whatIsNotAnIppAnswerIsABadAnswer() {
        assertThatThrownBy(() -> IppResponse.parse("<html>".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(PrintException.class,
                        e -> assertThat(e.error()).isEqualTo(PrintError.PRINTER_BAD_ANSWER));
        assertThatThrownBy(() -> IppResponse.parse(HexFormat.of().parseHex("0101" + "0000" + "00000001" + "01" + "21000a")))
                .isInstanceOfSatisfying(PrintException.class,
                        e -> assertThat(e.error()).isEqualTo(PrintError.PRINTER_BAD_ANSWER));
    }

    @Test
    void printerUrisAreIppWithAHostAndAPath() {
        assertThat(IppPrinter.parseUri(" ipp://cups.chu-nord.local/printers/etiquettes "))
                .isEqualTo(URI.create("ipp://cups.chu-nord.local/printers/etiquettes"));
        assertThat(IppPrinter.parseUri("ipps://10.0.0.5:8631/ipp/print")).hasPort(8631);
        for (String wrong : new String[] {"http://h/printers/x", "ipp://h", "ipp:///printers/x", "etiquettes",
                "ipp://u:p@h/printers/x", "ipp://h/printers/x?a=b", "ipp://h /x"}) {
            assertThatThrownBy(() -> IppPrinter.parseUri(wrong)).as(wrong).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static byte[] attr(int tag, String name, String value) {
        return raw(tag, name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] raw(int tag, String name, byte[] value) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        o.write(tag);
        o.write(n.length >> 8);
        o.write(n.length);
        o.writeBytes(n);
        o.write(value.length >> 8);
        o.write(value.length);
        o.writeBytes(value);
        return o.toByteArray();
    }
}
