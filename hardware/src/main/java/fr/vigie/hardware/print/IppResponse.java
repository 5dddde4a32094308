package fr.vigie.hardware.print;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An IPP response read from its RFC 8010 encoding: status, request id and the attributes of the
 * operation, job and printer groups (a group seen twice keeps the first). Values are read by tag:
 * integers and enums as numbers, booleans, and every character-string tag as UTF-8 text (with its
 * language dropped); other values (collections, dates, resolutions) are kept out. Immutable.
 */
final class IppResponse {
    /** successful-ok and its two variants (RFC 8011 §B.1.2). */
    private static final int LAST_SUCCESS = 0x00FF;
    /** memberAttrName: the name of a collection's member, not a value (RFC 8010 §3.1.6). */
    private static final int MEMBER_NAME = 0x4A;

    private final int version;
    private final int status;
    private final int requestId;
    private final Map<Integer, Map<String, List<Object>>> groups;

    private IppResponse(int version, int status, int requestId, Map<Integer, Map<String, List<Object>>> groups) {
        this.version = version;
        this.status = status;
        this.requestId = requestId;
        this.groups = groups;
    }

    /**
     * Reads an answer.
     *
     * @throws PrintException {@link PrintError#PRINTER_BAD_ANSWER} when the bytes are not an IPP response
     */
    static IppResponse parse(byte[] body) throws PrintException {
        ByteBuffer in = ByteBuffer.wrap(body);
        try {
            int version = in.getShort() & 0xFFFF;
            if (version >>> 8 < 1 || version >>> 8 > 2) {
                throw new PrintException(PrintError.PRINTER_BAD_ANSWER, "not an IPP answer (version bytes "
                        + Integer.toHexString(version) + ")");
            }
            int status = in.getShort() & 0xFFFF;
            int requestId = in.getInt();
            Map<Integer, Map<String, List<Object>>> groups = new LinkedHashMap<>();
            Map<String, List<Object>> group = null;
            List<Object> last = null;
            while (true) {
                int tag = in.get() & 0xFF;
                if (tag == IppRequest.END_OF_ATTRIBUTES) {
                    break;
                }
                if (tag <= 0x0F) {
                    Map<String, List<Object>> fresh = new LinkedHashMap<>();
                    group = groups.putIfAbsent(tag, fresh) == null ? fresh : new LinkedHashMap<>();
                    last = null;
                    continue;
                }
                if (group == null) {
                    throw new PrintException(PrintError.PRINTER_BAD_ANSWER, "IPP attribute outside any group");
                }
                String name = new String(bytes(in, in.getShort() & 0xFFFF), StandardCharsets.UTF_8);
                byte[] value = bytes(in, in.getShort() & 0xFFFF);
                if (!name.isEmpty()) {
                    last = new ArrayList<>();
                    group.putIfAbsent(name, last);
                } else if (last == null) {
                    last = new ArrayList<>();
                }
                Object v = value(tag, value);
                if (v != null) {
                    last.add(v);
                }
            }
            return new IppResponse(version, status, requestId, groups);
        } catch (RuntimeException e) {
            throw new PrintException(PrintError.PRINTER_BAD_ANSWER, "the IPP answer ends before it is complete", e);
        }
    }

    private static byte[] bytes(ByteBuffer in, int length) {
        byte[] b = new byte[length];
        in.get(b);
        return b;
    }

    private static Object value(int tag, byte[] v) {
        if ((tag == IppRequest.INTEGER || tag == IppRequest.ENUM) && v.length == 4) {
            return ByteBuffer.wrap(v).getInt();
        }
        if (tag == IppRequest.BOOLEAN && v.length == 1) {
            return v[0] != 0;
        }
        if (tag == 0x35 || tag == 0x36) {
            // textWithLanguage, nameWithLanguage: language length, language, text length, text
            ByteBuffer b = ByteBuffer.wrap(v);
            b.position(2 + (b.getShort() & 0xFFFF));
            return new String(bytes(b, b.getShort() & 0xFFFF), StandardCharsets.UTF_8);
        }
        if (tag >= 0x40 && tag <= 0x5F && tag != MEMBER_NAME) {
            return new String(v, StandardCharsets.UTF_8);
        }
        return null;
    }

    int version() {
        return version;
    }

    int status() {
        return status;
    }

    int requestId() {
        return requestId;
    }

    boolean successful() {
        return status <= LAST_SUCCESS;
    }

    /** The status's keyword (RFC 8011 §B.1), or its hexadecimal value. */
    String statusName() {
        return switch (status) {
            case 0x0000 -> "successful-ok";
            case 0x0001 -> "successful-ok-ignored-or-substituted-attributes";
            case 0x0002 -> "successful-ok-conflicting-attributes";
            case 0x0400 -> "client-error-bad-request";
            case 0x0401 -> "client-error-forbidden";
            case 0x0402 -> "client-error-not-authenticated";
            case 0x0403 -> "client-error-not-authorized";
            case 0x0404 -> "client-error-not-possible";
            case 0x0405 -> "client-error-timeout";
            case 0x0406 -> "client-error-not-found";
            case 0x0407 -> "client-error-gone";
            case 0x0408 -> "client-error-request-entity-too-large";
            case 0x040A -> "client-error-document-format-not-supported";
            case 0x040B -> "client-error-attributes-or-values-not-supported";
            case 0x0500 -> "server-error-internal-error";
            case 0x0501 -> "server-error-operation-not-supported";
            case 0x0502 -> "server-error-service-unavailable";
            case 0x0503 -> "server-error-version-not-supported";
            case 0x0504 -> "server-error-device-error";
            case 0x0505 -> "server-error-temporary-error";
            case 0x0506 -> "server-error-not-accepting-jobs";
            case 0x0507 -> "server-error-busy";
            default -> String.format("0x%04X", status);
        };
    }

    /** The first value of {@code name} in {@code group} as text, if it has one. */
    Optional<String> text(int group, String name) {
        return values(group, name).stream().filter(String.class::isInstance).map(String.class::cast).findFirst();
    }

    /** Every text value of {@code name} in {@code group}. */
    List<String> texts(int group, String name) {
        return values(group, name).stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }

    /** The first value of {@code name} in {@code group} as a number (integer or enum), if it has one. */
    OptionalInt integer(int group, String name) {
        return values(group, name).stream().filter(Integer.class::isInstance).mapToInt(Integer.class::cast).findFirst();
    }

    /** The first value of {@code name} in {@code group} as a boolean, if it has one. */
    Optional<Boolean> bool(int group, String name) {
        return values(group, name).stream().filter(Boolean.class::isInstance).map(Boolean.class::cast).findFirst();
    }

    private List<Object> values(int group, String name) {
        return groups.getOrDefault(group, Map.of()).getOrDefault(name, List.of());
    }
}
