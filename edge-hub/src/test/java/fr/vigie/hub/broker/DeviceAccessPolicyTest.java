package fr.vigie.hub.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.vigie.protocol.KioskAddress;
import fr.vigie.protocol.Topics;
import org.junit.jupiter.api.Test;

class DeviceAccessPolicyTest {
    private static final KioskAddress A = KioskAddress.of("chu-a", "k1");
    private static final KioskAddress B = KioskAddress.of("chu-a", "k2");
    private final DeviceAccessPolicy kioskA = DeviceAccessPolicy.device(A);
    private final DeviceAccessPolicy hub = DeviceAccessPolicy.hub();

    @Test
    void deviceMayPublishOnlyItsOwnEventStatusAndReply() {
        assertTrue(kioskA.mayPublish(Topics.event(A)));
        assertTrue(kioskA.mayPublish(Topics.status(A)));
        assertTrue(kioskA.mayPublish(Topics.reply(A)));
        assertFalse(kioskA.mayPublish(Topics.command(A)));
        assertFalse(kioskA.mayPublish(Topics.config(A)));
    }

    @Test
    void deviceCannotPublishAsAnotherKioskOrOutsideTheTree() {
        assertFalse(kioskA.mayPublish(Topics.event(B)));
        assertFalse(kioskA.mayPublish(Topics.status(KioskAddress.of("chu-b", "k1"))));
        assertFalse(kioskA.mayPublish("vigie/v1/chu-a/k1/event/extra"));
        assertFalse(kioskA.mayPublish("other/topic"));
        assertFalse(kioskA.mayPublish("$SYS/broker"));
        assertFalse(kioskA.mayPublish(""));
        assertFalse(kioskA.mayPublish(null));
    }

    @Test
    void deviceMaySubscribeOnlyToItsOwnCommandsAndConfigByExactName() {
        assertTrue(kioskA.maySubscribe(Topics.command(A)));
        assertTrue(kioskA.maySubscribe(Topics.config(A)));
        assertFalse(kioskA.maySubscribe(Topics.event(A)));
        assertFalse(kioskA.maySubscribe(Topics.command(B)));
        assertFalse(kioskA.maySubscribe(Topics.config(B)));
    }

    @Test
    void deviceCannotSubscribeWithWildcardsOrSharedSubscriptions() {
        assertFalse(kioskA.maySubscribe(Topics.subtree(A)));
        assertFalse(kioskA.maySubscribe("vigie/v1/chu-a/+/cmd"));
        assertFalse(kioskA.maySubscribe("#"));
        assertFalse(kioskA.maySubscribe(Topics.allKiosks(Topics.Channel.CMD)));
        assertFalse(kioskA.maySubscribe("$share/hub/" + Topics.command(A)));
        assertFalse(kioskA.maySubscribe(Topics.sharedByHubs(Topics.Channel.EVENT)));
    }

    @Test
    void hubReadsEveryKioskAndWritesOnlyCommandsAndConfig() {
        assertTrue(hub.maySubscribe(Topics.allKiosks(Topics.Channel.EVENT)));
        assertTrue(hub.maySubscribe(Topics.sharedByHubs(Topics.Channel.EVENT)));
        assertTrue(hub.maySubscribe(Topics.allKiosks(Topics.Channel.STATUS)));
        assertFalse(hub.maySubscribe("#"));
        assertFalse(hub.maySubscribe("$share/other/vigie/v1/+/+/event"));
        assertTrue(hub.mayPublish(Topics.command(B)));
        assertTrue(hub.mayPublish(Topics.config(A)));
        assertFalse(hub.mayPublish(Topics.event(A)));
        assertFalse(hub.mayPublish("vigie/v1/+/+/cmd"));
    }

    @Test
    void clientIdIsTheKioskLinkOne() {
        assertEquals("vigie-chu-a-k1", DeviceAccessPolicy.clientIdOf(A));
        assertEquals(A, kioskA.kiosk().orElseThrow());
        assertTrue(hub.kiosk().isEmpty());
    }
}
