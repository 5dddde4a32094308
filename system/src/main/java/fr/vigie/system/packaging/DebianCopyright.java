package fr.vigie.system.packaging;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A package's {@code copyright} file in Debian's machine-readable format (DEP-5,
 * https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/): Vigie's own files under the EUPL-1.2 with
 * its full text, then one paragraph per bundled third-party jar (its path in the package, who holds the
 * copyright and its licence as its POM declares them), then one paragraph per licence named. Built from the
 * Maven dependency list by {@link DebianPackage}, never by hand. Not thread-safe.
 */
final class DebianCopyright {
    /** The upstream name in the header. */
    static final String UPSTREAM = "Vigie";
    static final String OWN_LICENCE = "EUPL-1.2";

    /** One bundled jar: where it is installed, what it is, who holds it, under which licence. */
    record Bundled(String path, String coordinates, String url, List<String> holders, String licence) {
    }

    private final String ownLicenceText;
    private final List<Bundled> bundled = new ArrayList<>();

    /** @param ownLicenceText the text of the {@code LICENSE} file at the root of the repository */
    DebianCopyright(String ownLicenceText) {
        this.ownLicenceText = ownLicenceText;
    }

    void add(Bundled jar) {
        bundled.add(jar);
    }

    /** The whole file. */
    String text() {
        StringBuilder out = new StringBuilder();
        out.append("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n");
        out.append("Upstream-Name: ").append(UPSTREAM).append('\n');
        out.append("Comment: The third-party paragraphs are generated at package time from the Maven dependency list\n")
                .append(" and the POM of each bundled jar (licence and authors as the POM declares them).\n");
        out.append('\n');
        out.append("Files: *\n");
        out.append("Copyright: Vigie contributors\n");
        out.append("License: ").append(OWN_LICENCE).append('\n');
        out.append('\n');
        Set<String> licences = new LinkedHashSet<>();
        for (Bundled jar : bundled) {
            out.append("Files: ").append(jar.path()).append('\n');
            out.append("Copyright: ").append(jar.holders().isEmpty() ? "the authors of " + jar.coordinates()
                    + (jar.url().isEmpty() ? "" : " (" + jar.url() + ")") : String.join(", ", jar.holders())).append('\n');
            out.append("License: ").append(jar.licence()).append('\n');
            out.append("Comment: ").append(jar.coordinates()).append(" from Maven Central").append('\n');
            out.append('\n');
            licences.addAll(List.of(jar.licence().split(" or ")));
        }
        out.append("License: ").append(OWN_LICENCE).append('\n');
        out.append(paragraphText(ownLicenceText));
        for (String licence : licences) {
            out.append('\n').append("License: ").append(licence).append('\n');
            out.append(paragraphText(LicenceNames.whereToRead(licence)));
        }
        return out.toString();
    }

    /** Continuation lines of a DEP-5 field: each line indented by one space, empty lines as " .". */
    static String paragraphText(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.strip().split("\n", -1)) {
            String l = line.stripTrailing();
            out.append(l.isEmpty() ? " ." : " " + l).append('\n');
        }
        return out.toString();
    }
}
