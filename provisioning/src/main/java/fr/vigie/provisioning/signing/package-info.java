/**
 * The hub's signing key: {@link fr.vigie.provisioning.signing.SigningKeyStore} keeps it encrypted;
 * {@link fr.vigie.provisioning.signing.HubJwsSigner} and {@link fr.vigie.provisioning.signing.HubJwsVerifier}
 * are the one ES256 compact-JWS path for everything it signs (configuration bundles, commands, audit
 * heads), each kind told apart by its {@code typ}; refusals are
 * {@link fr.vigie.provisioning.signing.HubJwsException}s.
 */
package fr.vigie.provisioning.signing;
