/**
 * Sandbox simulators of the national services that cannot be reached from a site under test —
 * Pro Santé Connect ({@code psc}) and the INSi téléservice ({@code insi}) — speaking the same
 * protocols as the real ones, and {@link fr.vigie.hub.sandbox.HubSandbox}, which a hub started with
 * {@code hub.sandbox.enabled=true} serves next to its own API.
 */
package fr.vigie.hub.sandbox;
