package fr.vigie.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One setting of the hub or of a kiosk, as the settings reference, the readers, the console, the CLI and
 * the rollouts know it: its one dotted name ({@code kiosk.session.idle-lock-seconds}), its type, default,
 * bounds or allowed values, unit, a meaning in English (the docs) and a label and help in French and English
 * (the console, the CLI), and where it may be set. Immutable.
 *
 * <pre>{@code
 * static final Setting IDLE_LOCK = Setting.define("kiosk.session.idle-lock-seconds").fleet()
 *         .integer(300, 15, 3600).unit("s")
 *         .words("Verrouillage après inactivité", "Idle lock", "Sans toucher l'écran…", "No touch for this long…");
 * }</pre>
 *
 * @param key the one dotted name
 * @param type how the value is written
 * @param defaultValue the value when the setting is not given, as it would be written ({@code ""}: none)
 * @param min lowest value of an {@link Type#INTEGER}, else empty
 * @param max highest value of an {@link Type#INTEGER}, else empty
 * @param choices the values a {@link Type#CHOICE} may take, else empty
 * @param unit unit of a number ({@code s}, {@code min}, {@code h}, {@code ms}), or {@code ""}
 * @param scope where it may be set
 * @param label short name, French and English
 * @param help one or two sentences for IT, French and English
 * @param meaning what it does, in English, for the docs
 */
public record Setting(String key, Type type, String defaultValue, Optional<Long> min, Optional<Long> max,
        List<String> choices, String unit, Scope scope, Text label, Text help, String meaning) {

    /** How a value is written. */
    public enum Type {
        /** A whole number within {@link #min()}–{@link #max()}. */
        INTEGER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** One of {@link #choices()}. */
        CHOICE,
        /** Free text: a name, a path, a URL. */
        TEXT,
        /** Several values, separated by commas in a properties file, a JSON array of strings in a rollout. */
        LIST
    }

    /** Where a setting may be set. */
    public enum Scope {
        /**
         * In the signed configuration IT rolls out to a group of kiosks (REST API, {@code ./vigie admin config push},
         * console) and in the kiosk's local file; a rolled-out value overrides the local file's.
         */
        FLEET,
        /** Only in the machine's own settings file (and its command-line options). */
        LOCAL
    }

    /** A text in French, then English. */
    public record Text(String fr, String en) {
        public Text {
            Objects.requireNonNull(fr, "fr");
            Objects.requireNonNull(en, "en");
        }

        /** The text in {@code lang} ({@code fr} or {@code en}; anything else gives French). */
        public String in(String lang) {
            return "en".equalsIgnoreCase(lang) ? en : fr;
        }
    }

    public Setting {
        Objects.requireNonNull(key, "key");
        if (!key.matches("(hub|kiosk)(\\.[a-z0-9]+(-[a-z0-9]+)*)+")) {
            throw new IllegalArgumentException("setting name '" + key + "' must be dotted lower-case words under hub. or kiosk.");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        choices = List.copyOf(choices);
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(meaning, "meaning");
        if (type == Type.INTEGER && (min.isEmpty() || max.isEmpty())) {
            throw new IllegalArgumentException(key + ": a whole number needs its bounds");
        }
        if (type == Type.CHOICE && !choices.contains(defaultValue)) {
            throw new IllegalArgumentException(key + ": default '" + defaultValue + "' is not one of " + choices);
        }
    }

    /** Starts the description of setting {@code key}. */
    public static Builder define(String key) {
        return new Builder(key);
    }

    /** Whether IT may roll it out to kiosks in the signed configuration. */
    public boolean fleet() {
        return scope == Scope.FLEET;
    }

    /** The default as a whole number. */
    public int defaultInt() {
        return Integer.parseInt(defaultValue);
    }

    /** The default of a boolean. */
    public boolean defaultBoolean() {
        return Boolean.parseBoolean(defaultValue);
    }

    /** Whether {@code value} is within the bounds of this whole number. */
    public boolean inBounds(long value) {
        return value >= min.orElseThrow() && value <= max.orElseThrow();
    }

    /** The bounds or allowed values, e.g. {@code 15–3600 s} or {@code fr, en}; {@code ""} when free. */
    public String bounds() {
        return switch (type) {
            case INTEGER -> min.orElseThrow() + "–" + max.orElseThrow() + (unit.isEmpty() ? "" : " " + unit);
            case BOOLEAN -> "true, false";
            case CHOICE -> String.join(", ", choices);
            default -> "";
        };
    }

    /** Describes a setting; {@link #words} ends it. */
    public static final class Builder {
        private final String key;
        private Type type = Type.TEXT;
        private String dflt = "";
        private Long min;
        private Long max;
        private List<String> choices = List.of();
        private String unit = "";
        private Scope scope = Scope.LOCAL;

        private Builder(String key) {
            this.key = key;
        }

        /** Settable by a signed fleet rollout (the default is the local file only). */
        public Builder fleet() {
            scope = Scope.FLEET;
            return this;
        }

        public Builder integer(long defaultValue, long lowest, long highest) {
            type = Type.INTEGER;
            dflt = Long.toString(defaultValue);
            min = lowest;
            max = highest;
            return this;
        }

        public Builder bool(boolean defaultValue) {
            type = Type.BOOLEAN;
            dflt = Boolean.toString(defaultValue);
            return this;
        }

        /** One of {@code values}, written in lower case. */
        public Builder choice(String defaultValue, String... values) {
            type = Type.CHOICE;
            dflt = defaultValue;
            choices = List.of(values);
            return this;
        }

        /** Free text with this default ({@code ""}: none). */
        public Builder textValue(String defaultValue) {
            type = Type.TEXT;
            dflt = defaultValue;
            return this;
        }

        /** A list with this default, as written in a properties file ({@code ""}: empty). */
        public Builder list(String defaultValue) {
            type = Type.LIST;
            dflt = defaultValue;
            return this;
        }

        public Builder unit(String value) {
            unit = value;
            return this;
        }

        /**
         * Ends the description with its words: the English help is the meaning the docs print.
         *
         * @param labelFr label in French, e.g. {@code Verrouillage après inactivité}
         * @param labelEn label in English
         * @param helpFr help in French
         * @param meaning what the setting does, in English (docs, English help)
         */
        public Setting words(String labelFr, String labelEn, String helpFr, String meaning) {
            return new Setting(key, type, dflt, Optional.ofNullable(min), Optional.ofNullable(max), choices, unit,
                    scope, new Text(labelFr, labelEn), new Text(helpFr, meaning), meaning);
        }
    }

    @Override
    public String toString() {
        return key + " (" + type.name().toLowerCase(Locale.ROOT) + ")";
    }
}
