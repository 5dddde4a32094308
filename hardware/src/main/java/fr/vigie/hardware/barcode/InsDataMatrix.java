package fr.vigie.hardware.barcode;

import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.StrictTraits;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The INS DataMatrix printed on documents, labels and bracelets (DOMAIN §7): the INS matricule, its
 * OID and the strict traits. Payload text: the header {@code IS01} followed by 22 zeros (C40 in
 * the symbol; here, text), then the fields in order, each a 2-character identifier and a value:
 *
 * <table>
 *   <caption>Fields</caption>
 *   <tr><th>id</th><th>content</th><th>length</th></tr>
 *   <tr><td>S1</td><td>matricule INS with key</td><td>15, fixed</td></tr>
 *   <tr><td>S2</td><td>OID</td><td>up to 20, GS-terminated when shorter</td></tr>
 *   <tr><td>S3</td><td>prénoms, space-separated</td><td>up to 100, GS-terminated when shorter</td></tr>
 *   <tr><td>S4</td><td>nom de naissance</td><td>up to 100, GS-terminated when shorter</td></tr>
 *   <tr><td>S5</td><td>sexe, F or M</td><td>1, fixed</td></tr>
 *   <tr><td>S6</td><td>date de naissance {@code JJ-MM-AAAA}, 00 for unknown parts</td><td>10, fixed</td></tr>
 *   <tr><td>S7</td><td>lieu de naissance, INSEE code (optional)</td><td>5, fixed</td></tr>
 * </table>
 *
 * <p>An instance is always valid: it comes from {@link #encode} (which refuses an identity that is
 * not qualified, since the INS may only be transmitted for a qualified identity) or from
 * {@link #parse} (which reuses the protocol's identity rules and rejects with precise
 * {@link BarcodeError} codes). Immutable and thread-safe; {@link #toString()} shows the masked
 * matricule and the OID only.
 *
 * <pre>{@code
 * InsDataMatrix dm = InsDataMatrix.encode(matricule, InsOid.INS_NIR, traits, RnivStatus.QUAL);
 * byte[] png = dm.symbol().toPng(6);
 * InsDataMatrix back = InsDataMatrix.parse(scanned.text(), LocalDate.now(clock));
 * }</pre>
 */
public final class InsDataMatrix implements ScannedPayload {
    /** The 26-character header: {@code IS01} and 22 zeros. */
    public static final String HEADER = "IS01" + "0".repeat(22);

    private final InsMatricule matricule;
    private final InsOid oid;
    private final StrictTraits traits;

    InsDataMatrix(InsMatricule matricule, InsOid oid, StrictTraits traits) {
        this.matricule = Objects.requireNonNull(matricule, "matricule");
        this.oid = Objects.requireNonNull(oid, "oid");
        this.traits = Objects.requireNonNull(traits, "traits");
    }

    /**
     * The INS DataMatrix of a qualified identity.
     *
     * @param status the identity's RNIV status: anything but {@link RnivStatus#QUAL} is refused
     * @throws BarcodeRejectedException {@link BarcodeError#INS_DM_NOT_QUALIFIED} when the identity is
     *     not qualified; {@link BarcodeError#INS_DM_FIELD_TOO_LONG} when the prénoms exceed 100 characters
     */
    public static InsDataMatrix encode(InsMatricule matricule, InsOid oid, StrictTraits traits, RnivStatus status)
            throws BarcodeRejectedException {
        Objects.requireNonNull(status, "status");
        if (status != RnivStatus.QUAL) {
            throw new BarcodeRejectedException(BarcodeError.INS_DM_NOT_QUALIFIED, "the identity is " + status
                    + ", not QUAL: the INS may only be printed for a qualified identity");
        }
        InsDataMatrix dm = new InsDataMatrix(matricule, oid, traits);
        InsDataMatrixFields.requireFits(dm);
        return dm;
    }

    /**
     * Reads an INS DataMatrix payload.
     *
     * @param today the date where the code is read, to refuse birth dates in the future
     * @throws BarcodeRejectedException with the first problem found, reading from the start
     */
    public static InsDataMatrix parse(String text, LocalDate today) throws BarcodeRejectedException {
        return InsDataMatrixFields.parse(Objects.requireNonNull(text, "text"), Objects.requireNonNull(today, "today"));
    }

    public InsMatricule matricule() {
        return matricule;
    }

    public InsOid oid() {
        return oid;
    }

    public StrictTraits traits() {
        return traits;
    }

    /** The payload text, GS separators included. Holds the full matricule: never log it. */
    public String text() {
        return InsDataMatrixFields.format(this);
    }

    /** The square DataMatrix symbol of {@link #text()}, to render as PNG or SVG. */
    public BarcodeSymbol symbol() {
        try {
            return BarcodeSymbol.dataMatrix(text());
        } catch (BarcodeRejectedException e) {
            // At most 26 + 17 + 22 + 102 + 102 + 3 + 12 + 7 characters: always fits (up to 1556).
            throw new IllegalStateException("an INS DataMatrix payload did not fit a DataMatrix", e);
        }
    }

    @Override
    public String kind() {
        return "INS DataMatrix";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InsDataMatrix d && d.matricule.equals(matricule) && d.oid == oid && d.traits.equals(traits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(matricule, oid, traits);
    }

    @Override
    public String toString() {
        return "InsDataMatrix[" + matricule.masked() + ", " + oid.label() + "]";
    }
}
