package fr.vigie.system.cli;

import fr.vigie.protocol.identity.IdentityException;
import fr.vigie.protocol.identity.InsMatricule;
import fr.vigie.protocol.identity.StrictTraits;
import fr.vigie.protocol.identity.TraitsInput;
import fr.vigie.protocol.identity.TraitsVerdict;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code ./vigie ins check MATRICULE} and {@code ./vigie ins traits --nom … --prenoms … --sexe …
 * --naissance … [--lieu …] [--nom-utilise …] [--prenom-utilise …]}: the verdict of the protocol's
 * identity rules (the ones kiosk and hub apply) on one value, for admission and support staff. A
 * matricule is only ever printed masked. Exit codes: 0 valid, 1 rejected, 2 bad usage.
 */
public final class InsCommand {
    static final String USAGE = String.join("\n",
            "usage: ./vigie ins check MATRICULE            (spaces between the groups are allowed)",
            "       ./vigie ins traits --nom NOM --prenoms \"PRENOM1 PRENOM2\" --sexe F|M --naissance AAAA-MM-JJ",
            "                          [--lieu CODE-INSEE] [--nom-utilise NOM] [--prenom-utilise PRENOM]");
    private static final List<String> TRAIT_OPTIONS = List.of("--nom", "--prenoms", "--sexe", "--naissance", "--lieu",
            "--nom-utilise", "--prenom-utilise");

    private InsCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), Clock.systemDefaultZone(), System.out, System.err));
    }

    static int run(List<String> args, Clock clock, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        if (args.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        return switch (args.get(0)) {
            case "check" -> args.size() >= 2 ? check(args.subList(1, args.size()), out) : usage(err);
            case "traits" -> traits(args.subList(1, args.size()), LocalDate.now(clock), out, err);
            default -> usage(err);
        };
    }

    private static int usage(PrintStream err) {
        err.println(USAGE);
        return 2;
    }

    /**
     * A matricule typed in groups without quotes reaches the command as several words: they are read as one
     * number, and the person is told.
     */
    private static int check(List<String> words, PrintStream out) {
        String text = String.join(" ", words);
        if (words.size() > 1) {
            out.println("note: the " + words.size() + " words after 'check' were read as one matricule"
                    + " (put it in quotes to pass it as one word)");
        }
        String trimmed = trimmedNote(text);
        try {
            InsMatricule m = InsMatricule.parse(text);
            out.printf("valid INS matricule %s: sex %s, born %s-%s, department %s%s%n", m.masked(), m.sex().traitCode(),
                    m.yearDigits(), m.monthDigits(), m.department(),
                    m.hasCalendarMonth() ? "" : " (month outside 01-12, as in NIRs with incomplete civil status)");
            if (!trimmed.isEmpty()) {
                out.println(trimmed);
            }
            return 0;
        } catch (IdentityException e) {
            out.println("rejected " + e.error() + ": " + e.getMessage());
            if (!trimmed.isEmpty()) {
                out.println(trimmed);
            }
            return 1;
        }
    }

    /**
     * What reading the matricule removed, so that the person knows the number checked is not exactly what
     * they typed: spaces around the number and between its groups (the no-break spaces of French typography
     * included). Empty when nothing was removed. Never shows the number.
     */
    static String trimmedNote(String text) {
        int first = 0;
        int last = text.length() - 1;
        while (first <= last && InsMatricule.isIgnoredSpace(text.charAt(first))) {
            first++;
        }
        while (last >= first && InsMatricule.isIgnoredSpace(text.charAt(last))) {
            last--;
        }
        int around = first + text.length() - 1 - last;
        int inside = (int) text.substring(first, last + 1).chars().filter(c -> InsMatricule.isIgnoredSpace((char) c)).count();
        if (around == 0 && inside == 0) {
            return "";
        }
        return "note: spaces were removed before checking (" + (around > 0 ? around + " around the number" : "")
                + (around > 0 && inside > 0 ? ", " : "") + (inside > 0 ? inside + " between its groups" : "") + ")";
    }

    private static int traits(List<String> args, LocalDate today, PrintStream out, PrintStream err) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String option = args.get(i);
            if (!TRAIT_OPTIONS.contains(option) || i + 1 >= args.size() || values.containsKey(option)) {
                err.println("bad option " + option + (i + 1 >= args.size() ? " (no value)" : "") + "\n" + USAGE);
                return 2;
            }
            values.put(option, args.get(i + 1));
        }
        TraitsInput input = TraitsInput.of(values.get("--nom"), values.get("--prenoms"), values.get("--sexe"),
                values.get("--naissance")).withLieuNaissance(values.get("--lieu"))
                .withNomUtilise(values.get("--nom-utilise")).withPrenomUtilise(values.get("--prenom-utilise"));
        TraitsVerdict verdict = StrictTraits.check(input, today);
        for (TraitsVerdict.FieldVerdict f : verdict.fields()) {
            if (f.accepted()) {
                out.printf("  %-22s %s%s%n", f.trait().label(), f.normalised().orElse("(absent)"),
                        f.changes().isEmpty() ? "" : "   (normalised: " + f.changes().stream().map(Enum::name)
                                .map(String::toLowerCase).collect(Collectors.joining(", ")) + ")");
            } else {
                f.rejections().forEach(r -> out.printf("  %-22s rejected %s: %s%n", f.trait().label(), r.error(),
                        r.reason()));
            }
        }
        out.println(verdict.accepted() ? "valid traits" : "rejected traits");
        return verdict.accepted() ? 0 : 1;
    }
}
