/**
 * Virtual cards, first-class code used by the demo and the tests: a software CPS3
 * ({@link fr.vigie.hardware.sim.card.VirtualCpsCard}) with keys from the test IGC-Santé hierarchy
 * ({@link fr.vigie.hardware.sim.igcsante.TestIgcSante}), a software Vitale 2 card
 * ({@link fr.vigie.hardware.sim.card.VirtualVitaleCard}), and an in-process {@code javax.smartcardio}
 * provider whose readers accept them ({@link fr.vigie.hardware.sim.card.VirtualReaders}). A
 * {@link fr.vigie.hardware.sim.card.VirtualCardStation} presents a card in-process or, through
 * {@link fr.vigie.hardware.sim.pcsc.PcscdStation}, behind a real {@code pcscd}.
 */
package fr.vigie.hardware.sim.card;
