package fr.vigie.protocol.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The JSON of the device API, field by field, as kiosks and hubs already in service write it: moving the
 * contract into {@code protocol.device} changed no field name, order or format.
 */
class DeviceWireFormatTest {
    private final DeviceCodec codec = new DeviceCodec();

    private String json(Object message) {
        return new String(codec.encode(message), StandardCharsets.UTF_8);
    }

    @Test
    void admissionAnswerKeepsItsFieldsAndShowsTheFullMatriculeOnlyWhereTheHubPutIt() {
        assertEquals("{\"source\":\"TRAITS\",\"identity\":{\"id\":1207,\"status\":\"QUAL\",\"nomNaissance\":\"DUPONT\","
                + "\"listePrenom\":\"MARIE CLAIRE\",\"sexe\":\"F\",\"dateNaissance\":\"1980-03-17\",\"lieuNaissance\":\"75056\","
                + "\"prenomUtilise\":\"CLAIRE\",\"ins\":{\"matricule\":\"280037505612345\",\"masked\":\"2800375056****\","
                + "\"oid\":\"1.2.250.1.213.1.4.8\"},\"document\":\"PASSPORT\"},\"differences\":[{\"trait\":\"ListePrenom\","
                + "\"local\":\"MARIE\",\"returned\":\"MARIE CLAIRE\"}],\"flagsRaised\":1,\"insiSteps\":[{\"sent\":"
                + "\"PREMIER_PRENOM\",\"codeCr\":\"02\"},{\"sent\":\"FULL_LIST\",\"codeCr\":\"00\"}],\"matchedQuery\":\"FULL_LIST\"}",
                json(DeviceSamples.admitted()));
    }

    @Test
    void refusalWithBothIdentitiesKeepsItsFields() {
        assertEquals("{\"error\":\"IDENTITY_MISMATCH\",\"message\":\"another person\",\"comparison\":{\"source\":\"VITALE\","
                + "\"recordId\":1207,\"recordStatus\":\"PROV\",\"local\":{\"nomNaissance\":\"DUPONT\",\"listePrenom\":\"MARIE\","
                + "\"sexe\":\"F\",\"dateNaissance\":\"1980-03-17\"},\"returned\":{\"nomNaissance\":\"DURAND\",\"listePrenom\":"
                + "\"MARIE\",\"sexe\":\"F\",\"dateNaissance\":\"1980-03-17\",\"lieuNaissance\":\"75056\",\"insMasked\":"
                + "\"2800375056****\"},\"differences\":[{\"trait\":\"NomNaissance\",\"local\":\"DUPONT\",\"returned\":\"DURAND\"}],"
                + "\"flagId\":33}}", json(DeviceSamples.refusals().get(2)));
    }

    @Test
    void refusalWithoutExtrasIsTheErrorAndTheMessage() {
        assertEquals("{\"error\":\"AGENT_NOT_PROVEN\",\"message\":\"no agent\"}",
                json(new Refusal(AgentError.AGENT_NOT_PROVEN, "no agent", Optional.of(List.of()), Optional.empty())));
    }

    @Test
    void cibaAnswersKeepTheirFields() {
        assertEquals("{\"requestId\":\"9f3c0a\",\"bindingMessage\":\"42\",\"interval\":5,\"expiresAt\":\"2025-03-14T09:26:53Z\"}",
                json(new CibaStartAnswer("9f3c0a", "42", 5, DeviceSamples.AT)));
        assertEquals("{\"status\":\"PENDING\",\"bindingMessage\":\"42\",\"expiresAt\":\"2025-03-14T09:26:53Z\"}",
                json(CibaStatusAnswer.pending("42", DeviceSamples.AT)));
        assertEquals("{\"status\":\"BOUND\",\"who\":{\"idNatPs\":\"810099900028\",\"givenName\":\"CLAIRE\",\"familyName\":"
                + "\"MARTIN\"},\"exercices\":[{\"codeProfession\":\"60\",\"codeCategorieProfessionnelle\":\"C\","
                + "\"codeSavoirFaire\":\"\",\"nomDexercice\":\"MARTIN\",\"prenomDexercice\":\"CLAIRE\",\"sites\":"
                + "[\"CH DE VIGIE - SITE NORD\"]}],\"chosen\":0,\"expiresAt\":\"2025-03-14T09:26:53Z\"}",
                json(CibaStatusAnswer.bound(new Professional("810099900028", "CLAIRE", "MARTIN"),
                        List.of(DeviceSamples.exercice()), Optional.of(0), DeviceSamples.AT)));
        assertEquals("{\"idNatPs\":\"810099900028\",\"channel\":\"MOBILE\",\"kioskSessionId\":\"s-4f2a\"}",
                json(DeviceSamples.requests().get(CibaApi.START)));
    }

    @Test
    void enrolmentMessagesKeepTheirSchemaAndFields() {
        assertEquals("{\"schema\":1,\"site\":\"chu-nord\",\"kioskId\":\"accueil-1\",\"csrPem\":\"-----BEGIN CERTIFICATE"
                + " REQUEST-----\\nMIIB\\n-----END CERTIFICATE REQUEST-----\\n\",\"enrolmentCode\":\"K7F2-9QXM\","
                + "\"bootstrapToken\":\"0123456789abcdef.secret\"}", json(DeviceSamples.requests().get(EnrolmentApi.SUBMIT)));
        assertEquals("{\"id\":\"e1\",\"status\":\"ISSUED\",\"result\":{\"schema\":1,\"site\":\"chu-nord\",\"kioskId\":"
                + "\"accueil-1\",\"certificateChainPem\":\"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n\","
                + "\"firstConfig\":{\"site\":\"chu-nord\",\"kioskId\":\"accueil-1\",\"version\":1,\"issuedAt\":"
                + "\"2025-03-14T09:26:53Z\",\"jws\":\"eyJhbGciOiJFUzI1NiJ9.e30.c2ln\",\"schema\":1}}}",
                json(new EnrolmentProgress("e1", EnrolmentStatus.ISSUED, Optional.empty(),
                        Optional.of(DeviceSamples.result()))));
        assertEquals("{\"id\":\"e1\",\"status\":\"REJECTED\",\"reason\":\"SUPERSEDED\"}", json(new EnrolmentProgress("e1",
                EnrolmentStatus.REJECTED, Optional.of(EnrolmentApi.SUPERSEDED), Optional.empty())));
    }

    @Test
    void agentMessagesKeepTheirFields() {
        assertEquals("{\"nonce\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",\"expiresAt\":\"2025-03-14T09:26:53Z\"}",
                json(NonceAnswer.of(new byte[AgentApi.NONCE_BYTES], DeviceSamples.AT)));
        assertEquals("{\"agent\":\"810001234565\",\"method\":\"CARD\",\"kioskSessionId\":\"s-4f2a\",\"expiresAt\":"
                + "\"2025-03-14T09:26:53Z\"}", json(new AgentBindingAnswer("810001234565", ProofMethod.CARD, "s-4f2a",
                DeviceSamples.AT)));
        assertEquals("{\"nonce\":\"AAEC\",\"signature\":\"AQID\",\"certificate\":\"MAEA\",\"chain\":[\"MAIAAA==\"]}",
                json(CardProofRequest.of(new byte[] {0, 1, 2}, new byte[] {1, 2, 3}, new byte[] {48, 1, 0},
                        List.of(new byte[] {48, 2, 0, 0}))));
        assertEquals("{\"kioskSessionId\":\"s-4f2a\",\"reason\":\"CLOSED\"}", json(new EndRequest("s-4f2a",
                EndReason.CLOSED)));
    }
}
