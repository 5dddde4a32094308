/**
 * {@code ./vigie card list | info [READER] | watch}: reader and card diagnostics for support staff
 * ({@link fr.vigie.system.tools.card.CardCommand}, {@link fr.vigie.system.tools.card.CardDiagnostics}) over
 * hardware's card layer; never shows a PIN or a NIR.
 */
package fr.vigie.system.tools.card;
