/**
 * The Vigie kiosk application. {@link fr.vigie.kiosk.Kiosk} is the composition
 * root of one kiosk: a durable outbox ({@code fr.vigie.kiosk.outbox}) and a link to the site hub
 * ({@code fr.vigie.kiosk.link}). {@link fr.vigie.kiosk.KioskConfig} is its typed configuration,
 * {@link fr.vigie.kiosk.VirtualFleet} runs many kiosks in one JVM for the demo and the benchmark,
 * and {@link fr.vigie.kiosk.KioskMain} is the command line; it also starts each kiosk's clinician
 * workstation ({@code fr.vigie.kiosk.station}) with its local touch UI ({@code fr.vigie.kiosk.ui}).
 */
package fr.vigie.kiosk;
