package fr.vigie.hub.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerTest {

    @Test
    void configurationListensOnLoopbackKeepsSessionsOnDiskAndNeverPhonesHome() {
        String xml = EmbeddedBroker.configXml(18830);

        assertTrue(xml.contains("<port>18830</port>"), xml);
        assertTrue(xml.contains("<bind-address>127.0.0.1</bind-address>"), xml);
        assertTrue(xml.contains("<mode>file</mode>"), xml);
        assertTrue(xml.contains("<anonymous-usage-statistics>\n        <enabled>false</enabled>"), xml);
        assertTrue(xml.contains("<max-packet-size>1048576</max-packet-size>"), xml);
    }

    @Test
    void deviceListenerIsTls13OnlyAndRequiresAClientCertificate() {
        BrokerKeystores stores = new BrokerKeystores(Path.of("/data/conf/k.p12"), Path.of("/data/conf/t.p12"), "pw");
        String xml = EmbeddedBroker.tlsListenerXml("0.0.0.0", 8883, stores);

        assertTrue(xml.contains("<port>8883</port>"), xml);
        assertTrue(xml.contains("<bind-address>0.0.0.0</bind-address>"), xml);
        assertTrue(xml.contains("<client-authentication-mode>REQUIRED</client-authentication-mode>"), xml);
        String protocols = xml.substring(xml.indexOf("<protocols>"), xml.indexOf("</protocols>")).replaceAll("\\s", "");
        assertEquals("<protocols><protocol>TLSv1.3</protocol>", protocols);
        assertTrue(xml.contains("<path>/data/conf/t.p12</path>"), xml);
    }

    @Test
    void keystorePasswordNeverAppearsInToString() {
        BrokerKeystores stores = new BrokerKeystores(Path.of("k.p12"), Path.of("t.p12"), "s3cret-value");
        assertFalse(stores.toString().contains("s3cret-value"), stores.toString());
    }

    @Test
    void freePortIsUsable() throws Exception {
        int port = FreePort.onLoopback();
        assertTrue(port > 0 && port <= 65535);
    }
}
