/**
 * The FHIR R4 read API for the site's applications at {@code /fhir} ({@link fr.vigie.hub.fhir.FhirRoutes}): identity
 * records as Patients following FR Core's {@code fr-core-patient-ins} ({@link fr.vigie.hub.fhir.FhirPatients},
 * names in {@link fr.vigie.hub.fhir.FrCore}), read and searched ({@link fr.vigie.hub.fhir.PatientQuery}) with an API
 * token of an application ({@code FHIR_READER}) or an admin, every read audited. The INS appears only for a QUAL
 * identity. Built and serialised with HAPI FHIR's R4 model; nothing here logs a matricule.
 */
package fr.vigie.hub.fhir;
