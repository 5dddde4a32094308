/**
 * What the hub signs for its kiosks, and how a kiosk checks it: the kiosk configuration and its
 * signed rollout, and the hub's signed remote commands. Both go through the hub's one ES256 signing
 * and verifying path ({@link fr.vigie.provisioning.signing.HubJwsSigner}, {@link fr.vigie.provisioning.signing.HubJwsVerifier}).
 *
 * <ul>
 * <li>Settings described once: {@link fr.vigie.config.Setting} (one dotted name, type, default, bounds,
 * unit, meaning, French and English label and help, fleet or local) and {@link fr.vigie.config.SettingsCatalogue}
 * (the hub's or a kiosk's list, source of the keys its readers accept, of {@code docs/SETTINGS.md}, of the CLI's
 * reference and of the console's form); {@link fr.vigie.config.KioskFleetSettings}: the settings a rollout
 * carries.</li>
 * <li>{@link fr.vigie.config.KioskSettings}: the fleet configuration as one validated record with
 * defaults, strict JSON by dotted names ({@link fr.vigie.config.SettingProblem} says which setting was wrong and
 * how); configurations stored with the former camelCase names are converted on load in one place.</li>
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
