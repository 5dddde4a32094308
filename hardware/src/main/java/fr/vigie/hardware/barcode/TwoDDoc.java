package fr.vigie.hardware.barcode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A 2D-Doc (ANTS; also the seal of the French identity card), parsed for its structure only: the
 * signature is <em>not</em> verified here (that needs the signed trust list, later, elsewhere).
 *
 * <p>Header (DOMAIN §7), in this order: {@code DC}, version (2 digits, 01–04), CA id (4),
 * certificate id (4), issue date and signature date (4 hex digits each: days since 2000-01-01,
 * {@code FFFF} for none), document type (2), périmètre (2, version 3 and later), country (2,
 * version 4). Then the message: fields of a 2-character identifier and a value, a GS ending a
 * variable-length value; then US and the signature, base32 of ECDSA {@code r||s} (P-256, P-384 or
 * P-521). Field lengths depend on a per-document dictionary that Vigie does not carry: without it,
 * each GS-terminated run is one field, and fixed-length fields written without GS stay glued to
 * the next one; {@link #parse(String, Map)} splits them given their lengths.
 *
 * <p>Immutable; {@link #toString()} shows the header, not the fields (they may be personal data).
 *
 * @param version header version, 1 to 4
 * @param caId certification authority id, e.g. {@code FR00}
 * @param certificateId certificate id within the CA
 * @param issueDate the document's issue date, empty for {@code FFFF}
 * @param signatureDate the signature's date, empty for {@code FFFF}
 * @param documentType 2-character document type
 * @param perimeter périmètre (version 3+), else empty
 * @param country issuing country (version 4), else empty
 * @param fields the message fields, in order
 * @param signature the signature as written (base32)
 * @param signedText the header and message, the bytes the signature covers (ISO-8859-1)
 */
public record TwoDDoc(int version, String caId, String certificateId, Optional<LocalDate> issueDate,
        Optional<LocalDate> signatureDate, String documentType, Optional<String> perimeter, Optional<String> country,
        List<Field> fields, String signature, String signedText) implements ScannedPayload {

    /** Day 0 of 2D-Doc dates. */
    public static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);

    /**
     * One message field.
     *
     * @param id 2 characters, letters or digits
     * @param value the value, without its GS
     */
    public record Field(String id, String value) {
        public Field {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "Field[" + id + ", " + value.length() + " chars]";
        }
    }

    public TwoDDoc {
        Objects.requireNonNull(caId, "caId");
        Objects.requireNonNull(certificateId, "certificateId");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(signatureDate, "signatureDate");
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(perimeter, "perimeter");
        Objects.requireNonNull(country, "country");
        fields = List.copyOf(fields);
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(signedText, "signedText");
    }

    /** Parses a 2D-Doc without a field dictionary. */
    public static TwoDDoc parse(String text) throws BarcodeRejectedException {
        return parse(text, Map.of());
    }

    /**
     * Parses a 2D-Doc.
     *
     * @param fixedLengths the length of each fixed-length field id of the document's dictionary
     * @throws BarcodeRejectedException {@code TWODDOC_*}, {@link BarcodeError#BARCODE_TRUNCATED} or
     *     {@link BarcodeError#BARCODE_MISLABELLED}, with the first problem found
     */
    public static TwoDDoc parse(String text, Map<String, Integer> fixedLengths) throws BarcodeRejectedException {
        return TwoDDocParser.parse(Objects.requireNonNull(text, "text"), Map.copyOf(fixedLengths));
    }

    /** The first field with this id. */
    public Optional<Field> field(String id) {
        return fields.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    @Override
    public String kind() {
        return "2D-Doc";
    }

    @Override
    public String toString() {
        return "TwoDDoc[v" + version + ", CA " + caId + ", cert " + certificateId + ", type " + documentType + ", "
                + fields.size() + " fields]";
    }
}
