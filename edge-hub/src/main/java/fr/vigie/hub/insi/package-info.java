/**
 * The hub's INSi gateway: a SOAP 1.2 client of the CNAM's INSi téléservice over mutual TLS with an
 * establishment certificate ({@link fr.vigie.hub.insi.SoapInsiClient}), the typed-traits search
 * strategy ({@link fr.vigie.hub.insi.InsiSearch}), results ({@link fr.vigie.hub.insi.InsiResult}),
 * stable error codes ({@link fr.vigie.hub.insi.InsiError}) and the audit sink
 * ({@link fr.vigie.hub.insi.InsiAudit}).
 *
 * <p>Everything read from the network goes through {@link fr.vigie.hub.insi.SafeXml}: size cap, no
 * DTD, no entities, secure processing; answers are then validated against Vigie's schema
 * {@code insi-resultat.xsd}. Namespaces are Vigie's reading of the public WSDL
 * ({@link fr.vigie.hub.insi.InsiNamespaces}). No full matricule reaches a log or the audit text.
 */
package fr.vigie.hub.insi;
