package fr.vigie.hub.psc;

import fr.vigie.protocol.identity.IdNatPs;

/**
 * The professional as PSC's userinfo describes them. Immutable.
 *
 * @param subject {@code sub}, equal to the ID token's
 * @param subjectNameId {@code SubjectNameID}, the idNat_PS
 * @param givenName {@code given_name}
 * @param familyName {@code family_name}
 * @param subjectRefPro the exercices to choose from
 * @param signed whether PSC sent it as a signed JWT
 */
public record PscUserInfo(String subject, IdNatPs subjectNameId, String givenName, String familyName,
        SubjectRefPro subjectRefPro, boolean signed) {
}
