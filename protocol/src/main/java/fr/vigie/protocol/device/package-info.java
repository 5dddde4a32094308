/**
 * The HTTPS device API between kiosks and the hub, the half of the kiosk↔hub contract that is not MQTT:
 * every route ({@link fr.vigie.protocol.device.DeviceRoute}, listed by area in
 * {@link fr.vigie.protocol.device.EnrolmentApi}, {@link fr.vigie.protocol.device.CertificateApi},
 * {@link fr.vigie.protocol.device.IgcSanteApi}, {@link fr.vigie.protocol.device.AgentApi},
 * {@link fr.vigie.protocol.device.AdmissionApi} and {@link fr.vigie.protocol.device.CibaApi}), the record
 * every request and answer carries, every refusal ({@link fr.vigie.protocol.device.Refusal}) and its code
 * ({@link fr.vigie.protocol.device.DeviceError}: one enum per area, each code with its HTTP status), and the
 * one strict JSON codec both sides read and write them with ({@link fr.vigie.protocol.device.DeviceCodec}).
 *
 * <p>The hub's routes serve a {@code DeviceRoute} and the kiosk's client calls the same one, so no path,
 * body shape, status or code is written twice. Records check their own values (a kiosk session id, a
 * base64 field, which fields a CIBA status carries), so a value one side refuses to build the other refuses
 * to read. Optional fields are {@link java.util.Optional} components, left out of the JSON when empty.
 * Every type here is immutable and thread-safe.
 *
 * <pre>{@code
 * // kiosk                                              // hub
 * NonceAnswer a = hubApi.call(AgentApi.NONCE,          DeviceExchange.serve(app, AgentApi.NONCE,
 *         new NonceRequest(sessionId));                        (ctx, request) -> ...);
 * }</pre>
 */
package fr.vigie.protocol.device;
