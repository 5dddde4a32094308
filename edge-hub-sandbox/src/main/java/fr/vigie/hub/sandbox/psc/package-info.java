/**
 * The sandbox Pro Santé Connect: a real OpenID Connect provider speaking PSC's protocol on PSC's
 * Keycloak-style paths ({@code …/auth/realms/esante-wallet/protocol/openid-connect/…}), with the
 * same discovery document name, claims and error answers, so that the hub's gateway runs unchanged
 * against it. It serves fictitious test professionals read from
 * {@code sandbox/psc-professionals.json}, and an "e-CPS phone" page where a pending CIBA request and
 * its binding message can be approved or refused. Time is read from an injected clock.
 *
 * <p>{@link fr.vigie.hub.sandbox.psc.PscSimulator} is the entry point;
 * {@code fr.vigie.system.bench.CibaBench} ({@code ./vigie bench ciba}) measures the gateway's CIBA overhead against it.
 */
package fr.vigie.hub.sandbox.psc;
