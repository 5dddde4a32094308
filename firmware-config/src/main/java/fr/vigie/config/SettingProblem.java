package fr.vigie.config;

import java.util.Objects;
import java.util.Optional;

/**
 * What was wrong with one setting of a rollout, precisely enough for the console to say it in the user's
 * language ("réglage inconnu : …") rather than repeat an English message. Immutable.
 *
 * @param kind what was wrong
 * @param key the setting's name as it was given
 * @param value the value as it was given (JSON), {@code ""} when none
 * @param replacement for {@link Kind#RENAMED}, the name that replaced {@code key}
 */
public record SettingProblem(Kind kind, String key, String value, Optional<String> replacement) {
    /** What was wrong. */
    public enum Kind {
        /** No setting has this name. */
        UNKNOWN,
        /** A name of before the settings reference (e.g. {@code idleLockSeconds}); {@code replacement} is its name now. */
        RENAMED,
        /** Not of the setting's type (a word for a number, a number for true/false). */
        WRONG_TYPE,
        /** A number outside the setting's bounds. */
        OUT_OF_RANGE,
        /** Not one of the setting's allowed values, or a badly written item of a list. */
        NOT_ALLOWED,
        /** Valid alone, but not with another setting (e.g. presence lock longer than idle lock). */
        CONFLICT
    }

    public SettingProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(replacement, "replacement");
    }

    SettingProblem(Kind kind, String key, String value) {
        this(kind, key, value, Optional.empty());
    }
}
