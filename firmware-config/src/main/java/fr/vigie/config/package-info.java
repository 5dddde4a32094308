/**
 * The kiosk configuration and its signed rollout.
 *
 * <ul>
 * <li>{@link fr.vigie.config.KioskSettings}: the configuration as one validated record with
 * defaults, strict JSON.</li>
 * <li>Hub side: {@link fr.vigie.config.ConfigSigner} signs settings as a compact JWS (ES256) inside
 * the protocol's {@link fr.vigie.protocol.ConfigBundle}.</li>
 * <li>Kiosk side: {@link fr.vigie.config.ConfigVerifier} checks signature, algorithm, kiosk,
 * version and content; {@link fr.vigie.config.AppliedConfigStore} applies atomically, keeps the
 * previous configuration and rolls back; {@link fr.vigie.config.ConfigReplies} builds the reply.</li>
 * <li>Rejections: {@link fr.vigie.config.ConfigException} with a stable
 * {@link fr.vigie.config.ConfigError}; disk failures are {@link java.io.IOException}s.</li>
 * </ul>
 *
 * Raspberry Pi packaging (systemd units, Chromium kiosk launcher) will live beside this code.
 */
package fr.vigie.config;
