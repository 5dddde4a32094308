package fr.vigie.hub.sandbox.psc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.protocol.identity.IdNatPs;

/**
 * A fictitious professional the sandbox PSC knows. Immutable (the userinfo document is copied on
 * every read).
 *
 * @param idNatPs the idNat_PS, sent as {@code login_hint} and returned as {@code SubjectNameID}
 * @param sub PSC's UUID for them
 * @param role a label for people ({@code doctor}, {@code nurse}, {@code admission agent})
 * @param givenName first name
 * @param familyName last name
 * @param userinfo the userinfo document without {@code sub} and {@code SubjectNameID}
 */
public record SandboxProfessional(IdNatPs idNatPs, String sub, String role, String givenName, String familyName,
        ObjectNode userinfo) {
    /** The userinfo document PSC would return for them. */
    public ObjectNode userinfoDocument() {
        ObjectNode doc = userinfo.deepCopy();
        doc.put("sub", sub);
        doc.put("SubjectNameID", idNatPs.value());
        doc.put("preferred_username", idNatPs.value());
        return doc;
    }

    static SandboxProfessional of(JsonNode n) throws Exception {
        ObjectNode info = ((ObjectNode) n).deepCopy();
        info.remove("idNatPs");
        info.remove("role");
        info.remove("sub");
        return new SandboxProfessional(IdNatPs.parse(n.path("idNatPs").asText()), n.path("sub").asText(),
                n.path("role").asText(), n.path("given_name").asText(), n.path("family_name").asText(), info);
    }
}
