package fr.vigie.hardware.barcode;

import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.Trait;
import fr.vigie.protocol.identity.TraitsInput;
import fr.vigie.protocol.identity.TraitsVerdict;
import java.time.LocalDate;

/** Writing and reading the fields of an {@link InsDataMatrix}. */
final class InsDataMatrixFields {
    private static final char GS = ScannedCode.GS;
    /** Length of S1…S7: positive = fixed, negative = variable up to that many characters. */
    private static final int[] LENGTH = {0, 15, -20, -100, -100, 1, 10, 5};
    private static final String[] NAME = {"", "matricule", "OID", "prénoms", "nom de naissance", "sexe",
        "date de naissance", "lieu de naissance"};

    private InsDataMatrixFields() {
    }

    static String format(InsDataMatrix dm) {
        StrictTraits t = dm.traits();
        StringBuilder b = new StringBuilder(InsDataMatrix.HEADER);
        b.append("S1").append(dm.matricule().value());
        variable(b, 2, dm.oid().oid());
        variable(b, 3, t.listePrenomText());
        variable(b, 4, t.nomNaissance());
        b.append("S5").append(t.sexe().traitCode());
        b.append("S6").append(t.dateNaissance().toDayMonthYear());
        t.lieuNaissance().ifPresent(p -> b.append("S7").append(p.code()));
        return b.toString();
    }

    private static void variable(StringBuilder b, int field, String value) {
        b.append('S').append(field).append(value);
        if (value.length() < -LENGTH[field]) {
            b.append(GS);
        }
    }

    static void requireFits(InsDataMatrix dm) throws BarcodeRejectedException {
        String[] values = {null, null, dm.oid().oid(), dm.traits().listePrenomText(), dm.traits().nomNaissance()};
        for (int f = 2; f <= 4; f++) {
            if (values[f].length() > -LENGTH[f]) {
                throw new BarcodeRejectedException(BarcodeError.INS_DM_FIELD_TOO_LONG, "S" + f + " (" + NAME[f]
                        + ") has " + values[f].length() + " characters, the INS DataMatrix allows " + -LENGTH[f]);
            }
        }
    }

    static InsDataMatrix parse(String text, LocalDate today) throws BarcodeRejectedException {
        requireHeader(text);
        String[] values = new String[8];
        int pos = InsDataMatrix.HEADER.length();
        int expected = 1;
        while (pos < text.length()) {
            if (text.charAt(pos) == GS) {
                throw reject(BarcodeError.INS_DM_BAD_SEPARATOR, "unexpected GS at character " + (pos + 1)
                        + (expected == 1 ? ", before S1" : ", after S" + (expected - 1) + " (" + NAME[expected - 1]
                        + (LENGTH[expected - 1] > 0 ? ", a fixed-length field that takes no GS)" : ", already ended)")));
            }
            if (pos + 2 > text.length()) {
                throw reject(BarcodeError.BARCODE_TRUNCATED, "the data ends inside a field identifier at character "
                        + (pos + 1));
            }
            String id = text.substring(pos, pos + 2);
            if (!id.matches("S[1-7]")) {
                throw reject(BarcodeError.INS_DM_UNKNOWN_FIELD, "unknown field identifier '" + Visible.of(id)
                        + "' at character " + (pos + 1) + " (expected S" + expected + (expected > 1 ? "…S7" : "") + ")");
            }
            int field = id.charAt(1) - '0';
            if (field < expected) {
                throw reject(BarcodeError.INS_DM_FIELD_ORDER, "S" + field + " at character " + (pos + 1)
                        + (values[field] != null ? " appears a second time" : " comes after S" + (expected - 1))
                        + ": fields appear once each, in order S1 to S7");
            }
            if (field > expected && field <= 7 && expected <= 6) {
                int skipped = expected;
                throw reject(BarcodeError.INS_DM_FIELD_MISSING, "S" + skipped + " (" + NAME[skipped]
                        + ") is missing: S" + field + " follows " + (skipped == 1 ? "the header" : "S" + (skipped - 1)));
            }
            pos += 2;
            pos = LENGTH[field] > 0 ? fixed(text, pos, field, values) : variable(text, pos, field, values);
            expected = field + 1;
        }
        for (int f = 1; f <= 6; f++) {
            if (values[f] == null) {
                throw reject(BarcodeError.INS_DM_FIELD_MISSING, "S" + f + " (" + NAME[f] + ") is missing"
                        + (f > 1 && values[f - 1] != null ? ": the data ends after S" + (f - 1) : ""));
            }
        }
        return build(values, today);
    }

    private static void requireHeader(String text) throws BarcodeRejectedException {
        String header = InsDataMatrix.HEADER;
        if (text.length() >= 4 && text.startsWith("IS") && !text.startsWith("IS01")) {
            String version = text.substring(2, 4);
            throw reject(version.matches("[0-9]{2}") ? BarcodeError.BARCODE_MISLABELLED : BarcodeError.INS_DM_BAD_HEADER,
                    "the header announces INS DataMatrix version '" + Visible.of(version)
                            + "'; the only version known is 01 (IS01)");
        }
        if (text.length() < header.length()) {
            boolean prefix = header.startsWith(text);
            throw reject(prefix ? BarcodeError.BARCODE_TRUNCATED : BarcodeError.INS_DM_BAD_HEADER, "the data has "
                    + text.length() + " characters, fewer than the 26 of the header IS01 + 22 zeros");
        }
        for (int i = 0; i < header.length(); i++) {
            if (text.charAt(i) != header.charAt(i)) {
                throw reject(BarcodeError.INS_DM_BAD_HEADER, "the header must be IS01 followed by 22 zeros; character "
                        + (i + 1) + " is '" + Visible.of(String.valueOf(text.charAt(i))) + "'");
            }
        }
    }

