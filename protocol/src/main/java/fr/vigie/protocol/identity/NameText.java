package fr.vigie.protocol.identity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalises a name or a list of first names to the INSi alphabet (A–Z, space, apostrophe,
 * hyphen), recording every change, and reports what cannot be normalised without guessing.
 * Letters are mapped one code point at a time, so no character is ever expanded into several
 * (uppercasing ß would give SS; ligatures Æ Œ are rejected, never spelled out).
 */
final class NameText {
    /** Limit of every name and of the whole list of first names. */
    static final int MAX_LENGTH = 100;
    private static final Pattern NAME = Pattern.compile("[A-Z]+(?:(?:-{1,2}|[' ])[A-Z]+)*");
    private static final Pattern PRENOMS = Pattern.compile("[A-Z]+(?:[-' ][A-Z]+)*");
    private static final String LIGATURES = "ÆæŒœĲĳ\uFB00\uFB01\uFB02\uFB03\uFB04\uFB05\uFB06";
    private static final int SHOWN_PROBLEMS = 5;

    /** What the text is: a name may double its hyphens, first names may not. */
    enum Kind { NAME, PRENOMS }

    record Problem(IdentityError error, String reason) {
    }

    record Outcome(String value, Set<TraitChange> changes, List<Problem> problems) {
        boolean accepted() {
            return problems.isEmpty();
        }
    }

    private NameText() {
    }

    static Outcome normalise(String raw, Kind kind) {
        Set<TraitChange> changes = EnumSet.noneOf(TraitChange.class);
        List<String> ligatures = new ArrayList<>();
        List<String> forbidden = new ArrayList<>();
        StringBuilder out = new StringBuilder(raw.length());
        int position = 0;
        for (int i = 0; i < raw.length(); i += Character.charCount(raw.codePointAt(i))) {
            int cp = raw.codePointAt(i);
            position++;
            String at = " at position " + position;
            if (cp == ' ' || cp == '\'' || cp == '-' || cp >= 'A' && cp <= 'Z') {
                out.append((char) cp);
            } else if (cp >= 'a' && cp <= 'z') {
                out.append((char) (cp - 'a' + 'A'));
                changes.add(TraitChange.UPPERCASED);
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
                changes.add(TraitChange.SPACES_COLLAPSED);
            } else if (LIGATURES.indexOf(cp) >= 0) {
                ligatures.add("'" + Character.toString(cp) + "'" + at);
            } else if (cp == '\u2019' || cp == '\u2018' || cp == '\u02BC') {
                out.append('\'');
                changes.add(TraitChange.APOSTROPHE_NORMALISED);
            } else if (cp == '\u2010' || cp == '\u2011') {
                out.append('-');
                changes.add(TraitChange.HYPHEN_NORMALISED);
            } else if (Character.getType(cp) == Character.NON_SPACING_MARK && out.length() > 0
                    && Character.isLetter(out.charAt(out.length() - 1))) {
                changes.add(TraitChange.ACCENTS_REMOVED); // a combining accent typed after its letter
            } else if (Character.isLetter(cp)) {
                char base = plainBase(cp);
                if (base == 0) {
                    forbidden.add("letter '" + Character.toString(cp) + "'" + at + " (no plain A-Z form)");
                } else {
                    out.append(Character.toUpperCase(base));
                    changes.add(TraitChange.ACCENTS_REMOVED);
                    if (Character.isLowerCase(base)) {
                        changes.add(TraitChange.UPPERCASED);
                    }
                }
            } else if (Character.isDigit(cp)) {
                forbidden.add("digit '" + Character.toString(cp) + "'" + at);
            } else {
                forbidden.add(show(cp) + at);
            }
        }
        String value = spaced(out.toString(), changes);
        List<Problem> problems = new ArrayList<>();
        if (!ligatures.isEmpty()) {
            problems.add(new Problem(IdentityError.TRAIT_LIGATURE, "ligatures are not allowed in INSi data and"
                    + " are never expanded automatically; found " + list(ligatures)));
        }
        if (!forbidden.isEmpty()) {
            problems.add(new Problem(IdentityError.TRAIT_FORBIDDEN_CHARACTER, "only letters A-Z, space, apostrophe"
                    + " and hyphen are allowed; found " + list(forbidden)));
        }
        if (value.length() > MAX_LENGTH) {
            problems.add(new Problem(IdentityError.TRAIT_TOO_LONG,
                    "is " + value.length() + " characters long, the limit is " + MAX_LENGTH));
        }
        if (problems.isEmpty()) {
            if (value.isEmpty()) {
                problems.add(new Problem(IdentityError.TRAIT_EMPTY, "is empty"));
            } else if (!(kind == Kind.NAME ? NAME : PRENOMS).matcher(value).matches()) {
                problems.add(new Problem(IdentityError.TRAIT_BAD_SEPARATOR, separatorProblem(value, kind)));
            }
        }
        return new Outcome(problems.isEmpty() ? value : null, changes, problems);
    }

