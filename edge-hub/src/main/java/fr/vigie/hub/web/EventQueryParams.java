package fr.vigie.hub.web;

import fr.vigie.hub.db.EventQuery;
import fr.vigie.protocol.EventType;
import fr.vigie.protocol.KioskAddress;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The query parameters of {@code GET /api/v1/events}, checked: {@code kiosk}, {@code site},
 * {@code type}, {@code from}, {@code to} (ISO-8601 instants; {@code from} inclusive, {@code to}
 * exclusive, on the time the event occurred), {@code limit} (1 to 1000, default 100) and
 * {@code after} (an {@code ingest_order} cursor from {@code next}, or an event id). Immutable.
 *
 * @param filter the filter, with {@code afterOrder} 0 when the cursor is an event id
 * @param afterEventId the event id to continue after, or {@code null}
 */
record EventQueryParams(EventQuery.Filter filter, UUID afterEventId) {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> KNOWN = Set.of("kiosk", "site", "type", "from", "to", "limit", "after");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    static EventQueryParams parse(Map<String, List<String>> query) throws BadRequest {
        onlyKnown(query, KNOWN);
        String site = id(query, "site");
        String kiosk = id(query, "kiosk");
        String type = one(query, "type");
        if (type != null && EventType.fromWireName(type).isEmpty()) {
            throw new BadRequest("type", "type '" + shown(type) + "' is not an event type (known: "
                    + Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.joining(", ")) + ")");
        }
        Instant from = instant(query, "from");
        Instant to = instant(query, "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw new BadRequest("to", "to (" + to + ") is before from (" + from + ")");
        }
        int limit = limit(one(query, "limit"));
        long afterOrder = 0;
        UUID afterEventId = null;
        String after = one(query, "after");
        if (after != null) {
            if (DIGITS.matcher(after).matches()) {
                afterOrder = Long.parseLong(after);
            } else {
                afterEventId = uuid(after);
            }
        }
        return new EventQueryParams(new EventQuery.Filter(site, kiosk, type, from, to, afterOrder, limit),
                afterEventId);
    }

    static String one(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0).trim();
    }

    private static String id(Map<String, List<String>> query, String name) throws BadRequest {
        String value = one(query, name);
        if (value != null && !KioskAddress.isValidId(value)) {
            throw new BadRequest(name, name + " '" + shown(value)
                    + "' is not a valid id (1 to 40 characters of a-z, 0-9 and '-')");
        }
        return value;
    }

    static Instant instant(Map<String, List<String>> query, String name) throws BadRequest {
        String value = one(query, name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest(name, name + " '" + shown(value)
                    + "' is not an ISO-8601 instant such as 2025-03-31T08:00:00Z");
        }
    }

    /** Refuses a parameter not in {@code known}, or one given more than once. */
    static void onlyKnown(Map<String, List<String>> query, Set<String> known) throws BadRequest {
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new BadRequest(shown(e.getKey()), "unknown parameter '" + shown(e.getKey()) + "' (known: "
                        + known.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
            if (e.getValue().size() > 1) {
                throw new BadRequest(e.getKey(), "parameter '" + e.getKey() + "' is given more than once");
            }
        }
    }

    static int limit(String value) throws BadRequest {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequest("limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ", got '"
                + shown(value) + "'");
    }

    private static UUID uuid(String value) throws BadRequest {
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equals(value.toLowerCase(java.util.Locale.ROOT))) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new BadRequest("after", "after '" + shown(value)
                + "' is neither a cursor (the 'next' of a previous page) nor an event id");
    }

    /** A value as it may be echoed back: printable and short. */
    static String shown(String value) {
        String clean = value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() <= 64 ? clean : clean.substring(0, 64) + "…";
    }
}
