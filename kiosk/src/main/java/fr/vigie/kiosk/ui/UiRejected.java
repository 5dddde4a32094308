package fr.vigie.kiosk.ui;

/** A UI request refused for bad input; answered 400 with its stable code (e.g. {@code UI_BAD_SECRET}). */
public final class UiRejected extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;

    public UiRejected(String code, String reason) {
        super(reason);
        this.code = code;
    }

    /** @return the stable error code */
    public String code() {
        return code;
    }
}
