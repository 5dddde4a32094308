/**
 * The sandbox INSi service: {@link fr.vigie.hub.sandbox.insi.InsiSimulator}, a real HTTPS server
 * speaking the INSi SOAP 1.2 contract with mutual TLS and answering in the shapes the CNDA publishes
 * ({@link fr.vigie.hub.sandbox.insi.SimulatorReplies}), its test identities
 * ({@link fr.vigie.hub.sandbox.insi.SandboxIdentities}, from {@code sandbox/insi-identities.json}: a NIA,
 * Corsican matricules, a test identity whose keys do not verify, the people on the demo's Vitale card), the page
 * listing them for testers ({@link fr.vigie.hub.sandbox.insi.IdentitiesPage}, matricules masked), the faults it can be told to answer
 * ({@link fr.vigie.hub.sandbox.insi.SimulatedFault}), its call log for tests
 * ({@link fr.vigie.hub.sandbox.insi.SimulatorCall}), an IGC-Santé-like test PKI
 * ({@link fr.vigie.hub.sandbox.insi.SandboxPki}), and a load generator
 * ({@code ./vigie bench insi}: system's {@code fr.vigie.system.bench.InsiBench}). Used by the demo and by the gateway's tests alike;
 * never by a production hub.
 */
package fr.vigie.hub.sandbox.insi;
