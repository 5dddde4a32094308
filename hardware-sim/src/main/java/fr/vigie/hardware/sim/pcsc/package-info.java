/**
 * Virtual cards behind the real PC/SC stack, for integration tests, the card benchmark and demos on a
 * machine without readers: a {@code pcscd} process started with only the {@code vsmartcard-vpcd} driver
 * ({@link fr.vigie.hardware.sim.pcsc.PcscDaemon}), the card side of vpcd that puts a virtual card behind
 * it ({@link fr.vigie.hardware.sim.pcsc.VpcdCardConnector}), and both as one station
 * ({@link fr.vigie.hardware.sim.pcsc.PcscdStation}). The host side is hardware's real
 * {@link fr.vigie.hardware.card.pcsc.PcscTerminalSource}.
 */
package fr.vigie.hardware.sim.pcsc;
