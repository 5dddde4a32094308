package fr.vigie.hub.software;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Debian package version ({@code [epoch:]upstream[-revision]}), ordered as dpkg orders them (Debian Policy
 * §5.6.12): epochs numerically, then upstream and revision compared in alternating runs of non-digits (where
 * {@code ~} sorts before everything, even the end, and letters before other characters) and digits (numerically).
 * Immutable.
 *
 * <pre>{@code
 * DebianVersion.parse("0.2.0~rc1").compareTo(DebianVersion.parse("0.2.0")) < 0   // true
 * }</pre>
 *
 * @param epoch the epoch, 0 when absent
 * @param upstream the upstream version, starting with a digit
 * @param revision the Debian revision, empty when absent
 */
public record DebianVersion(int epoch, String upstream, String revision) implements Comparable<DebianVersion> {
    private static final Pattern UPSTREAM = Pattern.compile("[0-9][A-Za-z0-9.+~-]*");
    private static final Pattern UPSTREAM_NO_HYPHEN = Pattern.compile("[0-9][A-Za-z0-9.+~]*");
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9.+~]+");

    public DebianVersion {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch '" + epoch + "' must not be negative");
        }
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(revision, "revision");
        if (!(revision.isEmpty() ? UPSTREAM_NO_HYPHEN : UPSTREAM).matcher(upstream).matches()) {
            throw new IllegalArgumentException("upstream version '" + upstream
                    + "' must start with a digit and hold only letters, digits and . + ~ -");
        }
        if (!revision.isEmpty() && !REVISION.matcher(revision).matches()) {
            throw new IllegalArgumentException("revision '" + revision + "' must hold only letters, digits and . + ~");
        }
    }

    /**
     * Parses a version as written in a control file.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static DebianVersion parse(String text) {
        Objects.requireNonNull(text, "version");
        String rest = text.strip();
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("version is empty");
        }
        int epoch = 0;
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            String e = rest.substring(0, colon);
            if (e.isEmpty() || e.length() > 9 || !e.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("epoch '" + e + "' of version '" + text + "' must be a number");
            }
            epoch = Integer.parseInt(e);
            rest = rest.substring(colon + 1);
        }
        int hyphen = rest.lastIndexOf('-');
        if (hyphen == rest.length() - 1) {
            throw new IllegalArgumentException("version '" + text + "' ends with '-' but has no revision");
        }
        return hyphen < 0 ? new DebianVersion(epoch, rest, "")
                : new DebianVersion(epoch, rest.substring(0, hyphen), rest.substring(hyphen + 1));
    }

    @Override
    public int compareTo(DebianVersion other) {
        int c = Integer.compare(epoch, other.epoch);
        if (c == 0) {
            c = comparePart(upstream, other.upstream);
        }
        return c != 0 ? c : comparePart(revision, other.revision);
    }

    /** The version as dpkg writes it. */
    @Override
    public String toString() {
        return (epoch > 0 ? epoch + ":" : "") + upstream + (revision.isEmpty() ? "" : "-" + revision);
    }

    private static int comparePart(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int firstDiff = 0;
            while ((i < a.length() && !Character.isDigit(a.charAt(i)))
                    || (j < b.length() && !Character.isDigit(b.charAt(j)))) {
                int ac = order(a, i);
                int bc = order(b, j);
                if (ac != bc) {
                    return Integer.compare(ac, bc);
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            while (i < a.length() && Character.isDigit(a.charAt(i))
                    && j < b.length() && Character.isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && Character.isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && Character.isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return Integer.signum(firstDiff);
            }
        }
        return 0;
    }

    /** dpkg's weight of the character at {@code i}: ~ lowest, end and digits 0, letters, then the rest. */
    private static int order(String s, int i) {
        if (i >= s.length()) {
            return 0;
        }
        char c = s.charAt(i);
        if (Character.isDigit(c)) {
            return 0;
        }
        if (Character.isLetter(c)) {
            return c;
        }
        return c == '~' ? -1 : c + 256;
    }
}
