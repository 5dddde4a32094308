package fr.vigie.system.bench;

import fr.vigie.system.bench.scan.ScanBench;
import fr.vigie.system.bench.card.CardSignInBench;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./vigie bench <name> [options]}: runs one benchmark and prints its figures. {@code --help} (or
 * {@code -h}) prints the usage of the bench it follows, or of all, and runs nothing.
 */
public final class Bench {
    /** Each bench's usage line, in the order {@code ./vigie bench --help} lists them. */
    private static final Map<String, String> USAGES = new LinkedHashMap<>();

    static {
        USAGES.put("ingest", "./vigie bench ingest [--kiosks N] [--events N] [--sync FULL|NORMAL] [--data DIR]");
        USAGES.put("card", "./vigie bench card [--runs N]");
        USAGES.put("enrol", "./vigie bench enrol [--kiosks N]");
        USAGES.put("scan", "./vigie bench scan [--count N] [--seed S] [--strength X] [--dir DIR] [--zbar PATH]");
        USAGES.put("ciba", "./vigie bench ciba [SIGN-INS] [WARM-UP]");
        USAGES.put("signin", "./vigie bench signin [--runs N] [--warmup N] [--sync FULL|NORMAL] [--ciba N]");
        USAGES.put("insi", "./vigie bench insi [CALLS]");
        USAGES.put("rollout", "./vigie bench rollout [--kiosks N] [--rounds R]");
        USAGES.put("update", "./vigie bench update [--kiosks N] [--first N]");
        USAGES.put("gam", "./vigie bench gam [--patients N] [--burst M]");
        USAGES.put("start", "./vigie bench start [--runs N]");
        USAGES.put("sso", "./vigie bench sso [--rounds N] [--warmup N]");
    }

    private Bench() {
    }

    /** The usage of bench {@code name}, or of every bench when there is no such bench. */
    static String usage(String name) {
        if (USAGES.containsKey(name)) {
            return "usage: " + USAGES.get(name);
        }
        return "usage: " + String.join("\n       ", USAGES.values());
    }

    private static void cardBench(String[] args) throws Exception {
        int runs = 200;
        if (args.length == 2 && args[0].equals("--runs")) {
            runs = Integer.parseInt(args[1]);
        } else if (args.length != 0) {
            throw new IllegalArgumentException("bench card takes only --runs N");
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
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h") || name.equals("help")) {
            System.out.println(usage(name));
            System.exit(0);
        }
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
                case "update" -> UpdateBench.run(rest, System.out);
                case "gam" -> GamBench.run(rest, System.out);
                case "start" -> StartBench.run(rest, System.out);
                case "sso" -> SsoBench.run(rest, System.out);
                default -> {
                    System.err.println("unknown bench '" + name + "'\n" + usage(null));
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException e) { // NumberFormatException included: a bad number
            String message = String.valueOf(e.getMessage());
            System.err.println(message.startsWith("usage:") ? message : message + "\n" + usage(name));
            System.exit(2);
        }
        System.exit(0);
    }
}
