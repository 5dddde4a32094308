/**
 * <b>Sandbox only</b>: the demo's virtual card readers and CPS cards with on-screen controls
 * ({@link fr.vigie.kiosk.sandbox.SandboxCards}), selected by {@code kiosk.card.readers=sandbox}. A
 * production kiosk ({@code kiosk.card.readers=pcsc}, the default) never builds anything from here.
 */
package fr.vigie.kiosk.sandbox;
