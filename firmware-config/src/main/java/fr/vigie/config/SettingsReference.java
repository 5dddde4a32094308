package fr.vigie.config;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The settings reference, printed from the catalogues: for people at a terminal ({@code ./vigie hub settings},
 * {@code ./vigie kiosk settings}: French first, {@code --lang en} in English) and as the docs' Markdown
 * ({@code docs/SETTINGS.md}, English). Stateless.
 *
 * <pre>{@code
 * int status = SettingsReference.command(HubSettingsCatalogue.CATALOGUE, List.of("--lang", "en"), System.out, System.err);
 * }</pre>
 */
public final class SettingsReference {
    /** Exit status of a command line the reference cannot use. */
    public static final int EXIT_USAGE = 2;

    private static final Map<String, Map<String, String>> WORDS = Map.of(
            "fr", Map.of("title", "Réglages de %s (%d) : nom, valeur par défaut, limites et sens.",
                    "fleet", "déployable par le hub (une valeur déployée remplace celle du fichier local)",
                    "local", "fichier local seulement", "default", "défaut", "bounds", "limites", "none", "aucun",
                    "usage", "usage : vigie %s settings [--lang fr|en]   la référence des réglages (docs/SETTINGS.md)"),
            "en", Map.of("title", "Settings of the %s (%d): name, default, bounds and meaning.",
                    "fleet", "may be rolled out by the hub (a rolled-out value overrides the local file's)",
                    "local", "local file only", "default", "default", "bounds", "bounds", "none", "none",
                    "usage", "usage: vigie %s settings [--lang fr|en]   the settings reference (docs/SETTINGS.md)"));

    private SettingsReference() {
    }

    /**
     * Runs {@code vigie <app> settings [--lang fr|en]}: prints the reference of {@code catalogue} on {@code out}.
     *
     * @param args the arguments after {@code settings}
     * @return 0, or {@link #EXIT_USAGE} after printing why on {@code err}
     */
    public static int command(SettingsCatalogue catalogue, List<String> args, PrintStream out, PrintStream err) {
        String lang = "fr";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h")) {
                out.println(String.format(WORDS.get(lang).get("usage"), catalogue.name()));
                return 0;
            }
            String value = a.startsWith("--lang=") ? a.substring(7) : a.equals("--lang") && i + 1 < args.size()
                    ? args.get(++i) : null;
            if (value == null || !WORDS.containsKey(value)) {
                err.println("vigie " + catalogue.name() + " settings : argument inconnu « " + a + " »");
                err.println(String.format(WORDS.get("fr").get("usage"), catalogue.name()));
                return EXIT_USAGE;
            }
            lang = value;
        }
        out.print(text(catalogue, lang));
        out.flush();
        return 0;
    }

    /** The reference of {@code catalogue} for a terminal, in {@code lang} ({@code fr} or {@code en}). */
    public static String text(SettingsCatalogue catalogue, String lang) {
        Map<String, String> w = WORDS.getOrDefault(lang, WORDS.get("fr"));
        StringBuilder out = new StringBuilder(String.format(w.get("title"), catalogue.name(),
                catalogue.settings().size())).append("\n");
        for (Setting s : catalogue.settings()) {
            out.append("\n").append(s.key()).append("  [").append(w.get(s.fleet() ? "fleet" : "local")).append("]\n");
            out.append("  ").append(s.label().in(lang)).append(" — ").append(s.help().in(lang)).append("\n");
            out.append("  ").append(w.get("default")).append(lang.equals("fr") ? " : " : ": ")
                    .append(s.defaultValue().isEmpty() ? w.get("none") : s.defaultValue()
                            + (s.type() == Setting.Type.INTEGER && !s.unit().isEmpty() ? " " + s.unit() : ""));
            if (!s.bounds().isEmpty()) {
                out.append(" · ").append(w.get("bounds")).append(lang.equals("fr") ? " : " : ": ").append(s.bounds());
            }
            out.append("\n");
        }
        return out.toString();
    }

    /** The Markdown table of {@code catalogue}'s settings (English), one row per setting. */
    public static String markdownTable(SettingsCatalogue catalogue) {
        StringBuilder out = new StringBuilder("| setting | default | bounds | set by | meaning |\n|---|---|---|---|---|\n");
        for (Setting s : catalogue.settings()) {
            out.append("| `").append(s.key()).append("` | ")
                    .append(s.defaultValue().isEmpty() ? "*(empty)*" : "`" + cell(s.defaultValue()) + "`").append(" | ")
                    .append(cell(s.bounds())).append(" | ").append(s.fleet() ? "rollout or local file" : "local file")
                    .append(" | **").append(cell(s.label().en())).append(".** ").append(cell(s.meaning())).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
