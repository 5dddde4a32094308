package fr.vigie.system.packaging;

import fr.vigie.system.packaging.ArtifactPom.DeclaredLicence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the free-text licence names and URLs of Maven POMs ("The Apache Software License, Version 2.0",
 * "EDL 1.0", "Bouncy Castle Licence"…) into the short names of the Debian copyright format (DEP-5), e.g.
 * {@code Apache-2.0}, {@code BSD-3-clause}, {@code Expat}. Several licences in one POM are the project's
 * choice of licence ({@code A or B}). A name it does not know fails the package build: no jar ships without a
 * licence someone has read. Stateless.
 */
final class LicenceNames {
    /** Short name → where Debian keeps its full text, for the licences Debian ships in base-files. */
    static final Map<String, String> IN_COMMON_LICENSES = Map.ofEntries(Map.entry("Apache-2.0", "Apache-2.0"),
            Map.entry("GPL", "GPL"), Map.entry("GPL-2", "GPL-2"), Map.entry("GPL-3", "GPL-3"),
            Map.entry("LGPL-2.1", "LGPL-2.1"), Map.entry("LGPL-2.1+", "LGPL-2.1"), Map.entry("MPL-1.1", "MPL-1.1"),
            Map.entry("MPL-2.0", "MPL-2.0"), Map.entry("CC0-1.0", "CC0-1.0"),
            Map.entry("GPL-2 with Classpath-2.0 exception", "GPL-2"));

    /** Where the full text of a licence Debian does not ship is published. */
    private static final Map<String, String> PUBLISHED = Map.ofEntries(
            Map.entry("Expat", "https://opensource.org/license/mit"),
            Map.entry("BSD-2-clause", "https://opensource.org/license/bsd-2-clause"),
            Map.entry("BSD-3-clause", "https://opensource.org/license/bsd-3-clause"),
            Map.entry("0BSD", "https://opensource.org/license/0bsd"),
            Map.entry("EPL-1.0", "https://www.eclipse.org/legal/epl-v10.html"),
            Map.entry("EPL-2.0", "https://www.eclipse.org/legal/epl-2.0/"),
            Map.entry("CDDL-1.1", "https://spdx.org/licenses/CDDL-1.1.html"),
            Map.entry("Unicode-3.0", "https://www.unicode.org/license.txt"));

    private record Rule(Pattern name, Pattern url, String shortName) {
        boolean matches(DeclaredLicence licence) {
            String n = licence.name().toLowerCase(Locale.ROOT);
            String u = licence.url().toLowerCase(Locale.ROOT);
            return (name != null && name.matcher(n).find()) || (url != null && !u.isEmpty() && url.matcher(u).find());
        }
    }

