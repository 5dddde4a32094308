package fr.vigie.hub.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.hub.admission.ApcvSettings;
import fr.vigie.hub.insi.InsiGatewaySettings;
import fr.vigie.hub.insi.SafeXml;
import fr.vigie.hub.psc.PscException;
import fr.vigie.hub.psc.PscGatewayConfig;
import fr.vigie.hub.psc.PscGatewaySettings;
import fr.vigie.hub.psc.PscProvider;
import fr.vigie.protocol.service.PreflightCheck;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What each service publishes, fetched as the hub fetches it (same TLS context): PSC's discovery document, INSi's
 * WSDL, the ApCV issuer's keys. Stateless.
 */
final class ServiceDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WSDL_11 = "http://schemas.xmlsoap.org/wsdl/";
    private static final String WSDL_20 = "http://www.w3.org/ns/wsdl";
    private static final int MAX_BYTES = 1024 * 1024;

    private ServiceDocuments() {
    }

    /**
     * PSC's discovery document at {@value PscGatewaySettings#DISCOVERY_URL}: found (a 404 names the path PSC
     * publishes), JSON, naming the configured issuer and every endpoint the gateway uses (read by the gateway's own
     * {@link PscProvider#discover}), and offering the configured client authentication when it lists them.
     */
    static PreflightCheck discovery(PscGatewaySettings psc, Duration timeout) {
        String service = "PSC";
        URI url = psc.discoveryUrl();
        PscGatewayConfig gateway = psc.gatewayConfig();
        HttpResponse<String> reply;
        try {
            reply = get(url, gateway.tls(), timeout, "application/json");
        } catch (IOException e) {
            return PreflightCheck.fail(service, "discovery", "DISCOVERY_UNREACHABLE", url + " ne répond pas : " + e);
        }
        if (reply.statusCode() == 404) {
            URI published = URI.create(psc.issuer() + PscProvider.DISCOVERY_PATH);
            return PreflightCheck.fail(service, "discovery", "DISCOVERY_NOT_FOUND", url + " répond 404 : le chemin"
                    + " est faux. PSC publie son document de découverte à " + PscProvider.DISCOVERY_PATH
                    + " sous l'émetteur" + (published.equals(url) ? " : vérifiez l'émetteur (le realm) dans "
                            + PscGatewaySettings.DISCOVERY_URL : ", soit " + PscGatewaySettings.DISCOVERY_URL + "="
                                    + published));
        }
        if (reply.statusCode() / 100 != 2) {
            return PreflightCheck.fail(service, "discovery", "DISCOVERY_HTTP_" + reply.statusCode(), url + " répond HTTP "
                    + reply.statusCode() + " au lieu du document de découverte");
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(reply.body());
        } catch (IOException e) {
            doc = null;
        }
        if (doc == null || !doc.isObject()) {
            return PreflightCheck.fail(service, "discovery", "DISCOVERY_NOT_JSON", url + " ne répond pas un document"
                    + " JSON (" + reply.headers().firstValue("Content-Type").orElse("sans type") + ") : ce n'est pas le"
                    + " document de découverte de PSC");
        }
        try {
            PscProvider provider = PscProvider.discover(gateway);
            List<String> offered = new ArrayList<>();
            doc.path("token_endpoint_auth_methods_supported").forEach(m -> offered.add(m.asText()));
            if (!offered.isEmpty() && !offered.contains(psc.authentication().value())) {
                return PreflightCheck.fail(service, "discovery", "DISCOVERY_AUTH_METHOD", "PSC n'offre pas "
                        + psc.authentication().value() + " (" + PscGatewaySettings.CLIENT_AUTH + ") mais " + offered);
            }
            return PreflightCheck.ok(service, "discovery", url + " : émetteur " + provider.issuer() + ", points"
                    + " d'accès du hub présents (jeton, userinfo, clés, CIBA " + provider.cibaEndpoint().getPath() + ")");
        } catch (PscException e) {
            String code = switch (e.error()) {
                case PSC_ISSUER_MISMATCH -> "DISCOVERY_ISSUER_MISMATCH";
                case PSC_ENDPOINT_MISSING -> "DISCOVERY_ENDPOINT_MISSING";
                default -> "DISCOVERY_FAILED";
            };
            String what = switch (e.error()) {
                case PSC_ISSUER_MISMATCH -> "le document ne nomme pas l'émetteur configuré (" + psc.issuer() + ") : "
                        + "l'URL de " + PscGatewaySettings.DISCOVERY_URL + " doit être celle de l'émetteur que PSC"
                        + " annonce";
                case PSC_ENDPOINT_MISSING -> "il manque un point d'accès dont le hub a besoin (CIBA doit être activé"
                        + " pour le client chez PSC)";
                default -> "le document de découverte n'a pas pu être lu";
            };
            return PreflightCheck.fail(service, "discovery", code, what + " — " + e.getMessage());
        }
    }

    /** INSi's WSDL at {@code endpoint?wsdl}, fetched over the hub's mutual TLS: a WSDL naming its service. */
    static PreflightCheck wsdl(InsiGatewaySettings insi, Duration timeout) {
        String service = "INSi";
        URI url = URI.create(insi.endpoint() + (insi.endpoint().getRawQuery() == null ? "?wsdl" : "&wsdl"));
        HttpResponse<String> reply;
        try {
            reply = get(url, Optional.of(insi.certificate().context(insi.trust())), timeout,
                    "text/xml, application/wsdl+xml, application/xml");
        } catch (IOException e) {
            return PreflightCheck.fail(service, "wsdl", "WSDL_UNREACHABLE", url + " ne répond pas : " + e);
        }
        if (reply.statusCode() == 404) {
            return PreflightCheck.fail(service, "wsdl", "WSDL_NOT_FOUND", url + " répond 404 : le chemin de "
                    + InsiGatewaySettings.ENDPOINT + " est faux (celui du service INSi, par exemple …/lps pour la CNAM)");
        }
        if (reply.statusCode() == 401 || reply.statusCode() == 403) {
            return PreflightCheck.fail(service, "wsdl", "WSDL_FORBIDDEN", url + " répond " + reply.statusCode()
                    + " : le service refuse ce certificat d'établissement");
        }
        if (reply.statusCode() != 200) {
            return PreflightCheck.warn(service, "wsdl", "WSDL_NOT_PUBLISHED", url + " répond HTTP "
                    + reply.statusCode() + " : le service répond mais ne publie pas son WSDL à cette adresse ; le"
                    + " contrat n'a pas pu être vérifié ici");
        }
        Document doc;
        try {
            doc = new SafeXml(MAX_BYTES).parse(reply.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (SafeXml.Rejected e) {
            return PreflightCheck.fail(service, "wsdl", "WSDL_INVALID", url + " ne répond pas un WSDL (" + e.getMessage()
                    + ") : ce n'est sans doute pas le service INSi");
        }
        Element root = doc.getDocumentElement();
        String ns = root.getNamespaceURI();
        boolean wsdl = WSDL_11.equals(ns) && "definitions".equals(root.getLocalName())
                || WSDL_20.equals(ns) && "description".equals(root.getLocalName());
        List<String> services = new ArrayList<>();
        if (wsdl) {
            NodeList list = doc.getElementsByTagNameNS(ns, "service");
            for (int i = 0; i < list.getLength(); i++) {
                services.add(((Element) list.item(i)).getAttribute("name"));
            }
        }
        if (!wsdl || services.isEmpty()) {
            return PreflightCheck.fail(service, "wsdl", "WSDL_INVALID", url + " ne répond pas un WSDL nommant un"
                    + " service (élément racine « " + root.getLocalName() + " ») : ce n'est sans doute pas le service"
                    + " INSi");
        }
        return PreflightCheck.ok(service, "wsdl", "WSDL publié à " + url + ", service " + String.join(", ", services)
                + (root.getAttribute("targetNamespace").isEmpty() ? "" : " (" + root.getAttribute("targetNamespace")
                        + ")"));
    }

    /** The ApCV issuer's keys: the JWK set the hub holds (file) or fetches (URL), with at least one key. */
    static PreflightCheck apcvKeys(ApcvSettings apcv) {
        String service = "ApCV";
        try {
            apcv.keys().find("");  // a URL is fetched now; a file was read and checked with the settings
            return PreflightCheck.ok(service, "keys", "clés de l'émetteur " + apcv.issuer() + " : " + apcv.keys());
        } catch (IOException e) {
            return PreflightCheck.fail(service, "keys", "APCV_KEYS_UNREADABLE", "les clés de " + ApcvSettings.KEYS_URL
                    + " n'ont pas pu être lues : " + e.getMessage());
        }
    }

    private static HttpResponse<String> get(URI url, Optional<SSLContext> tls, Duration timeout, String accept)
            throws IOException {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER);
        tls.ifPresent(b::sslContext);
        try {
            HttpResponse<String> r = b.build().send(HttpRequest.newBuilder(url).timeout(timeout).header("Accept", accept)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.body() != null && r.body().length() > MAX_BYTES) {
                throw new IOException("answer larger than " + MAX_BYTES + " bytes");
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
