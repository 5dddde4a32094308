/**
 * The sandbox INSi service: {@link fr.vigie.hub.sandbox.insi.InsiSimulator}, a real HTTPS server
 * speaking the INSi SOAP 1.2 contract with mutual TLS, its test identities
 * ({@link fr.vigie.hub.sandbox.insi.SandboxIdentities}, from {@code sandbox/insi-identities.json}),
 * an IGC-Santé-like test PKI ({@link fr.vigie.hub.sandbox.insi.SandboxPki}), and a load generator
 * ({@link fr.vigie.hub.sandbox.insi.InsiBench}). Used by the demo and by the gateway's tests alike.
 */
package fr.vigie.hub.sandbox.insi;
