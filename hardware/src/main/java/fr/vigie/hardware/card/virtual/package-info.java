/**
 * Virtual cards, first-class code used by the demo and the tests: a software CPS3
 * ({@link fr.vigie.hardware.card.virtual.VirtualCpsCard}) with keys from a local IGC-Santé-like
 * hierarchy ({@link fr.vigie.hardware.card.virtual.TestIgcSante}), a software Vitale 2 card, and an
 * in-process {@code javax.smartcardio} provider whose readers accept them.
 */
package fr.vigie.hardware.card.virtual;
