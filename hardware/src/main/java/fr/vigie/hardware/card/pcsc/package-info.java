/**
 * The real PC/SC path: the JDK's {@code javax.smartcardio} over pcsc-lite
 * ({@link fr.vigie.hardware.card.pcsc.PcscTerminalSource}, which also recovers from a restarted
 * {@code pcscd}) and finds pcsc-lite's library ({@link fr.vigie.hardware.card.pcsc.PcscLibrary});
 * {@link fr.vigie.hardware.card.pcsc.PcscService} says what to do when pcscd does not answer. The
 * test {@code pcscd} with the vpcd driver and the card side of vpcd that puts a virtual card behind it
 * live in the {@code hardware-sim} module ({@code fr.vigie.hardware.sim.pcsc}).
 */
package fr.vigie.hardware.card.pcsc;
