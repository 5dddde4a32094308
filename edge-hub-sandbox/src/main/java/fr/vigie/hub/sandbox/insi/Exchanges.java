package fr.vigie.hub.sandbox.insi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Small HTTP exchange operations of the simulator: answering, draining, reading the client's CN. */
final class Exchanges {
    private Exchanges() {
    }

    static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type + (type.contains("xml") ? ";charset=UTF-8" : ""));
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static void drain(InputStream in) throws IOException {
        try (in) {
            in.skip(Long.MAX_VALUE);
        }
    }

    /** The CN of the verified client certificate, or {@code null}. */
    static String clientCommonName(HttpExchange exchange) {
        try {
            Certificate[] chain = ((HttpsExchange) exchange).getSSLSession().getPeerCertificates();
            X509Certificate leaf = (X509Certificate) chain[0];
            for (Rdn rdn : new LdapName(leaf.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
            return null;
        } catch (SSLPeerUnverifiedException | InvalidNameException | ClassCastException e) {
            return null;
        }
    }
}
