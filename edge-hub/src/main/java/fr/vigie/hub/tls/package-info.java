/**
 * TLS material of the hub's gateways to the national services, read once when the configuration is
 * loaded: {@link fr.vigie.hub.tls.ClientCertificate} (a PKCS#12 key and chain the hub presents, e.g.
 * the establishment certificate {@code INSI-AUTO} or the IGC-Santé certificate of PSC's
 * {@code tls_client_auth}) and {@link fr.vigie.hub.tls.ServerTrust} (the CAs a service's server
 * certificate must chain to, or the JVM's default trust store). Secrets come from files only; the
 * hub's configuration reader checks that they are owner-only before opening them.
 */
package fr.vigie.hub.tls;
