/**
 * Identity value types shared by kiosks and the hub: the patient's INS matricule
 * ({@link fr.vigie.protocol.identity.InsMatricule}) and its OID ({@link fr.vigie.protocol.identity.InsOid}),
 * the strict identity traits checked and normalised to INSi rules
 * ({@link fr.vigie.protocol.identity.StrictTraits}, {@link fr.vigie.protocol.identity.TraitsVerdict},
 * {@link fr.vigie.protocol.identity.BirthDate}, {@link fr.vigie.protocol.identity.BirthPlace}), and the
 * professional's identifier idNat_PS ({@link fr.vigie.protocol.identity.IdNatPs}), and what of the RNIV
 * model travels between kiosk and hub: {@link fr.vigie.protocol.identity.RnivStatus},
 * {@link fr.vigie.protocol.identity.HighTrustDocument} and the rejection codes
 * {@link fr.vigie.protocol.identity.RnivError}. The one state machine that moves a record's status (with
 * its attributes DOUT/FICT/HOMA) is the hub's ({@code fr.vigie.hub.identity.rniv}).
 *
 * <p>Every type here is immutable. Bad input is rejected with an
 * {@link fr.vigie.protocol.identity.IdentityException} carrying a stable
 * {@link fr.vigie.protocol.identity.IdentityError} code and a reason a person can act on; nothing is
 * silently corrected (a matricule key that does not check is reported, ligatures are never expanded).
 * No {@code toString()} here reveals a full matricule or the traits' values, so accidental logging is safe.
 */
package fr.vigie.protocol.identity;