    /** First match wins; the more specific names come first. */
    private static final List<Rule> RULES = List.of(
            rule("^cddl \\+ gplv2 with classpath exception$", null, "CDDL-1.1 or GPL-2 with Classpath-2.0 exception"),
            rule("^gpl2 w/ cpe$|gpl.*v?2.*classpath exception", null, "GPL-2 with Classpath-2.0 exception"),
            rule("lesser general public licen[cs]e.*2\\.1.*or later|^lgpl-2\\.1-or-later$", null, "LGPL-2.1+"),
            rule("lesser general public licen[cs]e|^lgpl", "old-licenses/lgpl-2\\.1", "LGPL-2.1"),
            rule("general public licen[cs]e,? version 2$|^gpl-2\\.0", "licenses/gpl-2\\.0", "GPL-2"),
            rule("^gnu general public licen[cs]e$", null, "GPL"),
            rule("eclipse distribution licen[cs]e|^edl 1\\.0$", "edl-v10", "BSD-3-clause"),
            rule("eclipse public licen[cs]e.*(1\\.0|v 1)|^epl 1\\.0$|^epl-1\\.0$", "epl-v10", "EPL-1.0"),
            rule("eclipse public licen[cs]e.*2\\.0|^epl 2\\.0$|^epl-2\\.0$", "epl-2\\.0", "EPL-2.0"),
            rule("mozilla public licen[cs]e.*1\\.1|^mpl-1\\.1$", "mpl-1\\.1", "MPL-1.1"),
            rule("mozilla public licen[cs]e.*2\\.0|^mpl-2\\.0$|^mpl 2\\.0$", "mozilla\\.org/mpl/2\\.0", "MPL-2.0"),
            rule("apache.*2|^asl 2\\.0$", "apache\\.org/licen[cs]es?/license-2\\.0|spdx\\.org/licenses/apache-2\\.0",
                    "Apache-2.0"),
            rule("^(the )?mit( license)?$|spdx-license-identifier: mit$", "opensource\\.org/licen[cs]es?/mit", "Expat"),
            // the Bouncy Castle licence is the MIT (Expat) licence with the Legion of the Bouncy Castle as holder
            rule("^bouncy castle licen[cs]e$", "bouncycastle\\.org/licen[cs]e", "Expat"),
            rule("^bsd-2-clause$|^bsd 2-clause", null, "BSD-2-clause"),
            rule("^bsd-3-clause$|^(new|revised) bsd|^bsd 3-clause", null, "BSD-3-clause"),
            rule("^0bsd$", null, "0BSD"),
            rule("^unicode-3\\.0$|^unicode/icu licen[cs]e", null, "Unicode-3.0"),
            rule("^public domain$", null, "public-domain"),
            rule("^cc0", "creativecommons\\.org/publicdomain/zero/1\\.0", "CC0-1.0"));

    /** Entries that describe the licensing instead of naming a licence; the entries beside them do. */
    private static final List<Pattern> DESCRIPTIONS = List.of(Pattern.compile("^hapi is dual licensed"));

    private LicenceNames() {
    }

    private static Rule rule(String name, String url, String shortName) {
        return new Rule(name == null ? null : Pattern.compile(name), url == null ? null : Pattern.compile(url), shortName);
    }

    /** The body of the licence's paragraph in a copyright file: where its full text is. */
    static String whereToRead(String shortName) {
        String common = IN_COMMON_LICENSES.get(shortName);
        if (common != null) {
            return "On Debian systems, the full text of this licence is in /usr/share/common-licenses/" + common + "."
                    + (shortName.contains("Classpath") ? " The Classpath exception is published at "
                            + "https://www.gnu.org/software/classpath/license.html." : "");
        }
        if (shortName.equals("public-domain")) {
            return "The authors placed the work in the public domain.";
        }
        String url = PUBLISHED.get(shortName);
        if (url == null) {
            throw new IllegalArgumentException("no published text known for " + shortName);
        }
        return "The full text of this licence is published at " + url + ".";
    }

    /** The short name of one declared licence, or empty when it is not known. */
    static Optional<String> shortName(DeclaredLicence licence) {
        return RULES.stream().filter(r -> r.matches(licence)).map(Rule::shortName).findFirst();
    }

    /**
     * The DEP-5 licence expression for what a POM declares, e.g. {@code EPL-2.0 or Apache-2.0}.
     *
     * @throws UnknownLicenceException naming the artifact and the licence when one is not known, or none declared
     */
    static String expression(String artifact, List<DeclaredLicence> declared) throws UnknownLicenceException {
        List<String> names = new ArrayList<>();
        for (DeclaredLicence licence : declared) {
            String lower = licence.name().toLowerCase(Locale.ROOT);
            if (DESCRIPTIONS.stream().anyMatch(p -> p.matcher(lower).find())) {
                continue;
            }
            String name = shortName(licence).orElseThrow(() -> new UnknownLicenceException(artifact + " declares the licence '"
                    + licence.name() + "' (" + licence.url() + "), which the packaging does not know: read it, then add "
                    + "it to " + LicenceNames.class.getSimpleName()));
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new UnknownLicenceException(artifact + " declares no licence in its POM or its parents'");
        }
        return String.join(" or ", names);
    }

    /** A jar whose licence is not known: the package is not built. */
    static final class UnknownLicenceException extends Exception {
        private static final long serialVersionUID = 1L;

        UnknownLicenceException(String message) {
            super(message);
        }
    }
}
