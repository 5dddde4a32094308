/**
 * The real PC/SC path: the JDK's {@code javax.smartcardio} over pcsc-lite
 * ({@link fr.vigie.hardware.card.pcsc.PcscTerminalSource}, which also recovers from a restarted
 * {@code pcscd}), a {@code pcscd} process with the vpcd driver for tests and demos
 * ({@link fr.vigie.hardware.card.pcsc.PcscDaemon}), and the card side of vpcd
 * ({@link fr.vigie.hardware.card.pcsc.VpcdCardConnector}) that puts a virtual card behind it.
 */
package fr.vigie.hardware.card.pcsc;
