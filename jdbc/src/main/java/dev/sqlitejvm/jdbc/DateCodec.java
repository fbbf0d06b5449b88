package dev.sqlitejvm.jdbc;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Calendar;
import java.util.Locale;

/**
 * How java.sql dates, times and timestamps become SQLite values and back, per the connection's
 * date_class, date_precision and date_string_format (xerial's defaults: epoch milliseconds).
 * java.time values are always stored as ISO-8601 text, the form SQLite's date functions read.
 */
final class DateCodec {
    private static final double JULIAN_DAY_OF_EPOCH = 2440587.5;
    private static final double MILLIS_PER_DAY = 86_400_000.0;

    /** {@code 2024-01-31 13:45:00.123}: SQLite's own date-time text form, nanosecond-capable. */
    static final DateTimeFormatter SQL_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .appendPattern("HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter(Locale.ROOT);
    static final DateTimeFormatter SQL_TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter(Locale.ROOT);
    /** Reads both {@code 2024-01-31 13:45} and {@code 2024-01-31T13:45:00.5+02:00}. */
    private static final DateTimeFormatter FLEXIBLE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().optionalStart().appendLiteral('T').optionalEnd().optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm").optionalStart().appendPattern(":ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .toFormatter(Locale.ROOT);

    enum Storage { INTEGER, TEXT, REAL }

    final Storage storage;
    private final long unitMillis;
    private final DateTimeFormatter format;
    private final String pattern;

    DateCodec(String dateClass, String precision, String pattern) throws SQLException {
        this.storage = Storage.valueOf(dateClass);
        this.unitMillis = "SECONDS".equals(precision) ? 1000 : 1;
        this.pattern = pattern;
        try {
            this.format = new DateTimeFormatterBuilder().appendPattern(pattern)
                    .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
                    .toFormatter(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new SQLException("Invalid value '" + pattern + "' for property date_string_format: " + e.getMessage());
        }
    }

    /** The SQLite value (Long, Double or String) for an instant in epoch milliseconds. */
    Object encode(long epochMillis, Calendar calendar) {
        switch (storage) {
            case TEXT:
                return format.format(Instant.ofEpochMilli(epochMillis).atZone(zone(calendar)));
            case REAL:
                return epochMillis / MILLIS_PER_DAY + JULIAN_DAY_OF_EPOCH;
            default:
                return epochMillis / unitMillis;
        }
    }

    long fromInteger(long value) {
        return value * unitMillis;
    }

    static long fromJulianDay(double julianDay) {
        return Math.round((julianDay - JULIAN_DAY_OF_EPOCH) * MILLIS_PER_DAY);
    }

    /** Epoch milliseconds of a text date: the configured pattern first, then ISO-8601 forms. */
    long fromText(String text, Calendar calendar) throws SQLException {
        ZoneId zone = zone(calendar);
        try {
            return toInstant(format.parse(text), zone).toEpochMilli();
        } catch (java.time.DateTimeException configured) {
            try {
                return toInstant(FLEXIBLE.parse(text.trim()), zone).toEpochMilli();
            } catch (java.time.DateTimeException e) {
                try {
                    return LocalTime.parse(text.trim()).atDate(LocalDate.of(1970, 1, 1)).atZone(zone).toInstant().toEpochMilli();
                } catch (DateTimeParseException notTime) {
                    throw new SQLException("Error parsing time stamp: '" + text + "' does not match '" + pattern
                            + "' or ISO-8601");
                }
            }
        }
    }

    private static Instant toInstant(TemporalAccessor parsed, ZoneId zone) {
        LocalDate date = parsed.isSupported(ChronoField.EPOCH_DAY) ? LocalDate.from(parsed) : LocalDate.of(1970, 1, 1);
        LocalTime time = parsed.isSupported(ChronoField.NANO_OF_DAY) ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
        LocalDateTime local = LocalDateTime.of(date, time);
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            return local.toInstant(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)));
        }
        return local.atZone(zone).toInstant();
    }

    /** Parses ISO-8601 / SQLite text into a local date-time, keeping the offset if there is one. */
    static TemporalAccessor parseIso(String text) throws SQLException {
        try {
            return FLEXIBLE.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new SQLException("Cannot read '" + text + "' as a date-time: " + e.getMessage());
        }
    }

    /** Text for a java.time value, in the forms SQLite's date functions understand. */
    static String formatJavaTime(Object value) {
        if (value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof LocalDateTime) {
            return SQL_DATE_TIME.format((LocalDateTime) value);
        }
        if (value instanceof LocalTime) {
            return SQL_TIME.format((LocalTime) value);
        }
        if (value instanceof OffsetDateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value);
        }
        if (value instanceof java.time.ZonedDateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(((java.time.ZonedDateTime) value).toOffsetDateTime());
        }
        if (value instanceof java.time.OffsetTime) {
            return DateTimeFormatter.ISO_OFFSET_TIME.format((java.time.OffsetTime) value);
        }
        if (value instanceof Instant) {
            return DateTimeFormatter.ISO_INSTANT.format((Instant) value);
        }
        return value.toString();
    }

    private static ZoneId zone(Calendar calendar) {
        return calendar == null ? ZoneId.systemDefault() : calendar.getTimeZone().toZoneId();
    }
}
