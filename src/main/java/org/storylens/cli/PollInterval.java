package org.storylens.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a polling interval, {@code 30s}, {@code 10m} or {@code 1h}, of at least {@link #MINIMUM}. */
final class PollInterval implements CommandLine.ITypeConverter<Duration> {

    static final Duration MINIMUM = Duration.ofSeconds(10);

    private static final Pattern FORM = Pattern.compile("(\\d{1,6})\\s*([smh])");

    @Override
    public Duration convert(String value) {
        Matcher m = FORM.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not an interval: write a number and s, m or h (30s, 10m, 1h)");
        }
        long n = Long.parseLong(m.group(1));
        Duration interval = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        if (interval.compareTo(MINIMUM) < 0) {
            throw new CommandLine.TypeConversionException("'" + value + "' is under the minimum of "
                    + MINIMUM.toSeconds() + "s: feeds are polled politely");
        }
        return interval;
    }
}
