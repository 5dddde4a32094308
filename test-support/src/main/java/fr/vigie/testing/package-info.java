/**
 * What the tests of every module share, so that each thing is done one way: the controllable clock
 * ({@link fr.vigie.testing.MutableClock}), the Mosquitto launcher
 * ({@link fr.vigie.testing.MosquittoProcess}), a CUPS server with PDF printer queues
 * ({@link fr.vigie.testing.CupsPdfServer}), the reader of a {@code /metrics} answer
 * ({@link fr.vigie.testing.MetricsExposition}) and the HTML rules of the jte page templates of the console and the
 * kiosk ({@link fr.vigie.testing.TemplatePolicy}). Test scope only: no production module depends on it.
 * A free loopback port comes from the hub's own {@code fr.vigie.hub.broker.FreePort} (production code
 * uses it for port 0); test CAs stay with the module whose PKI they build (provisioning's
 * {@code TestPki}, the hub's {@code SitePki}), since this module may depend on no module of ours.
 */
package fr.vigie.testing;
