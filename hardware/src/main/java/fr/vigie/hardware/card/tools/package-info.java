/**
 * Support tools over the card layer, for the {@code ./vigie card} and {@code ./vigie bench card}
 * commands: reader and card diagnostics, and the contact sign-in benchmark.
 */
package fr.vigie.hardware.card.tools;
