package fr.vigie.hub.sandbox.psc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.hub.psc.PscError;
import fr.vigie.hub.psc.PscException;
import fr.vigie.hub.psc.SubjectRefPro;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.sandbox.psc.SandboxProfessionals;
import org.junit.jupiter.api.Test;

class SubjectRefProTest {
    final SubjectRefPro doctor = parse("doctor");

    static SubjectRefPro parse(String role) {
        try {
            return SubjectRefPro.parse(SandboxProfessionals.bundled().byRole(role).userinfoDocument().get("SubjectRefPro"));
        } catch (PscException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyExerciceWithItsActivitiesIsRead() {
        assertEquals(2, doctor.exercices().size());
        SubjectRefPro.Exercice first = doctor.exercices().get(0);
        assertEquals("10", first.codeProfession());
        assertEquals("C", first.codeCategorieProfessionnelle());
        assertEquals("SM26", first.codeSavoirFaire());
        assertEquals("MARTIN", first.nomDexercice());
        assertEquals("CLAIRE", first.prenomDexercice());
        assertEquals(2, first.activities().size());
        assertEquals("750100059", first.activities().get(1).numeroFinessSite());
        assertEquals("SA01", first.activities().get(1).codeSecteurDactivite());
        assertEquals("CH DE VIGIE - SITE SUD", first.activities().get(1).raisonSocialeSite());
        assertTrue(doctor.single().isEmpty());
    }

    @Test
    void theProfessionalChoosesAnExerciceByIndexOrBySite() throws Exception {
        assertEquals("MARTIN-LEROY", doctor.choose(1).nomDexercice());
        assertEquals("MARTIN", doctor.choose("10", "750100059").nomDexercice());
        assertEquals(PscError.PSC_EXERCICE_UNKNOWN, assertThrows(PscException.class, () -> doctor.choose(2)).error());
        assertEquals(PscError.PSC_EXERCICE_UNKNOWN,
                assertThrows(PscException.class, () -> doctor.choose("60", "750100042")).error());
    }

    @Test
    void userinfoWithoutExercicesIsRejected() throws Exception {
        PscException e = assertThrows(PscException.class,
                () -> SubjectRefPro.parse(new ObjectMapper().readTree("{\"codeCivilite\":\"DR\"}")));
        assertEquals(PscError.PSC_USERINFO_INVALID, e.error());
    }
}
