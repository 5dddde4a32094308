package fr.vigie.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.identity.IdentityRecord;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.InsOid;
import fr.vigie.hub.identity.rniv.RnivState;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.TraitsInput;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityJsonTest {
    private static final String NIR = "297022A02077878";

    private static IdentityRecord qualified() throws Exception {
        StrictTraits traits = StrictTraits.check(TraitsInput.of("Lefèvre", "Anne", "F", "1997-02-14"),
                LocalDate.of(2026, 1, 2)).orThrow();
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        return new IdentityRecord(7, traits, Optional.of(InsMatricule.parse(NIR)), Optional.of(InsOid.INS_NIR_TEST),
                new RnivState(RnivStatus.QUAL, Set.of()), Optional.of(HighTrustDocument.PASSPORT), "agent", at, "agent", at);
    }

    @Test
    void answersOtherThanTheSingleRecordGetCarryOnlyTheMaskedMatricule() throws Exception {
        String json = HttpApi.mapper().writeValueAsString(IdentityJson.of(qualified(), false));
        assertFalse(json.contains(NIR), json);
        assertTrue(json.contains("\"masked\":\"2************78\""), json);
    }

    @Test
    void singleRecordGetCarriesTheFullMatriculeAndOid() throws Exception {
        IdentityJson.Identity one = IdentityJson.of(qualified(), true);
        assertEquals(NIR, one.ins().matricule());
        assertEquals(InsOid.INS_NIR_TEST.oid(), one.ins().oid());
        assertEquals("QUAL", one.status());
        assertTrue(one.mayCallInsi());
    }
}
