package fr.vigie.system.bench;

import fr.vigie.hub.psc.CibaChannel;
import fr.vigie.hub.psc.CibaFlow;
import fr.vigie.hub.psc.CibaPoll;
import fr.vigie.hub.psc.CibaRequest;
import fr.vigie.hub.psc.IdTokenValidator;
import fr.vigie.hub.psc.PscAuditSink;
import fr.vigie.hub.psc.PscGatewayConfig;
import fr.vigie.hub.psc.PscProvider;
import fr.vigie.hub.psc.SessionBindingGuard;
import fr.vigie.hub.sandbox.psc.PscSimulator;
import fr.vigie.hub.sandbox.psc.SandboxProfessionals;
import fr.vigie.protocol.identity.IdNatPs;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;

/**
 * Measures the hub gateway's own cost of a CIBA sign-in against the sandbox PSC on loopback: the
 * request to {@code ext/ciba/auth}, one poll of the token endpoint (the sandbox approves at once),
 * ID token validation and the session binding check. The professional's approval time and the
 * poll interval PSC imposes are left out: they are the same with any gateway. For
 * {@code ./vigie bench ciba} and {@code ./vigie bench signin}.
 */
final class CibaBench {
    /** Milliseconds per phase. */
    record Figures(int runs, int warmup, Percentiles start, Percentiles pollAndValidate, Percentiles total) {
    }

    private CibaBench() {
    }

    /** Runs {@code warmup} then {@code runs} CIBA sign-ins, alternating channel CARD and MOBILE. */
    static Figures run(int runs, int warmup) throws Exception {
        Clock clock = Clock.systemUTC();
        try (PscSimulator psc = PscSimulator.start("127.0.0.1", 0, PscSimulator.Options.defaults(),
                SandboxProfessionals.bundled(), clock, new SecureRandom())) {
            psc.autoApprove(true);
            PscGatewayConfig config = PscGatewayConfig.withSecret(psc.issuer(), PscSimulator.Options.defaults().clientId(),
                    PscSimulator.Options.defaults().clientSecret());
            PscProvider provider = PscProvider.discover(config);
            IdTokenValidator validator = IdTokenValidator.forProvider(config, provider, clock);
            CibaFlow flow = new CibaFlow(config, provider, validator, new SecureRandom(), clock);
            SessionBindingGuard guard = new SessionBindingGuard(new PscAuditSink.InMemory(), clock);
            IdNatPs doctor = psc.professionals().byRole("doctor").idNatPs();
            double[] start = new double[runs];
            double[] poll = new double[runs];
            double[] total = new double[runs];
            for (int i = -warmup; i < runs; i++) {
                long t0 = System.nanoTime();
                CibaRequest req = flow.start(doctor, i % 2 == 0 ? CibaChannel.CARD : CibaChannel.MOBILE);
                long t1 = System.nanoTime();
                CibaPoll answer = flow.poll(req);
                if (!(answer instanceof CibaPoll.Tokens tokens)
                        || !(guard.bind("bench", doctor, tokens.tokens()) instanceof SessionBindingGuard.Binding.Bound)) {
                    throw new IllegalStateException("sign-in " + i + " did not complete: " + answer);
                }
                long t2 = System.nanoTime();
                if (i >= 0) {
                    start[i] = (t1 - t0) / 1e6;
                    poll[i] = (t2 - t1) / 1e6;
                    total[i] = (t2 - t0) / 1e6;
                }
            }
            return new Figures(runs, warmup, Percentiles.of(start), Percentiles.of(poll), Percentiles.of(total));
        }
    }

    static void print(Figures f, PrintStream out) {
        out.printf(Locale.ROOT, "CIBA sign-ins against the sandbox PSC on loopback: %d (after %d warm-up),"
                + " instant approval, poll interval excluded%n", f.runs(), f.warmup());
        line(out, "ext/ciba/auth", f.start());
        line(out, "poll + ID token validation + binding", f.pollAndValidate());
        line(out, "gateway overhead per sign-in", f.total());
    }

    static void line(PrintStream out, String what, Percentiles p) {
        out.printf(Locale.ROOT, "  %-44s p50 %7.2f ms   p99 %7.2f ms   max %7.2f ms%n", what, p.at(50), p.at(99), p.at(100));
    }

    /** {@code ./vigie bench ciba [SIGN-INS, default 500] [WARM-UP, default 100]}. */
    static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        print(run(runs, warmup), System.out);
    }
}
