package fr.vigie.kiosk.ui;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One action request from the kiosk page, as its handler sees it: the button's {@code value}, the
 * page's language, and for a secret keypad ({@code ui/pad.jte}) the typed digits. Not thread-safe; valid only
 * during {@link UiAction#handle}.
 */
public final class UiRequest {
    /** Longest button value accepted. */
    public static final int MAX_VALUE = 200;
    private static final int MAX_SECRET = 16;
    /** Most characters forwarded at once by {@link #typedKeys}. */
    public static final int MAX_KEYS = 4096;

    private final Context ctx;
    private final UiLanguage language;
    private boolean formChecked;

    UiRequest(Context ctx, UiLanguage language) {
        this.ctx = ctx;
        this.language = language;
    }

    /** @return the page's language */
    public UiLanguage language() {
        return language;
    }

    /** @return the {@code value} of the button pressed, or empty if it had none; {@code UI_BAD_FORM} for a malformed form */
    public String value() throws UiRejected {
        String v = formParam("value");
        if (v == null) {
            return "";
        }
        if (v.length() > MAX_VALUE) {
            throw new UiRejected("UI_BAD_VALUE", "button value longer than " + MAX_VALUE + " characters");
        }
        return v;
    }

    /**
     * The text of the field ({@code ui/field.jte}) named {@code name} sent by a form button ({@code ui/button.jte} with {@code form = true}), empty
     * when absent.
     *
     * @throws UiRejected {@code UI_BAD_VALUE} past {@value #MAX_VALUE} characters
     */
    public String field(String name) throws UiRejected {
        String v = formParam(name);
        if (v == null) {
            return "";
        }
        if (v.length() > MAX_VALUE) {
            throw new UiRejected("UI_BAD_VALUE", "field " + name + " longer than " + MAX_VALUE + " characters");
        }
        return v;
    }

    /** A parameter of the form body; {@code UI_BAD_FORM} when the body is not a well-formed form (a bad % escape). */
    private String formParam(String name) throws UiRejected {
        if (!formChecked) {
            try {
                for (String pair : ctx.body().split("&")) {
                    URLDecoder.decode(pair, StandardCharsets.UTF_8); // strict, where the form parser is lenient
                }
            } catch (IllegalArgumentException e) {
                throw new UiRejected("UI_BAD_FORM", "the form is not well-formed");
            }
            formChecked = true;
        }
        return ctx.formParam(name);
    }

    /**
     * Keys typed on the page outside any input field, as the page forwards them (a keyboard-wedge barcode
     * scanner types like a keyboard; Enter arrives as a line feed), read from the request body as UTF-8.
     *
     * @throws UiRejected {@code UI_BAD_KEYS} when the body is empty or longer than {@value #MAX_KEYS} characters
     */
    public String typedKeys() throws UiRejected {
        byte[] raw;
        try (InputStream in = ctx.req().getInputStream()) {
            raw = in.readNBytes(MAX_KEYS * 4 + 1);
        } catch (IOException e) {
            throw new UiRejected("UI_BAD_KEYS", "the typed keys could not be read");
        }
        String keys = new String(raw, StandardCharsets.UTF_8);
        if (keys.isEmpty() || keys.length() > MAX_KEYS) {
            throw new UiRejected("UI_BAD_KEYS", "expected 1 to " + MAX_KEYS + " typed characters");
        }
        return keys;
    }

    /**
     * The digits typed on a secret pad, read straight from the request body (never parsed as a form,
     * never kept as a String, never logged). The caller owns the array and must wipe it
     * ({@code Arrays.fill(digits, '\0')}) once used; the bytes read are wiped here.
     *
     * @throws UiRejected {@code UI_BAD_SECRET} when the body is not 1 to 16 ASCII digits
     */
    public char[] secretDigits() throws UiRejected {
        byte[] raw = new byte[MAX_SECRET + 1];
        int n = 0;
        try (InputStream in = ctx.req().getInputStream()) {
            int r;
            while (n < raw.length && (r = in.read(raw, n, raw.length - n)) > 0) {
                n += r;
            }
        } catch (IOException e) {
            throw new UiRejected("UI_BAD_SECRET", "the digits could not be read");
        }
        try {
            if (n == 0 || n > MAX_SECRET) {
                throw new UiRejected("UI_BAD_SECRET", "expected 1 to " + MAX_SECRET + " digits");
            }
            char[] digits = new char[n];
            for (int i = 0; i < n; i++) {
                if (raw[i] < '0' || raw[i] > '9') {
                    Arrays.fill(digits, '\0');
                    throw new UiRejected("UI_BAD_SECRET", "only digits are accepted");
                }
                digits[i] = (char) raw[i];
            }
            return digits;
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }
}
