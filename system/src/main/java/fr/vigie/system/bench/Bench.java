package fr.vigie.system.bench;

import fr.vigie.system.bench.scan.ScanBench;
import fr.vigie.system.bench.card.CardSignInBench;
import java.util.Arrays;

/** {@code ./vigie bench <name> [options]}: runs one benchmark and prints its figures. */
public final class Bench {
    private Bench() {
    }

    private static void cardBench(String[] args) throws Exception {
        int runs = 200;
        if (args.length == 2 && args[0].equals("--runs")) {
            runs = Integer.parseInt(args[1]);
        } else if (args.length != 0) {
            throw new IllegalArgumentException("usage: ./vigie bench card [--runs N]");
        }
        System.out.println("Vigie card sign-in benchmark: select, read certificate, verify PIN, challenge-response; "
                + runs + " sign-ins per transport");
        for (CardSignInBench.Result r : CardSignInBench.runAll(runs)) {
            System.out.println(r);
        }
    }

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "help" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (name) {
                case "ingest" -> IngestBench.run(IngestBench.Options.parse(rest), System.out);
                case "card" -> cardBench(rest);
                case "enrol" -> EnrolBench.run(rest, System.out);
                case "scan" -> ScanBench.main(rest);
                case "ciba" -> CibaBench.main(rest);
                case "signin" -> SignInBench.run(SignInBench.Options.parse(rest), System.out);
                case "insi" -> InsiBench.main(rest);
                case "rollout" -> RolloutBench.run(rest, System.out);
                case "gam" -> GamBench.run(rest, System.out);
                default -> {
                    System.err.println("usage: ./vigie bench ingest [--kiosks N] [--events N] [--sync FULL|NORMAL] [--data DIR]\n"
                            + "       ./vigie bench card [--runs N]\n"
                            + "       ./vigie bench enrol [--kiosks N]\n"
                            + "       ./vigie bench scan [--count N] [--seed S] [--strength X] [--dir DIR] [--zbar PATH]\n"
                            + "       ./vigie bench ciba [SIGN-INS] [WARM-UP]\n"
                            + "       ./vigie bench signin [--runs N] [--warmup N] [--sync FULL|NORMAL] [--ciba N]\n"
                            + "       ./vigie bench insi [CALLS]\n"
                            + "       ./vigie bench rollout [--kiosks N] [--rounds R]\n"
                            + "       ./vigie bench gam [--patients N] [--burst M]");
                    System.exit(name.equals("help") ? 0 : 2);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        System.exit(0);
    }
}
