/**
 * What the hub signs for its kiosks, and how a kiosk checks it: the kiosk configuration and its
 * signed rollout, and the hub's signed remote commands. Both go through the hub's one ES256 signing
 * and verifying path ({@link fr.vigie.provisioning.signing.HubJwsSigner}, {@link fr.vigie.provisioning.signing.HubJwsVerifier}).
 *
 * <ul>
 * <li>{@link fr.vigie.config.KioskSettings}: the configuration as one validated record with
 * defaults, strict JSON.</li>
 * <li>Hub side: {@link fr.vigie.config.ConfigSigner} signs settings as a compact JWS (ES256) inside
 * the protocol's {@link fr.vigie.protocol.ConfigBundle}; {@link fr.vigie.config.CommandSigner}
 * prepares (expiry, nonce) and signs a {@link fr.vigie.protocol.Command} into a
 * {@link fr.vigie.protocol.SignedCommand}.</li>
 * <li>Kiosk side: {@link fr.vigie.config.ConfigVerifier} checks signature, algorithm, kiosk,
 * version and content; {@link fr.vigie.config.AppliedConfigStore} applies atomically, keeps the
 * previous configuration and rolls back; {@link fr.vigie.config.ConfigReplies} builds the reply.
 * {@link fr.vigie.config.CommandVerifier} checks a command's signature, content, kiosk and
 * validity time.</li>
 * <li>Rejections: {@link fr.vigie.config.ConfigException} with a stable
 * {@link fr.vigie.config.ConfigError}, {@link fr.vigie.config.CommandRefusal} with a stable
 * {@link fr.vigie.protocol.CommandError}; disk failures are {@link java.io.IOException}s.</li>
 * </ul>
 *
 * Raspberry Pi packaging (systemd units, Chromium kiosk launcher) will live beside this code.
 */
package fr.vigie.config;
