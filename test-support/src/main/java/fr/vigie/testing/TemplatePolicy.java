package fr.vigie.testing;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.html.HtmlAttribute;
import gg.jte.html.HtmlPolicyException;
import gg.jte.html.HtmlTag;
import gg.jte.html.OwaspHtmlPolicy;
import gg.jte.html.policy.PreventInlineEventHandlers;
import gg.jte.html.policy.PreventSingleQuotedAttributes;
import gg.jte.resolve.DirectoryCodeResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The HTML rules every jte template of the console and the kiosk keeps, checked by generating them again
 * under a stricter policy than the build's:
 * <ul>
 * <li>no value is written unescaped: {@code $unsafe{…}} is refused wherever it appears (the engine escapes every
 *     {@code ${…}} for where it lands; what must reach a page as markup is another template's output);</li>
 * <li>jte's OWASP policy: attribute values quoted (with double quotes), lower-case names, no value inside a tag
 *     or an attribute name;</li>
 * <li>what the pages' Content-Security-Policy forbids anyway: no inline event handler ({@code onclick}…), no
 *     {@code style} attribute, no {@code <style>} element.</li>
 * </ul>
 * Stateless.
 *
 * <pre>{@code
 * List<String> checked = TemplatePolicy.check(Path.of("src/main/jte"), "fr.vigie.kiosk");
 * }</pre>
 */
public final class TemplatePolicy extends OwaspHtmlPolicy {
    private static final String UNSAFE = "$unsafe{";

    /**
     * Checks every template under {@code sourceDir}: none writes a value unescaped, and each one's Java can be
     * generated (into a temporary directory) under this policy.
     *
     * @param packageName the root package the build generates the templates into
     * @return the templates checked, as paths relative to {@code sourceDir} ({@code ui/button.jte}), sorted
     * @throws AssertionError naming the template and line that writes a value unescaped
     * @throws gg.jte.TemplateException naming the template and line that breaks an HTML rule
     */
    public static List<String> check(Path sourceDir, String packageName) {
        List<String> templates = templates(sourceDir);
        for (String template : templates) {
            refuseUnescapedOutput(sourceDir, template);
        }
        Path out = null;
        try {
            out = Files.createTempDirectory("jte-policy");
            TemplateEngine engine = TemplateEngine.create(new DirectoryCodeResolver(sourceDir), out, ContentType.Html,
                    TemplatePolicy.class.getClassLoader(), packageName);
            engine.setHtmlPolicy(new TemplatePolicy());
            engine.setTrimControlStructures(true);
            engine.generateAll();
            return templates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(out);
        }
    }

    @Override
    public void validateHtmlTag(HtmlTag htmlTag) throws HtmlPolicyException {
        super.validateHtmlTag(htmlTag);
        if (htmlTag.getName().equalsIgnoreCase("style")) {
            throw new HtmlPolicyException("a <style> element breaks the Content-Security-Policy: use the stylesheet");
        }
    }

    @Override
    public void validateHtmlAttribute(HtmlTag htmlTag, HtmlAttribute htmlAttribute) throws HtmlPolicyException {
        super.validateHtmlAttribute(htmlTag, htmlAttribute);
        if (htmlAttribute.getName().toLowerCase(Locale.ROOT).equals("style")) {
            throw new HtmlPolicyException("a style attribute breaks the Content-Security-Policy: use a class");
        }
    }

    private static List<String> templates(Path sourceDir) {
        if (!Files.isDirectory(sourceDir)) {
            throw new IllegalArgumentException("no template directory " + sourceDir.toAbsolutePath());
        }
        try (Stream<Path> files = Files.walk(sourceDir)) {
            return files.filter(f -> f.toString().endsWith(".jte"))
                    .map(f -> sourceDir.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails on the first {@code $unsafe{…}} of {@code template}, whatever it outputs. */
    private static void refuseUnescapedOutput(Path sourceDir, String template) {
        List<String> lines;
        try {
            lines = Files.readAllLines(sourceDir.resolve(template), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(UNSAFE)) {
                throw new AssertionError(template + ":" + (i + 1) + ": " + UNSAFE + "…} writes a value without escaping it: "
                        + "output it with ${…} (the engine escapes it for where it lands), or render the markup with a "
                        + "template of its own");
            }
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private TemplatePolicy() {
        addPolicy(new PreventInlineEventHandlers());
        addPolicy(new PreventSingleQuotedAttributes());
    }
}
