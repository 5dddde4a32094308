package fr.vigie.system.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What a third-party artifact's POM in the local Maven repository says about its licence and its authors,
 * following the {@code <parent>} chain as Maven does when a POM does not say it itself. Immutable.
 *
 * @param licences the {@code <licenses>} entries, in the POM's order
 * @param holders who holds the copyright as far as the POM tells: the organisation, else the developers
 * @param url the project's home page, or empty
 */
record ArtifactPom(List<DeclaredLicence> licences, List<String> holders, String url) {

    /** One {@code <license>}: its name and URL as written (either may be empty). */
    record DeclaredLicence(String name, String url) {
    }

    /** Reads the POM beside {@code jar} in the local repository {@code repository}. */
    static ArtifactPom of(RuntimeJar jar, Path repository) throws IOException {
        Path pom = jar.path().resolveSibling(jar.artifactId() + "-" + jar.version() + ".pom");
        List<DeclaredLicence> licences = List.of();
        List<String> holders = List.of();
        String url = "";
        for (int depth = 0; depth < 10 && pom != null; depth++) {
            Element project = parse(pom).getDocumentElement();
            if (licences.isEmpty()) {
                licences = licences(project);
            }
            if (holders.isEmpty()) {
                holders = holders(project);
            }
            if (url.isEmpty()) {
                url = text(project, "url").orElse("");
            }
            if (!licences.isEmpty() && !holders.isEmpty() && !url.isEmpty()) {
                break;
            }
            pom = parent(project, repository);
        }
        return new ArtifactPom(licences, holders, url);
    }

    private static Document parse(Path pom) throws IOException {
        if (!Files.isRegularFile(pom)) {
            throw new IOException("no POM at " + pom + " (the build resolves it with the jar)");
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(pom.toFile());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read " + pom + ": " + e.getMessage(), e);
        }
    }

    private static List<DeclaredLicence> licences(Element project) {
        List<DeclaredLicence> found = new ArrayList<>();
        child(project, "licenses").ifPresent(list -> {
            for (Element licence : children(list, "license")) {
                found.add(new DeclaredLicence(text(licence, "name").orElse(""), text(licence, "url").orElse("")));
            }
        });
        return found;
    }

    private static List<String> holders(Element project) {
        Optional<String> organisation = child(project, "organization").flatMap(o -> text(o, "name"));
        if (organisation.isPresent()) {
            return List.of(organisation.get());
        }
        List<String> developers = new ArrayList<>();
        child(project, "developers").ifPresent(list -> {
            for (Element developer : children(list, "developer")) {
                text(developer, "name").or(() -> text(developer, "organization")).ifPresent(developers::add);
            }
        });
        return developers.stream().distinct().toList();
    }

    private static Path parent(Element project, Path repository) {
        return child(project, "parent").map(p -> {
            String group = text(p, "groupId").orElse("");
            String artifact = text(p, "artifactId").orElse("");
            String version = text(p, "version").orElse("");
            return repository.resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
                    .resolve(artifact + "-" + version + ".pom");
        }).orElse(null);
    }

    private static Optional<Element> child(Element parent, String name) {
        List<Element> all = children(parent, name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().strip().replaceAll("\\s+", " "))
                .filter(s -> !s.isEmpty() && !s.contains("${"));
    }
}
