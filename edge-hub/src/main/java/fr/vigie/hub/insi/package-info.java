/**
 * The hub's INSi gateway: a SOAP 1.2 client of the CNAM's INSi téléservice over mutual TLS with an
 * establishment certificate ({@link fr.vigie.hub.insi.SoapInsiClient}), the typed-traits search
 * strategy ({@link fr.vigie.hub.insi.InsiSearch}), results ({@link fr.vigie.hub.insi.InsiResult}),
 * stable error codes ({@link fr.vigie.hub.insi.InsiError}), the table of INSi faults
 * ({@link fr.vigie.hub.insi.SoapFaults}) and the record of every call ({@link fr.vigie.hub.insi.InsiAudit},
 * kept in PostgreSQL by {@link fr.vigie.hub.insi.InsiCallLog}).
 *
 * <p>Everything read from the network goes through {@link fr.vigie.hub.insi.SafeXml}: size cap, no
 * DTD, no entities, secure processing; answers are then validated against Vigie's schema
 * {@code insi-resultat.xsd}, which follows the published result structure (history dates before or
 * after the INS, optional traits). A {@code 00} whose matricule key does not verify is read as sent,
 * never corrected, and comes back as {@link fr.vigie.hub.insi.InsiResult.KeyNotVerified} with the
 * warning {@code INSI_KEY_NOT_VERIFIED}. Namespaces are Vigie's reading of the public WSDL
 * ({@link fr.vigie.hub.insi.InsiNamespaces}). No full matricule reaches a log or the call record.
 */
package fr.vigie.hub.insi;