    private static int fixed(String text, int pos, int field, String[] values) throws BarcodeRejectedException {
        int length = LENGTH[field];
        if (pos + length > text.length()) {
            throw reject(BarcodeError.BARCODE_TRUNCATED, "S" + field + " (" + NAME[field] + ") has "
                    + (text.length() - pos) + " of its " + length + " characters: the data is cut off");
        }
        String value = text.substring(pos, pos + length);
        int gs = value.indexOf(GS);
        if (gs >= 0) {
            throw reject(BarcodeError.INS_DM_BAD_SEPARATOR, "S" + field + " (" + NAME[field] + ") is " + length
                    + " characters long without separator, but has a GS at its character " + (gs + 1));
        }
        values[field] = value;
        return pos + length;
    }

    private static int variable(String text, int pos, int field, String[] values) throws BarcodeRejectedException {
        int max = -LENGTH[field];
        int end = Math.min(text.length(), pos + max + 1);
        int gs = text.indexOf(GS, pos);
        String value;
        int next;
        if (gs >= 0 && gs < end) {
            value = text.substring(pos, gs);
            next = gs + 1;
        } else if (text.length() - pos <= max) {
            value = text.substring(pos);
            next = text.length();
        } else if (text.startsWith("S", pos + max) && pos + max + 1 < text.length()
                && text.charAt(pos + max + 1) > (char) ('0' + field) && text.charAt(pos + max + 1) <= '7') {
            value = text.substring(pos, pos + max);   // a field of maximum length carries no GS
            next = pos + max;
        } else {
            throw reject(BarcodeError.INS_DM_FIELD_TOO_LONG, "S" + field + " (" + NAME[field]
                    + ") is longer than " + max + " characters (no GS within them, and no next field after them)");
        }
        if (value.isEmpty()) {
            throw reject(BarcodeError.INS_DM_FIELD_MISSING, "S" + field + " (" + NAME[field] + ") is empty");
        }
        values[field] = value;
        return next;
    }

    private static InsDataMatrix build(String[] v, LocalDate today) throws BarcodeRejectedException {
        for (int f = 1; f <= 7; f++) {
            for (int i = 0; v[f] != null && i < v[f].length(); i++) {
                char c = v[f].charAt(i);
                if (c < 0x20 || c == 0x7F) {
                    // The identity rules read some control characters as spaces; in a code they are damage.
                    throw reject(BarcodeError.INS_DM_BAD_TRAIT, "S" + f + " (" + NAME[f] + ") holds the control character "
                            + Visible.of(String.valueOf(c)) + " at its character " + (i + 1));
                }
            }
        }
        InsMatricule matricule;
        InsOid oid;
        try {
            matricule = InsMatricule.parse(v[1], InsMatricule.MonthRule.ALLOW_PSEUDO_MONTHS);
        } catch (IdentityException e) {
            throw BarcodeRejectedException.of(BarcodeError.INS_DM_BAD_MATRICULE, "S1 (matricule)", e);
        }
        if (!v[2].equals(v[2].strip())) {
            // OIDs hold no spaces: a space here is a damaged GS, or damage in the OID itself.
            throw reject(BarcodeError.INS_DM_BAD_OID, "S2 (OID) '" + Visible.of(v[2]) + "' has a space in it");
        }
        try {
            oid = InsOid.parse(v[2]);
        } catch (IdentityException e) {
            throw BarcodeRejectedException.of(BarcodeError.INS_DM_BAD_OID, "S2 (OID)", e);
        }
        String date = v[6].matches("[0-9]{2}-[0-9]{2}-[0-9]{4}")
                ? v[6].substring(6) + "-" + v[6].substring(3, 5) + "-" + v[6].substring(0, 2)
                : v[6];   // left as is: the traits check rejects it with the date rule's message
        TraitsVerdict verdict = StrictTraits.check(new TraitsInput(v[4], v[3], v[5], date, v[7], null, null), today);
        StrictTraits traits;
        try {
            traits = verdict.orThrow();
        } catch (IdentityException e) {
            Trait first = verdict.rejections().get(0).trait();
            throw BarcodeRejectedException.of(BarcodeError.INS_DM_BAD_TRAIT, fieldOf(first), e);
        }
        // A printed code carries the traits exactly as INSi writes them: anything normalisation would
        // change (case, spaces, accents) means the code was not made by the rules, or was damaged.
        for (TraitsVerdict.FieldVerdict f : verdict.fields()) {
            if (!f.changes().isEmpty()) {
                throw reject(BarcodeError.INS_DM_BAD_TRAIT, fieldOf(f.trait()) + " is not written as INSi writes it ("
                        + f.changes() + "); an INS DataMatrix carries the traits exactly");
            }
        }
        return new InsDataMatrix(matricule, oid, traits);
    }

    private static String fieldOf(Trait trait) {
        return switch (trait) {
            case LISTE_PRENOM -> "S3 (prénoms)";
            case NOM_NAISSANCE -> "S4 (nom de naissance)";
            case SEXE -> "S5 (sexe)";
            case DATE_NAISSANCE -> "S6 (date de naissance, JJ-MM-AAAA)";
            case LIEU_NAISSANCE -> "S7 (lieu de naissance)";
            default -> trait.label();
        };
    }

    private static BarcodeRejectedException reject(BarcodeError error, String message) {
        return new BarcodeRejectedException(error, "INS DataMatrix: " + message);
    }
}
