/**
 * Support tools run from {@code ./vigie}: card diagnostics ({@link fr.vigie.system.tools.card}) and
 * the code reader ({@link fr.vigie.system.tools.scan}).
 */
package fr.vigie.system.tools;
