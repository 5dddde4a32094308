package fr.vigie.hub.psc.kiosk;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.hub.psc.SubjectRefPro;

/** The device API's JSON for CIBA sign-ins, written field by field so that no token can slip in. */
final class CibaJson {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CibaJson() {
    }

    /** The body of {@code POST /device/v1/psc/ciba}. */
    record StartBody(String idNatPs, String channel, String kioskSessionId) {
    }

    /** The body of {@code POST …/exercice}. */
    record ExerciceBody(Integer index) {
    }

    static ObjectNode started(CibaStarted s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("requestId", s.requestId());
        n.put("bindingMessage", s.bindingMessage());
        n.put("interval", s.interval().toSeconds());
        n.put("expiresAt", s.expiresAt().toString());
        return n;
    }

    static ObjectNode status(CibaStatus status) {
        ObjectNode n = JSON.createObjectNode();
        if (status instanceof CibaStatus.Pending p) {
            n.put("status", "PENDING");
            n.put("bindingMessage", p.bindingMessage());
            n.put("expiresAt", p.expiresAt().toString());
        } else if (status instanceof CibaStatus.Bound b) {
            n.put("status", "BOUND");
            ObjectNode who = n.putObject("who");
            who.put("idNatPs", b.who().idNatPs());
            who.put("givenName", b.who().givenName());
            who.put("familyName", b.who().familyName());
            ArrayNode list = n.putArray("exercices");
            b.exercices().forEach(e -> list.add(exercice(e)));
            if (b.chosen().isPresent()) {
                n.put("chosen", b.chosen().get());
            } else {
                n.putNull("chosen");
            }
            n.put("expiresAt", b.expiresAt().toString());
        } else if (status instanceof CibaStatus.Refused r) {
            n.put("status", "REFUSED");
            n.put("code", r.code().name());
        } else if (status instanceof CibaStatus.Failed f) {
            n.put("status", "FAILED");
            n.put("code", f.code().name());
        }
        return n;
    }

    static ObjectNode exercice(SubjectRefPro.Exercice e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("codeProfession", e.codeProfession());
        n.put("codeCategorieProfessionnelle", e.codeCategorieProfessionnelle());
        n.put("codeSavoirFaire", e.codeSavoirFaire());
        n.put("nomDexercice", e.nomDexercice());
        n.put("prenomDexercice", e.prenomDexercice());
        ArrayNode sites = n.putArray("sites");
        e.activities().forEach(a -> sites.add(a.raisonSocialeSite()));
        return n;
    }

    static ObjectNode error(String code, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("error", code);
        n.put("message", message);
        return n;
    }

    static <T> T read(String body, Class<T> type) throws KioskCibaException {
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new KioskCibaException(KioskCibaError.CIBA_REQUEST_INVALID, "a JSON object is required");
            }
            return JSON.treeToValue(tree, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new KioskCibaException(KioskCibaError.CIBA_REQUEST_INVALID, "the body is not the expected JSON: "
                    + e.getOriginalMessage());
        }
    }
}
