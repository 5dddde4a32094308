/**
 * Patient identity qualification at the admission desk: {@link fr.vigie.kiosk.admission.AdmissionDesk}
 * (the workflow, for a signed-in agent: Vitale card, typed traits, ApCV QR code, document checked,
 * e-prescriptions, INS DataMatrix), {@link fr.vigie.kiosk.admission.AgentProof} (the agent proven to
 * the hub: the session's card signs a hub nonce, kept while the session is open, dropped when it locks or
 * closes; {@link fr.vigie.kiosk.admission.HubAgentClient} its device routes),
 * {@link fr.vigie.kiosk.admission.AdmissionClient} (the hub's {@link fr.vigie.protocol.device.AdmissionApi} routes over
 * mutual TLS through {@code HubApi}; requests never name the agent) and
 * {@link fr.vigie.kiosk.admission.AdmissionScreens} (the touch screens, French first). Every outcome
 * that is not an identity is an {@link fr.vigie.kiosk.admission.AdmissionFailure} with a stable code
 * the screens put in clear words; an answer the hub did not apply ({@code IDENTITY_MISMATCH}, a change left
 * to the identity-vigilance cell) carries both identities, shown side by side. Patients are named by hub record id in events; the full matricule
 * is only ever held for a qualified identity, to print its DataMatrix.
 */
package fr.vigie.kiosk.admission;
