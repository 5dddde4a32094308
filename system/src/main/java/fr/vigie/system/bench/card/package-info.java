/**
 * {@code ./vigie bench card}: the CPS contact sign-in sequence (select, read certificate, verify PIN,
 * challenge-response, certificate validation) on a virtual card in-process and behind pcscd + vpcd
 * ({@link fr.vigie.system.bench.card.CardSignInBench}).
 */
package fr.vigie.system.bench.card;
