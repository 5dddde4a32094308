package fr.vigie.hardware.barcode;

import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.TraitsInput;
import java.time.LocalDate;

/** Identities and payloads shared by the barcode tests. */
final class TestIdentities {
    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    /** DOMAIN §2: 297022A020778, key 78. */
    static final String NIR_CORSICA = "297022A02077878";
    static final String NIR_MALE = "180032B02040123";

    private TestIdentities() {
    }

    static InsMatricule matricule(String value) {
        try {
            return InsMatricule.parse(value);
        } catch (IdentityException e) {
            throw new AssertionError(e);
        }
    }

    static StrictTraits traits(TraitsInput in) {
        try {
            return StrictTraits.check(in, TODAY).orThrow();
        } catch (IdentityException e) {
            throw new AssertionError(e);
        }
    }

    /** D'ARTAGNAN DE L'HERAULT, JEAN-PIERRE MARIE, M, 1950-03-12, born 2A004. */
    static InsDataMatrix dartagnan() {
        return encode(NIR_MALE, InsOid.INS_NIR, TraitsInput.of("D'ARTAGNAN DE L'HERAULT", "JEAN-PIERRE MARIE", "M",
                "1950-03-12").withLieuNaissance("2A004"));
    }

    static InsDataMatrix encode(String nir, InsOid oid, TraitsInput in) {
        try {
            return InsDataMatrix.encode(matricule(nir), oid, traits(in), RnivStatus.QUAL);
        } catch (BarcodeRejectedException e) {
            throw new AssertionError(e);
        }
    }

    /** A name of exactly {@code length} letters with apostrophes and hyphens, valid for INSi. */
    static String longName(int length, String seed) {
        StringBuilder b = new StringBuilder();
        while (b.length() < length) {
            b.append(seed);
        }
        String s = b.substring(0, length);
        // never end on a separator
        return s.endsWith("-") || s.endsWith("'") || s.endsWith(" ") ? s.substring(0, length - 1) + "Z" : s;
    }
}
