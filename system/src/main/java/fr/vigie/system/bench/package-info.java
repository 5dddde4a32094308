/**
 * {@code ./vigie bench}: load generators that run the real components on this machine and print
 * figures. Benchmarks measure; tests assert behaviour. One entry point ({@link fr.vigie.system.bench.Bench}),
 * one percentile helper for every bench ({@link fr.vigie.system.bench.Percentiles}); the card and scan
 * benches have their own packages ({@link fr.vigie.system.bench.card}, {@link fr.vigie.system.bench.scan}).
 */
package fr.vigie.system.bench;
