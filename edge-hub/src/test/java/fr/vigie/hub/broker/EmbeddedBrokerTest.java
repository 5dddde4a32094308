package fr.vigie.hub.broker;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void freePortIsUsable() throws Exception {
        int port = FreePort.onLoopback();
        assertTrue(port > 0 && port <= 65535);
    }
}