    /** The unaccented A-Z/a-z base of a letter such as é or Ç, or 0 when it has none (Ø, ß, Ł, Я). */
    private static char plainBase(int cp) {
        String decomposed = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD);
        char base = decomposed.charAt(0);
        boolean ascii = base >= 'A' && base <= 'Z' || base >= 'a' && base <= 'z';
        for (int i = 1; i < decomposed.length(); i++) {
            if (Character.getType(decomposed.charAt(i)) != Character.NON_SPACING_MARK) {
                return 0;
            }
        }
        return ascii && decomposed.length() > 1 ? base : 0;
    }

    private static String spaced(String mapped, Set<TraitChange> changes) {
        String trimmed = mapped.strip();
        if (trimmed.length() != mapped.length()) {
            changes.add(TraitChange.TRIMMED);
        }
        String collapsed = trimmed.replaceAll(" {2,}", " ");
        if (collapsed.length() != trimmed.length()) {
            changes.add(TraitChange.SPACES_COLLAPSED);
        }
        return collapsed;
    }

    private static String separatorProblem(String value, Kind kind) {
        char first = value.charAt(0);
        char last = value.charAt(value.length() - 1);
        if (!isLetter(first)) {
            return "must start with a letter, not " + show(first);
        }
        if (!isLetter(last)) {
            return "must end with a letter, not " + show(last);
        }
        int triple = value.indexOf("---");
        if (triple >= 0) {
            return "has three hyphens in a row at position " + (triple + 1) + "; names allow at most two";
        }
        int dbl = value.indexOf("--");
        if (kind == Kind.PRENOMS && dbl >= 0) {
            return "has a double hyphen at position " + (dbl + 1) + "; it is allowed in names, not in first names";
        }
        for (int i = 1; i < value.length(); i++) {
            char a = value.charAt(i - 1);
            char b = value.charAt(i);
            if (!isLetter(a) && !isLetter(b) && !(a == '-' && b == '-')) {
                return "has " + show(a) + " followed by " + show(b) + " at position " + i
                        + "; a space, apostrophe or hyphen must stand between two letters";
            }
        }
        return "does not match the INSi pattern";
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static String show(int cp) {
        if (cp == ' ') {
            return "a space";
        }
        if (Character.isISOControl(cp) || !Character.isDefined(cp) || Character.getType(cp) == Character.FORMAT) {
            return String.format("character U+%04X", cp);
        }
        return "'" + Character.toString(cp) + "'";
    }

    private static String list(List<String> items) {
        List<String> shown = items.size() > SHOWN_PROBLEMS ? items.subList(0, SHOWN_PROBLEMS) : items;
        String more = items.size() > SHOWN_PROBLEMS ? " and " + (items.size() - SHOWN_PROBLEMS) + " more" : "";
        return String.join(", ", shown) + more;
    }
}
