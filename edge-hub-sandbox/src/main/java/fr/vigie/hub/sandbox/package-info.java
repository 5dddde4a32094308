/**
 * The sandbox beside a production hub: simulators of the national services a site under test cannot
 * reach — Pro Santé Connect ({@code psc}), the INSi téléservice ({@code insi}), the ApCV ({@code apcv})
 * and the IGC-Santé ({@code igcsante}) — speaking the same protocols as the real ones, and the launcher
 * that starts them and a hub configured, through its {@code hub.insi.*}, {@code hub.psc.*},
 * {@code hub.apcv.*} and {@code hub.igc-sante.*} settings, to use them: {@link fr.vigie.hub.sandbox.Sandbox}
 * (the simulators and the site's files they write), {@link fr.vigie.hub.sandbox.SandboxHub} (simulators and
 * hub together, for tests), {@link fr.vigie.hub.sandbox.SandboxMain} ({@code ./vigie sandbox}, the demo's
 * hub process) and {@link fr.vigie.hub.sandbox.SandboxTokens} (the demo kiosks' bootstrap tokens). Nothing
 * here is on a production hub's class path.
 */
package fr.vigie.hub.sandbox;
