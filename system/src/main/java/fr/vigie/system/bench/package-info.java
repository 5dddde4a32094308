/**
 * {@code ./vigie bench}: load generators that run the real components on this machine and print
 * figures. Benchmarks measure; tests assert behaviour. {@link fr.vigie.system.bench.HapiMllpReceiver} stands in for
 * the hospital's GAM (HAPI's MLLP server) in {@code ./vigie bench gam} and in tests of the CLI and the console.
 */
package fr.vigie.system.bench;
