/**
 * {@code ./vigie bench}: load generators that run the real components on this machine and print
 * figures. Benchmarks measure; tests assert behaviour. One entry point ({@link fr.vigie.system.bench.Bench}),
 * one percentile helper for every bench ({@link fr.vigie.system.bench.Percentiles}); the card and scan
 * benches have their own packages ({@link fr.vigie.system.bench.card}, {@link fr.vigie.system.bench.scan}).
 * {@link fr.vigie.system.bench.HapiMllpReceiver} stands in for the hospital's GAM (HAPI's MLLP server) in
 * {@code ./vigie bench gam} and in tests of the CLI and the console.
 */
package fr.vigie.system.bench;
