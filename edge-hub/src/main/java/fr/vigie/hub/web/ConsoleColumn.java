package fr.vigie.hub.web;

/**
 * One column heading of a console table ({@code web/table.jte}): the text's key and the heading's class.
 * Immutable.
 *
 * @param key the bundle key of the heading's text
 * @param cls the {@code th}'s class ({@code number}, {@code admin-only}), or null for none
 */
record ConsoleColumn(String key, String cls) {

    /** A plain column. */
    static ConsoleColumn of(String key) {
        return new ConsoleColumn(key, null);
    }

    /** A column of numbers, right-aligned. */
    static ConsoleColumn number(String key) {
        return new ConsoleColumn(key, "number");
    }

    /** A column only admins see (buttons that change things). */
    static ConsoleColumn adminOnly(String key) {
        return new ConsoleColumn(key, "admin-only");
    }
}
