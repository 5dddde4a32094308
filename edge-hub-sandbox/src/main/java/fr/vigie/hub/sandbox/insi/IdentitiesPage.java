package fr.vigie.hub.sandbox.insi;

import fr.vigie.hub.sandbox.web.SandboxStylesheet;
import fr.vigie.protocol.identity.InsMatricule;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import java.util.List;
import java.util.Map;

/**
 * The sandbox page {@value #PATH}: the INSi simulator's test identities (the fictitious people of its data file,
 * {@link SandboxIdentities}), in French, so that a tester knows what to type at an admission desk or which
 * people the demo's Vitale card holds. Each shows its birth name, first names, birth date, sex, birth place
 * (the INSEE code, named "code commune" or "code pays": Vigie holds no list of commune names) and its matricule
 * masked as everywhere else in Vigie ({@link InsMatricule#mask}). The page is the jte template
 * {@code sandbox/insi/identities.jte}; the engine escapes every value. Stateless.
 */
public final class IdentitiesPage {
    /** Where the page lives on the sandbox's server. */
    public static final String PATH = "/sandbox/insi/identities";
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            IdentitiesPage.class.getClassLoader(), "fr.vigie.hub");

    /**
     * One test identity as the page shows it.
     *
     * @param birthPlace e.g. "code commune 75056", "code pays 99243", "—"
     * @param maskedIns e.g. {@code 2************89}
     * @param onDemoCard whether the demo admission desk's Vitale card carries this person
     */
    record Row(String nomNaissance, String listePrenom, String dateNaissance, String sexe, String birthPlace,
            String maskedIns, boolean onDemoCard) {
    }

    private IdentitiesPage() {
    }

    /** Adds the page's route to {@code app}. */
    public static void mount(Javalin app, SandboxIdentities identities) {
        String html = render(identities);
        app.get(PATH, ctx -> ctx.header("Cache-Control", "no-store").header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", SandboxStylesheet.CSP)
                .contentType("text/html; charset=utf-8").result(html));
    }

    static String render(SandboxIdentities identities) {
        List<Row> rows = identities.all().stream().map(IdentitiesPage::row).toList();
        StringOutput out = new StringOutput(4096);
        TEMPLATES.render("sandbox/insi/identities.jte", Map.of("rows", rows, "stylesheet", SandboxStylesheet.PATH),
                out);
        return out.toString();
    }

    private static Row row(SandboxIdentities.Identity id) {
        String d = id.dateNaissance();
        String date = d.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") ? d.substring(8) + "/" + d.substring(5, 7) + "/"
                + d.substring(0, 4) : d;
        String place = id.lieuNaissance() == null ? "—"
                : (id.lieuNaissance().startsWith("99") ? "code pays " : "code commune ") + id.lieuNaissance();
        return new Row(id.nomNaissance(), id.listePrenom(), date, id.sexe().equals("F") ? "Féminin" : "Masculin",
                place, InsMatricule.mask(id.ins().value()), id.demoVitaleCard());
    }
}
