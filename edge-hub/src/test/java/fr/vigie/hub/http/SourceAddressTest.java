package fr.vigie.hub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SourceAddressTest {
    @Test
    void anIpv4AddressStandsForItself() {
        assertEquals("10.1.2.3", SourceAddress.ofPeer("10.1.2.3"));
        assertEquals("10.1.2.3", SourceAddress.ofPeer("::ffff:10.1.2.3"), "IPv4-mapped is the IPv4 address");
    }

    @Test
    void anIpv6AddressCountsAsItsSlash64() {
        assertEquals("2001:db8:0:1::/64", SourceAddress.ofPeer("2001:db8:0:1:aaaa:bbbb:cccc:dddd"));
        assertEquals("2001:db8:0:1::/64", SourceAddress.ofPeer("[2001:db8:0:1::7]"));
        assertEquals("fe80:0:0:0::/64", SourceAddress.ofPeer("fe80::1%eth0"));
        assertEquals("0:0:0:0::/64", SourceAddress.ofPeer("0:0:0:0:0:0:0:1"));
    }

    @Test
    void somethingElseIsKeptAsItIs() {
        assertEquals("unknown", SourceAddress.ofPeer(null));
        assertEquals("some.host", SourceAddress.ofPeer("some.host"));
    }
}
