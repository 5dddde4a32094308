package fr.vigie.hardware.print;

import fr.vigie.hardware.barcode.InsDataMatrix;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.TraitsInput;
import java.time.LocalDate;

/** Qualified identities the label tests print. */
final class LabelIdentities {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private LabelIdentities() {
    }

    /** DOMAIN §2's Corsican test matricule, with apostrophes, hyphens and a birth place. */
    static InsDataMatrix dartagnan() throws Exception {
        return qualified("180032B02040123", InsOid.INS_NIR_TEST, TraitsInput.of("D'ARTAGNAN DE L'HERAULT",
                "PIERRE-ALAIN JEAN", "M", "1950-03-15").withLieuNaissance("2B020"));
    }

    /** The longest names INSi allows (100 characters each), a used name and first name, a partial birth date. */
    static InsDataMatrix longest() throws Exception {
        return qualified("297022A02077878", InsOid.INS_NIA, TraitsInput.of(name(100, "DE LA TOUR-D'AUVERGNE "),
                name(100, "MARIE-THERESE ANNE "), "F", "1997-02-00").withNomUtilise(name(100, "LEFEBVRE-DUMONT "))
                .withPrenomUtilise("ANNE"));
    }

    static InsDataMatrix qualified(String matricule, InsOid oid, TraitsInput traits) throws Exception {
        StrictTraits t = StrictTraits.check(traits, TODAY).orThrow();
        return InsDataMatrix.encode(InsMatricule.parse(matricule), oid, t, RnivStatus.QUAL);
    }

    private static String name(int length, String seed) {
        String s = seed.repeat(length / seed.length() + 1).substring(0, length);
        return s.endsWith(" ") || s.endsWith("-") || s.endsWith("'") ? s.substring(0, length - 1) + "Z" : s;
    }
}
