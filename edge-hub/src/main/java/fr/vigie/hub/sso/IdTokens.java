package fr.vigie.hub.sso;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.id.Issuer;
import fr.vigie.hub.psc.SubjectRefPro;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The claims of the OP's ID tokens and userinfo answers. {@code sub} is the clinician's idNat_PS — the same
 * identifier Pro Santé Connect gives as {@code SubjectNameID}, repeated under that name so that a site
 * application and a PSC-protected national service see one professional. {@code family_name},
 * {@code given_name} and {@code name} come from the card certificate; {@code acr}/{@code amr} say how the
 * clinician authenticated ({@link SsoLevel}); {@code sid} names the SSO session (back-channel logout);
 * {@code preferred_username} and {@code groups} come from the establishment's directory when
 * {@link LocalAccounts} maps one. {@code SubjectRefPro} carries the session's exercice (profession, specialty,
 * site) under the names Pro Santé Connect's userinfo uses ({@code exercices[].codeProfession} of TRE_G15,
 * {@code codeSavoirFaire}, {@code activities[].numeroFinessSite}, {@code raisonSocialeSite}), so an application
 * that reads PSC's userinfo reads Vigie's the same way; empty values are left out, and so is the claim when no
 * exercice is known. Through PSC it is PSC's chosen exercice; from a card it is as the enrolled kiosk read it
 * (the card's signature proves the person, the kiosk vouches for what it read). Stateless.
 */
final class IdTokens {
    /** The claims discovery announces. */
    static final List<String> CLAIMS = List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr",
            "sid", "azp", "name", "given_name", "family_name", "SubjectNameID", "SubjectRefPro", "preferred_username", "groups");

    private IdTokens() {
    }

    /** The ID token of {@code session} for {@code clientId}. */
    static JWTClaimsSet claims(Issuer issuer, SsoSession session, String clientId, Optional<String> nonce,
            Instant now, Instant exp, Optional<LocalAccounts.LocalAccount> account) {
        JWTClaimsSet.Builder b = person(session, account).issuer(issuer.getValue()).audience(clientId)
                .issueTime(Date.from(now)).expirationTime(Date.from(exp))
                .claim("auth_time", session.authenticatedAt().getEpochSecond()).claim("acr", session.level().acr())
                .claim("amr", session.level().amr()).claim("sid", session.sid()).claim("azp", clientId);
        nonce.ifPresent(n -> b.claim("nonce", n));
        return b.build();
    }

    /** The person claims (ID token and userinfo). */
    static JWTClaimsSet.Builder person(SsoSession session, Optional<LocalAccounts.LocalAccount> account) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().subject(session.subject())
                .claim("SubjectNameID", session.subject());
        if (!session.familyName().isEmpty()) {
            b.claim("family_name", session.familyName());
        }
        if (!session.givenName().isEmpty()) {
            b.claim("given_name", session.givenName());
        }
        String name = (session.givenName() + " " + session.familyName()).strip();
        if (!name.isEmpty()) {
            b.claim("name", name);
        }
        if (!session.exercices().isEmpty()) {
            b.claim("SubjectRefPro", Map.of("exercices", session.exercices().stream().map(IdTokens::exercice)
                    .toList()));
        }
        account.ifPresent(a -> b.claim("preferred_username", a.login()).claim("groups", a.groups()));
        return b;
    }

    private static Map<String, Object> exercice(SubjectRefPro.Exercice e) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "codeProfession", e.codeProfession());
        put(m, "codeCategorieProfessionnelle", e.codeCategorieProfessionnelle());
        put(m, "codeSavoirFaire", e.codeSavoirFaire());
        put(m, "nomDexercice", e.nomDexercice());
        put(m, "prenomDexercice", e.prenomDexercice());
        m.put("activities", e.activities().stream().map(a -> {
            Map<String, Object> site = new LinkedHashMap<>();
            put(site, "codeSecteurDactivite", a.codeSecteurDactivite());
            put(site, "codeRole", a.codeRole());
            put(site, "numeroFinessSite", a.numeroFinessSite());
            put(site, "raisonSocialeSite", a.raisonSocialeSite());
            return site;
        }).toList());
        return m;
    }

    private static void put(Map<String, Object> m, String name, String value) {
        if (value != null && !value.isEmpty()) {
            m.put(name, value);
        }
    }
}
