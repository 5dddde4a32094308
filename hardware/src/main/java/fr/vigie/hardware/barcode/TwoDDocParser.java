package fr.vigie.hardware.barcode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The structural reading of a {@link TwoDDoc}. */
final class TwoDDocParser {
    private static final char GS = ScannedCode.GS;
    private static final char US = ScannedCode.US;
    /** Decoded lengths of ECDSA {@code r||s} for P-256, P-384, P-521. */
    private static final Set<Integer> SIGNATURE_BYTES = Set.of(64, 96, 132);

    private TwoDDocParser() {
    }

    static int headerLength(int version) {
        return version >= 4 ? 26 : version == 3 ? 24 : 22;
    }

    static TwoDDoc parse(String text, Map<String, Integer> fixedLengths) throws BarcodeRejectedException {
        if (text.length() < 4) {
            throw reject("DC".startsWith(text.substring(0, Math.min(2, text.length())))
                    ? BarcodeError.BARCODE_TRUNCATED : BarcodeError.TWODDOC_BAD_HEADER,
                    "the data has " + text.length() + " characters, too few for the DC marker and version");
        }
        if (!text.startsWith("DC")) {
            throw reject(BarcodeError.TWODDOC_BAD_HEADER, "the header does not start with DC");
        }
        String v = text.substring(2, 4);
        if (!v.matches("0[1-4]")) {
            throw reject(v.matches("[0-9]{2}") ? BarcodeError.BARCODE_MISLABELLED : BarcodeError.TWODDOC_BAD_HEADER,
                    "the header announces version '" + Visible.of(v) + "'; versions 01 to 04 are known");
        }
        int version = v.charAt(1) - '0';
        int headerLength = headerLength(version);
        if (text.length() < headerLength) {
            throw reject(BarcodeError.BARCODE_TRUNCATED, "a version " + version + " header has " + headerLength
                    + " characters, the data only " + text.length());
        }
        String caId = part(text, 4, 8, "[A-Z0-9]{4}", "CA id");
        String certId = part(text, 8, 12, "[A-Z0-9]{4}", "certificate id");
        Optional<LocalDate> issued = date(text, 12, "issue date");
        Optional<LocalDate> signed = date(text, 16, "signature date");
        String type = part(text, 20, 22, "[A-Z0-9]{2}", "document type");
        Optional<String> perimeter = version >= 3 ? Optional.of(part(text, 22, 24, "[0-9]{2}", "périmètre"))
                : Optional.empty();
        Optional<String> country = version >= 4 ? Optional.of(part(text, 24, 26, "[A-Z]{2}", "country"))
                : Optional.empty();
        int us = text.indexOf(US, headerLength);
        if (us < 0) {
            throw reject(BarcodeError.TWODDOC_SIGNATURE_MISSING,
                    "no US separator after the message: a 2D-Doc without signature is not valid");
        }
        List<TwoDDoc.Field> fields = fields(text.substring(headerLength, us), headerLength, fixedLengths);
        String signature = signature(text.substring(us + 1));
        return new TwoDDoc(version, caId, certId, issued, signed, type, perimeter, country, fields, signature,
                text.substring(0, us));
    }

    private static String part(String text, int from, int to, String pattern, String what)
            throws BarcodeRejectedException {
        String p = text.substring(from, to);
        if (!p.matches(pattern)) {
            throw reject(BarcodeError.TWODDOC_BAD_HEADER, "the " + what + " at characters " + (from + 1) + "–" + to
                    + " is '" + Visible.of(p) + "', which does not match " + pattern);
        }
        return p;
    }

    private static Optional<LocalDate> date(String text, int from, String what) throws BarcodeRejectedException {
        String hex = text.substring(from, from + 4);
        if (!hex.matches("[0-9A-Fa-f]{4}")) {
            throw reject(BarcodeError.TWODDOC_BAD_DATE, "the " + what + " at characters " + (from + 1) + "–" + (from + 4)
                    + " is '" + Visible.of(hex) + "', not 4 hex digits (days since 2000-01-01, FFFF for none)");
        }
        int days = Integer.parseInt(hex, 16);
        return days == 0xFFFF ? Optional.empty() : Optional.of(TwoDDoc.EPOCH.plusDays(days));
    }

    private static List<TwoDDoc.Field> fields(String message, int offset, Map<String, Integer> fixedLengths)
            throws BarcodeRejectedException {
        if (message.isEmpty()) {
            throw reject(BarcodeError.TWODDOC_BAD_FIELD, "the message has no field");
        }
        List<TwoDDoc.Field> fields = new ArrayList<>();
        int pos = 0;
        while (pos < message.length()) {
            int at = offset + pos + 1;
            if (pos + 2 > message.length() || message.charAt(pos) == GS || message.charAt(pos + 1) == GS) {
                throw reject(BarcodeError.TWODDOC_BAD_FIELD, "a field at character " + at
                        + " has no 2-character identifier (empty field or stray GS)");
            }
            String id = message.substring(pos, pos + 2);
            if (!id.matches("[A-Z0-9]{2}")) {
                throw reject(BarcodeError.TWODDOC_BAD_FIELD, "field identifier '" + Visible.of(id) + "' at character "
                        + at + " is not 2 letters or digits");
            }
            pos += 2;
            Integer fixed = fixedLengths.get(id);
            String value;
            if (fixed != null) {
                if (pos + fixed > message.length()) {
                    throw reject(BarcodeError.BARCODE_TRUNCATED, "field " + id + " has " + (message.length() - pos)
                            + " of its " + fixed + " characters");
                }
                value = message.substring(pos, pos + fixed);
                pos += fixed;
            } else {
                int gs = message.indexOf(GS, pos);
                value = message.substring(pos, gs < 0 ? message.length() : gs);
                pos = gs < 0 ? message.length() : gs + 1;
            }
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) < 0x20 || value.charAt(i) == 0x7F) {
                    throw reject(BarcodeError.TWODDOC_BAD_FIELD, "field " + id + " holds control character "
                            + Visible.of(value.substring(i, i + 1)));
                }
            }
            fields.add(new TwoDDoc.Field(id, value));
        }
        return fields;
    }

    private static String signature(String s) throws BarcodeRejectedException {
        String body = s.replaceFirst("=+$", "");
        if (!body.matches("[A-Z2-7]+")) {
            throw reject(BarcodeError.TWODDOC_BAD_SIGNATURE, body.isEmpty() ? "the signature after US is empty"
                    : "the signature after US is not base32 (A-Z, 2-7)");
        }
        int bytes = body.length() * 5 / 8;
        if (!SIGNATURE_BYTES.contains(bytes)) {
            throw reject(BarcodeError.TWODDOC_BAD_SIGNATURE, "the signature decodes to " + bytes
                    + " bytes; ECDSA r||s has 64 (P-256), 96 (P-384) or 132 (P-521)");
        }
        return s;
    }

    private static BarcodeRejectedException reject(BarcodeError error, String message) {
        return new BarcodeRejectedException(error, "2D-Doc: " + message);
    }
}
