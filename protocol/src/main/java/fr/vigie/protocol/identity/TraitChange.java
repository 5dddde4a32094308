package fr.vigie.protocol.identity;

/**
 * A normalisation Vigie applied to a trait as typed or read, so that the person who entered it can
 * see and confirm what was changed. Anything that cannot be normalised without guessing (ligatures,
 * digits, symbols, letters with no plain A–Z form) is rejected instead.
 */
public enum TraitChange {
    /** Spaces before or after the value were removed. */
    TRIMMED,
    /** Runs of spaces, tabs or no-break spaces became one space. */
    SPACES_COLLAPSED,
    /** Lowercase letters were uppercased. */
    UPPERCASED,
    /** Accents and other diacritics were removed from letters, e.g. É→E, Ç→C. */
    ACCENTS_REMOVED,
    /** Typographic apostrophes (’ ‘ ʼ) became the plain apostrophe {@code '}. */
    APOSTROPHE_NORMALISED,
    /** Unicode hyphens (‐ ‑) became the plain hyphen {@code -}. */
    HYPHEN_NORMALISED
}
