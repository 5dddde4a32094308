package fr.vigie.protocol.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A birth date that may be partial. Some people's civil status has no birth day, or no birth month
 * ("dates lunaires"); such a date is not a {@link LocalDate} and must not be turned into one by
 * inventing the missing parts. The text form is {@code YYYY-MM-DD} with {@code 00} for an unknown
 * month or day: {@code 1950-03-00}, {@code 1950-00-00}. Immutable and thread-safe.
 *
 * <pre>{@code
 * BirthDate d = BirthDate.parse("1950-03-00");
 * d.isComplete();          // false
 * d.month();               // OptionalInt[3]
 * d.toLocalDate();         // Optional.empty
 * }</pre>
 */
public final class BirthDate {
    /** Earliest year accepted: nobody born before it is alive, so such a year is a typing error. */
    public static final int MIN_YEAR = 1850;

    private final int year;
    private final int month;
    private final int day;

    private BirthDate(int year, int month, int day) {
        this.year = year;
        this.month = month;
        this.day = day;
    }

    /** A complete date. */
    public static BirthDate of(LocalDate date) {
        if (date.getYear() < MIN_YEAR) {
            throw new IllegalArgumentException("birth year " + date.getYear() + " is before " + MIN_YEAR);
        }
        return new BirthDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /**
     * A date whose month and day may be unknown, given as 0.
     *
     * @throws IllegalArgumentException when the parts do not form a possible date
     */
    public static BirthDate of(int year, int month, int day) {
        try {
            return checked(year, month, day);
        } catch (IdentityException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Reads {@code YYYY-MM-DD}, {@code 00} standing for an unknown month or day.
     *
     * @throws IdentityException {@link IdentityError#TRAIT_BAD_DATE} with the reason
     */
    public static BirthDate parse(String text) throws IdentityException {
        if (text == null || !text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            throw new IdentityException(IdentityError.TRAIT_BAD_DATE,
                    "birth date must be written YYYY-MM-DD, with 00 for an unknown month or day");
        }
        return checked(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(5, 7)),
                Integer.parseInt(text.substring(8, 10)));
    }

    private static BirthDate checked(int year, int month, int day) throws IdentityException {
        if (year < MIN_YEAR || year > 9999) {
            throw bad("birth year " + year + " is not possible (from " + MIN_YEAR + ")");
        }
        if (month < 0 || month > 12) {
            throw bad("birth month " + month + " is not possible: 01 to 12, or 00 when unknown");
        }
        if (day < 0 || day > 31) {
            throw bad("birth day " + day + " is not possible: 01 to 31, or 00 when unknown");
        }
        if (month > 0 && day > 0) {
            try {
                LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                String why = month == 2 && day == 29 ? " (" + year + " is not a leap year)"
                        : " (" + Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " has "
                                + Month.of(month).length(Year.isLeap(year)) + " days)";
                throw bad("birth date " + year + "-" + two(month) + "-" + two(day) + " does not exist" + why);
            }
        }
        return new BirthDate(year, month, day);
    }

    private static IdentityException bad(String reason) {
        return new IdentityException(IdentityError.TRAIT_BAD_DATE, reason);
    }

    public int year() {
        return year;
    }

    /** The month 1–12, empty when unknown. */
    public OptionalInt month() {
        return month == 0 ? OptionalInt.empty() : OptionalInt.of(month);
    }

    /** The day 1–31, empty when unknown. */
    public OptionalInt day() {
        return day == 0 ? OptionalInt.empty() : OptionalInt.of(day);
    }

    /** Whether day, month and year are all known. */
    public boolean isComplete() {
        return month != 0 && day != 0;
    }

    /** The date, when it is complete. */
    public Optional<LocalDate> toLocalDate() {
        return isComplete() ? Optional.of(LocalDate.of(year, month, day)) : Optional.empty();
    }

    /** The first day the date may stand for: unknown parts read as 1. */
    public LocalDate earliestPossible() {
        return LocalDate.of(year, Math.max(month, 1), Math.max(day, 1));
    }

    /** The INS DataMatrix form {@code JJ-MM-AAAA}, with {@code 00} for unknown parts. */
    public String toDayMonthYear() {
        return two(day) + "-" + two(month) + "-" + year;
    }

    /** {@code YYYY-MM-DD}, with {@code 00} for unknown parts. */
    @Override
    public String toString() {
        return year + "-" + two(month) + "-" + two(day);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BirthDate b && b.year == year && b.month == month && b.day == day;
    }

    @Override
    public int hashCode() {
        return (year * 100 + month) * 100 + day;
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
