/**
 * The contract between kiosks and the edge hub: the MQTT topic tree ({@link fr.vigie.protocol.Topics}),
 * the payload records that travel on it ({@link fr.vigie.protocol.EventEnvelope},
 * {@link fr.vigie.protocol.KioskStatus}, {@link fr.vigie.protocol.Command} inside its hub signature
 * {@link fr.vigie.protocol.SignedCommand},
 * {@link fr.vigie.protocol.Reply}, {@link fr.vigie.protocol.ConfigBundle}) and the strict JSON codec
 * ({@link fr.vigie.protocol.ProtocolCodec}) that both sides use to write and read them; and the HTTPS
 * device API's routes, records, codes and codec ({@link fr.vigie.protocol.device}). Both codecs read with
 * the same strictness ({@link fr.vigie.protocol.StrictJson}).
 *
 * <p>Every type here is immutable. A message that breaks the contract is rejected with a
 * {@link fr.vigie.protocol.ProtocolException} carrying a stable {@link fr.vigie.protocol.ProtocolError} code.
 * Error-code families on both sides say whether a code is a rejection or a failure with
 * {@link fr.vigie.protocol.ErrorKind}. Both ends of the link also share their retry schedule
 * ({@link fr.vigie.protocol.retry}) and the identity value types ({@link fr.vigie.protocol.identity}).
 */
package fr.vigie.protocol;
