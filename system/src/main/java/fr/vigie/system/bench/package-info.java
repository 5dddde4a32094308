/**
 * {@code ./vigie bench}: load generators that run the real components on this machine and print
 * figures. Benchmarks measure; tests assert behaviour.
 */
package fr.vigie.system.bench;
