package fr.vigie.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {
    private static final KioskAddress KIOSK = KioskAddress.of("chu-nord", "kiosk-001");

    @Test
    void eachChannelHasItsTopicUnderTheKioskSubtree() {
        assertEquals("vigie/v1/chu-nord/kiosk-001/event", Topics.event(KIOSK));
        assertEquals("vigie/v1/chu-nord/kiosk-001/status", Topics.status(KIOSK));
        assertEquals("vigie/v1/chu-nord/kiosk-001/cmd", Topics.command(KIOSK));
        assertEquals("vigie/v1/chu-nord/kiosk-001/config", Topics.config(KIOSK));
        assertEquals("vigie/v1/chu-nord/kiosk-001/reply", Topics.reply(KIOSK));
    }

    @Test
    void hubFiltersCoverEveryKioskOfEverySite() {
        assertEquals("vigie/v1/+/+/event", Topics.allKiosks(Topics.Channel.EVENT));
        assertEquals("$share/hub/vigie/v1/+/+/status", Topics.sharedByHubs(Topics.Channel.STATUS));
        assertEquals("vigie/v1/chu-nord/kiosk-001/#", Topics.subtree(KIOSK));
    }

    @ParameterizedTest
    @EnumSource(Topics.Channel.class)
    void everyBuiltTopicParsesBackToItsKioskAndChannel(Topics.Channel channel) throws ProtocolException {
        Topics.Parsed parsed = Topics.parse(Topics.of(KIOSK, channel));

        assertEquals(KIOSK, parsed.kiosk());
        assertEquals(channel, parsed.channel());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "vigie/v1",
        "vigie/v1/chu-nord/kiosk-001",
        "vigie/v1/chu-nord/kiosk-001/event/extra",
        "vigie/v1/chu-nord/kiosk-001/event/",
        "/vigie/v1/chu-nord/kiosk-001/event",
        "vigie/v2/chu-nord/kiosk-001/event",
        "other/v1/chu-nord/kiosk-001/event",
        "$share/hub/vigie/v1/+/+/event"})
    void topicOutsideTheTreeIsRejected(String topic) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> Topics.parse(topic));

        assertEquals(ProtocolError.UNKNOWN_TOPIC, e.error());
        assertEquals("topic '" + topic + "' is not of the form vigie/v1/{site}/{kioskId}/{channel}", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "vigie/v1/+/kiosk-001/event",
        "vigie/v1/chu-nord/#/event",
        "vigie/v1/CHU-NORD/kiosk-001/event",
        "vigie/v1//kiosk-001/event",
        "vigie/v1/chu-nord/-kiosk/event",
        "vigie/v1/chu nord/kiosk-001/event"})
    void topicWithAnInvalidSiteOrKioskIsRejected(String topic) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> Topics.parse(topic));

        assertEquals(ProtocolError.UNKNOWN_TOPIC, e.error());
        assertEquals("topic '" + topic + "' has an invalid site or kiosk id", e.getMessage());
    }

    @Test
    void topicWithAnUnknownChannelIsRejectedNamingIt() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> Topics.parse("vigie/v1/chu-nord/kiosk-001/events"));

        assertEquals(ProtocolError.UNKNOWN_TOPIC, e.error());
        assertEquals("topic 'vigie/v1/chu-nord/kiosk-001/events' has unknown channel 'events'", e.getMessage());
    }

    @Test
    void nullTopicIsRejected() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> Topics.parse(null));

        assertEquals(ProtocolError.UNKNOWN_TOPIC, e.error());
    }

    @Test
    void kioskAddressRefusesIdsThatCouldBreakTheTree() {
        assertThrows(IllegalArgumentException.class, () -> KioskAddress.of("chu/nord", "kiosk-001"));
        assertThrows(IllegalArgumentException.class, () -> KioskAddress.of("chu-nord", "+"));
        assertThrows(IllegalArgumentException.class, () -> KioskAddress.of("chu-nord", "k".repeat(41)));
        assertEquals("chu-nord/" + "k".repeat(40), KioskAddress.of("chu-nord", "k".repeat(40)).toString());
    }
}
