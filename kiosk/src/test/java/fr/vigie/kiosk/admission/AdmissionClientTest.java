package fr.vigie.kiosk.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.kiosk.hubapi.HubApi;
import fr.vigie.kiosk.hubapi.HubApiException;
import fr.vigie.protocol.ProtocolException;
import fr.vigie.protocol.device.AdmissionApi;
import fr.vigie.protocol.device.AdmissionError;
import fr.vigie.protocol.device.DeviceCodec;
import fr.vigie.protocol.device.DeviceRoute;
import fr.vigie.protocol.device.IdentitySource;
import fr.vigie.protocol.identity.HighTrustDocument;
import fr.vigie.protocol.identity.RnivStatus;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.Trait;
import fr.vigie.protocol.identity.TraitsInput;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What the kiosk sends for an admission step and how it reads the hub's answers and refusals, as they travel. */
class AdmissionClientTest {
    static final DeviceCodec CODEC = new DeviceCodec();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    final List<String> sent = new ArrayList<>();

    /** A hub that answers {@code json} with {@code status}: 200 an answer, otherwise a refusal. */
    AdmissionClient hubAnswering(int status, String json) {
        return new AdmissionClient(new HubApi() {
            @Override
            public <Q, A> A call(DeviceRoute<Q, A> route, Q request, String... parameters) throws HubApiException {
                sent.add(route.path(parameters) + " " + new String(CODEC.encode(request), StandardCharsets.UTF_8));
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                try {
                    if (status >= 400) {
                        throw new HubApiException(status, CODEC.decodeRefusal(body));
                    }
                    return CODEC.decodeAnswer(route, body);
                } catch (ProtocolException e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public URI base() {
                return URI.create("https://hub.test:8443");
            }
        }, CLOCK);
    }

    @Test
    void typedTraitsGoAsTheContractsRequestAndTheQualifiedIdentityComesBack() throws Exception {
        StrictTraits typed = StrictTraits.check(TraitsInput.of("Dupont", "Marie", "F", "1980-03-17"),
                LocalDate.of(2026, 3, 3)).orThrow();

        Admitted a = hubAnswering(200, "{\"source\":\"TRAITS\",\"identity\":{\"id\":1207,\"status\":\"QUAL\","
                + "\"nomNaissance\":\"DUPONT\",\"listePrenom\":\"MARIE CLAIRE\",\"sexe\":\"F\",\"dateNaissance\":"
                + "\"1980-03-17\",\"lieuNaissance\":\"75056\",\"ins\":{\"matricule\":\"280037505612345\",\"masked\":"
                + "\"2800375056****\",\"oid\":\"1.2.250.1.213.1.4.8\"},\"document\":\"PASSPORT\"},\"differences\":[{"
                + "\"trait\":\"ListePrenom\",\"local\":\"MARIE\",\"returned\":\"MARIE CLAIRE\"}],\"flagsRaised\":0,"
                + "\"insiSteps\":[{\"sent\":\"PREMIER_PRENOM\",\"codeCr\":\"02\"},{\"sent\":\"FULL_LIST\",\"codeCr\":"
                + "\"00\"}],\"matchedQuery\":\"FULL_LIST\"}").traits(OptionalLong.of(1207), typed);

        assertEquals(List.of(AdmissionApi.TRAITS.path() + " {\"recordId\":1207,\"nomNaissance\":\"DUPONT\",\"listePrenom\":"
                + "\"MARIE\",\"sexe\":\"F\",\"dateNaissance\":\"1980-03-17\"}"), sent);
        assertEquals(1207, a.recordId());
        assertEquals(RnivStatus.QUAL, a.status());
        assertEquals("MARIE CLAIRE", a.traits().listePrenomText());
        assertEquals(Optional.of("280037505612345"), a.matricule());
        assertEquals(Optional.of("2800375056****"), a.maskedIns());
        assertEquals(Optional.of("PASSPORT"), a.document());
        assertEquals(List.of(new Admitted.Difference("ListePrenom", "MARIE", "MARIE CLAIRE")), a.differences());
        assertEquals(List.of("PREMIER_PRENOM:02", "FULL_LIST:00"), a.insiSteps());
    }

    @Test
    void aVitaleSearchReadsAsOneInsiCallThatFoundTheIdentity() throws Exception {
        fr.vigie.hardware.card.VitaleBeneficiary child = new fr.vigie.hardware.card.VitaleBeneficiary(
                Optional.of("212047505612310"), "DUPONT", "LEA JEANNE",
                new fr.vigie.hardware.card.VitaleBirthDate(2012, 4, 18), 1);
        Admitted a = hubAnswering(200, "{\"source\":\"VITALE\",\"identity\":{\"id\":12,\"status\":\"RECUP\","
                + "\"nomNaissance\":\"DUPONT\",\"listePrenom\":\"LEA JEANNE\",\"sexe\":\"F\",\"dateNaissance\":"
                + "\"2012-04-18\",\"lieuNaissance\":\"75056\",\"ins\":{\"masked\":\"2************10\",\"oid\":"
                + "\"1.2.250.1.213.1.4.10\"}},\"differences\":[],\"flagsRaised\":0,\"insiSteps\":[],"
                + "\"matchedQuery\":\"VITALE\"}").vitale(OptionalLong.empty(),
                new fr.vigie.hardware.card.VitaleCard.Content("280057505612389", List.of(child)), child);

        assertEquals(List.of("VITALE:00"), a.insiSteps());
        assertEquals(IdentitySource.VITALE, a.source());
    }

    @Test
    void anAnswerForAnotherPersonComesBackWithBothIdentitiesAndItsCode() {
        AdmissionFailure f = assertThrows(AdmissionFailure.class, () -> hubAnswering(409, "{\"error\":"
                + "\"IDENTITY_MISMATCH\",\"message\":\"another person\",\"comparison\":{\"source\":\"VITALE\",\"recordId\":"
                + "1207,\"recordStatus\":\"PROV\",\"local\":{\"nomNaissance\":\"DUPONT\",\"listePrenom\":\"MARIE\",\"sexe\":"
                + "\"F\",\"dateNaissance\":\"1980-03-17\"},\"returned\":{\"nomNaissance\":\"DURAND\",\"listePrenom\":"
                + "\"MARIE\",\"sexe\":\"F\",\"dateNaissance\":\"1980-03-17\",\"lieuNaissance\":\"75056\",\"insMasked\":"
                + "\"2800375056****\"},\"differences\":[{\"trait\":\"NomNaissance\",\"local\":\"DUPONT\",\"returned\":"
                + "\"DURAND\"}],\"flagId\":33}}").document(1207, HighTrustDocument.PASSPORT));

        assertTrue(f.is(AdmissionError.IDENTITY_MISMATCH));
        assertEquals("IDENTITY_MISMATCH", f.code());
        AdmissionFailure.Comparison c = f.comparison().orElseThrow();
        assertEquals(IdentitySource.VITALE, c.source());
        assertEquals(1207, c.recordId());
        assertEquals("2800375056****", c.returnedInsMasked());
        assertEquals(new AdmissionFailure.Row(Trait.NOM_NAISSANCE, "DUPONT", "DURAND", true), c.rows().get(0));
        assertEquals(new AdmissionFailure.Row(Trait.LIEU_NAISSANCE, null, "75056", false), c.rows().get(4));
        assertEquals(List.of(AdmissionApi.DOCUMENT.path("1207") + " {\"document\":\"PASSPORT\"}"), sent);
    }

    @Test
    void aRefusalKeepsTheHubsCodeAndTheKiosksOwnCodesCarryNone() {
        AdmissionFailure f = assertThrows(AdmissionFailure.class, () -> hubAnswering(503,
                "{\"error\":\"INSI_TIMEOUT\",\"message\":\"INSi did not answer\"}").apcv(OptionalLong.empty(), "APCV1.x"));

        assertEquals(Optional.of(AdmissionError.INSI_TIMEOUT), f.error());
        assertTrue(f.comparison().isEmpty());
        assertEquals(Optional.empty(), new AdmissionFailure(AdmissionFailure.NO_PATIENT, "find the patient").error());
    }
}
