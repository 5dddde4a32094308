/**
 * The RNIV lifecycle of an identity record, which only the hub's registry runs: the one state machine
 * {@link fr.vigie.hub.identity.rniv.RnivTransitions} over a record's
 * {@link fr.vigie.hub.identity.rniv.RnivState} (its {@link fr.vigie.protocol.identity.RnivStatus} and its
 * {@link fr.vigie.hub.identity.rniv.IdentityAttribute attributes} DOUT/FICT/HOMA), moved by
 * {@link fr.vigie.hub.identity.rniv.RnivAction}s. What travels to the kiosk stays in {@code protocol}: the
 * status, the {@link fr.vigie.protocol.identity.HighTrustDocument} and the rejection codes
 * ({@link fr.vigie.protocol.identity.RnivError}, in a {@link fr.vigie.protocol.identity.RnivException}).
 * Every type here is immutable.
 */
package fr.vigie.hub.identity.rniv;
