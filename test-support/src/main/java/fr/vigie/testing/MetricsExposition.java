package fr.vigie.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code /metrics} answer in the Prometheus text format 0.0.4, for tests that read what the hub
 * exposes by its meaning (sample, type, help) rather than by the bytes a writer happens to produce
 * ({@code 5} or {@code 5.0}, family order). Immutable.
 *
 * <pre>{@code
 * MetricsExposition m = MetricsExposition.parse(body);
 * double stored = m.value("vigie_ingest_events_stored_total");
 * double malformed = m.value("vigie_ingest_messages_rejected_total{code=\"MALFORMED_JSON\"}");
 * assertEquals("counter", m.type("vigie_ingest_events_stored_total"));
 * }</pre>
 *
 * @param samples every sample line's value by its series, {@code name} or {@code name{label="value",…}}
 *                exactly as written
 * @param types the {@code # TYPE} of each family
 * @param help the {@code # HELP} text of each family, unescaped
 */
public record MetricsExposition(Map<String, Double> samples, Map<String, String> types, Map<String, String> help) {

    public MetricsExposition {
        samples = Map.copyOf(samples);
        types = Map.copyOf(types);
        help = Map.copyOf(help);
    }

    /**
     * Parses an exposition.
     *
     * @throws IllegalArgumentException naming the line that is not a comment or a sample
     */
    public static MetricsExposition parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> help = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                String rest = line.substring(7);
                int space = rest.indexOf(' ');
                String name = space < 0 ? rest : rest.substring(0, space);
                String value = space < 0 ? "" : rest.substring(space + 1);
                if (line.startsWith("# HELP ")) {
                    help.put(name, value.replace("\\n", "\n").replace("\\\\", "\\"));
                } else {
                    types.put(name, value);
                }
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            int end = seriesEnd(line);
            String[] tail = line.substring(end).trim().split(" ");
            if (end == 0 || tail.length == 0 || tail[0].isEmpty()) {
                throw new IllegalArgumentException("not a sample line: " + line);
            }
            samples.put(line.substring(0, end), number(tail[0], line));
        }
        return new MetricsExposition(samples, types, help);
    }

    /** @return the value of {@code series}, e.g. {@code vigie_devices_online} */
    public Optional<Double> find(String series) {
        return Optional.ofNullable(samples.get(series));
    }

    /**
     * @return the value of {@code series}
     * @throws IllegalArgumentException if the exposition has no such series
     */
    public double value(String series) {
        return find(series).orElseThrow(() -> new IllegalArgumentException(series + " is not in the exposition"));
    }

    /** @return the {@code # TYPE} of {@code family} ({@code counter}, {@code gauge}, {@code histogram}…), or null */
    public String type(String family) {
        return types.get(family);
    }

    /** Where the series (name and labels) of a sample line ends; label values may hold spaces and escaped quotes. */
    private static int seriesEnd(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != ' ' && line.charAt(i) != '{') {
            i++;
        }
        if (i == line.length() || line.charAt(i) == ' ') {
            return i;
        }
        boolean quoted = false;
        for (i++; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("unclosed labels: " + line);
    }

    private static double number(String s, String line) {
        switch (s) {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a sample value in: " + line, e);
                }
        }
    }
}
