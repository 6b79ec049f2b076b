package org.storylens.brief;

import org.jsoup.nodes.Element;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Draws a story's chronology as an inline SVG chart: one row per dated entry, its date and the start of its text in a
 * label column, and on a date axis a dot for a day or a bar for a longer period (a week, a month, a year, a range).
 * The axis spans the news (the entries dated to a day or a week that are not background); periods reaching beyond it
 * are cut at its ends, and entries wholly before or after it get an arrow at that end. Background entries (long
 * before the first report) share a compressed zone left of a break in the axis. Presentation attributes only (no
 * style attribute), every text set through jsoup. Entries whose value is no calendar period are left to the list.
 */
final class TimelineSvg {

    static final int WIDTH = 960;
    private static final int LABEL_X = 10;
    private static final int PLOT_LEFT = 410;
    private static final int PLOT_RIGHT = WIDTH - 24;
    private static final int AXIS_Y = 38;
    private static final int ROW = 24;
    /** Share of the plot given to background entries when there are any. */
    private static final double BACKGROUND_ZONE = 0.18;
    /** Characters of a label (date and text); the whole text is in the mark's tooltip and the list below. */
    static final int LABEL_CHARS = 58;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** An entry with the first and last day of its period. */
    private record Placed(TimelineEntry entry, LocalDate start, LocalDate end, boolean background) {

        boolean oneDay() {
            return start.equals(end);
        }
    }

    private final StoryView view;

    TimelineSvg(StoryView view) {
        this.view = view;
    }

    void render(Element parent) {
        List<Placed> placed = new ArrayList<>();
        for (TimelineEntry t : view.story().timeline()) {
            Optional<LocalDate> start = IsoPeriod.start(t.date());
            if (start.isPresent()) {
                LocalDate end = StoryView.lastDay(t.date()).orElse(start.get());
                int slash = t.date().indexOf('/');
                if (slash > 0) {
                    end = IsoPeriod.start(t.date().substring(slash + 1)).orElse(end);
                }
                placed.add(new Placed(t, start.get(), end.isBefore(start.get()) ? start.get() : end,
                        view.isBackground(t)));
            }
        }
        if (placed.isEmpty()) {
            return;
        }
        List<Placed> background = placed.stream().filter(Placed::background).toList();
        List<Placed> news = placed.stream().filter(p -> !p.background()).toList();
        List<Placed> precise = news.stream()
                .filter(p -> ChronoUnit.DAYS.between(p.start(), p.end()) <= 7).toList();
        List<Placed> scale = precise.isEmpty() ? news : precise;
        LocalDate first = scale.stream().map(Placed::start).min(LocalDate::compareTo).orElse(null);
        LocalDate last = scale.stream().map(Placed::end).max(LocalDate::compareTo).orElse(null);
        if (first != null) {
            first = first.minusDays(1);
            last = last.plusDays(1);
        }
        double mainLeft = background.isEmpty() ? PLOT_LEFT : PLOT_LEFT + BACKGROUND_ZONE * (PLOT_RIGHT - PLOT_LEFT);

        int height = AXIS_Y + 12 + placed.size() * ROW + 8;
        Element svg = parent.appendElement("svg").addClass("timeline-svg")
                .attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("viewBox", "0 0 " + WIDTH + " " + height)
                .attr("width", "100%")
                .attr("role", "img")
                .attr("aria-label", "Timeline chart of " + count(placed.size(), "dated entry", "dated entries")
                        + "; the list below gives the same entries in full");
        svg.appendElement("title").text("Timeline: " + count(placed.size(), "dated entry", "dated entries"));

        for (int i = 0; i < placed.size(); i += 2) {
            svg.appendElement("rect").addClass("row").attr("x", "0").attr("y", fmt(rowTop(i)))
                    .attr("width", Integer.toString(WIDTH)).attr("height", Integer.toString(ROW))
                    .attr("fill", "#f3f5f8");
        }
        Element axis = svg.appendElement("g").addClass("axis");
        line(axis, mainLeft, AXIS_Y, PLOT_RIGHT, AXIS_Y).attr("stroke", "#8a94a3").attr("stroke-width", "1.5");
        if (!background.isEmpty()) {
            double breakX = mainLeft - 12;
            line(axis, PLOT_LEFT, AXIS_Y, breakX - 5, AXIS_Y).attr("stroke", "#b9bec6").attr("stroke-width", "1.5")
                    .attr("stroke-dasharray", "3 3");
            line(axis, breakX - 4, AXIS_Y + 6, breakX, AXIS_Y - 6).attr("stroke", "#8a94a3");
            line(axis, breakX + 2, AXIS_Y + 6, breakX + 6, AXIS_Y - 6).attr("stroke", "#8a94a3");
            text(axis, PLOT_LEFT, AXIS_Y - 10, "earlier").attr("font-size", "11").attr("fill", "#7a8290");
        }
        if (first != null) {
            ticks(axis, first, last, mainLeft, placed.size());
        }

        Element marks = svg.appendElement("g").addClass("marks");
        for (int i = 0; i < placed.size(); i++) {
            Placed p = placed.get(i);
            double y = rowTop(i) + ROW / 2.0;
            Element mark = marks.appendElement("g").addClass("mark");
            if (p.background()) {
                mark.addClass("background");
            }
            if (p.entry().scheduled()) {
                mark.addClass("scheduled");
            }
            mark.appendElement("title").text(p.entry().date() + ": " + p.entry().text());
            Element label = text(mark, LABEL_X, y + 4, "").attr("font-size", "12.5")
                    .attr("fill", p.background() ? "#5f6b7a" : "#1d2430");
            label.appendElement("tspan").attr("font-weight", "700").text(p.entry().date());
            label.appendElement("tspan").attr("dx", "6")
                    .text(shorten(p.entry().text(), LABEL_CHARS - p.entry().date().length()));
            String fill = p.entry().scheduled() ? "#ffffff" : p.background() ? "#b9bec6" : "#2456a6";
            String stroke = p.entry().scheduled() ? "#2456a6" : "#ffffff";
            if (p.background()) {
                double x = PLOT_LEFT + 8 + (background.size() == 1 ? 0
                        : background.indexOf(p) * (mainLeft - PLOT_LEFT - 32) / (background.size() - 1));
                dot(mark, x, y, fill, stroke, p.entry().scheduled());
            } else if (p.end().isBefore(first)) {
                arrow(mark, mainLeft + 2, y, -1, fill);
            } else if (p.start().isAfter(last)) {
                arrow(mark, PLOT_RIGHT - 2, y, 1, fill);
            } else if (p.oneDay()) {
                dot(mark, x(p.start(), first, last, mainLeft), y, fill, stroke, p.entry().scheduled());
            } else {
                LocalDate from = p.start().isBefore(first) ? first : p.start();
                LocalDate to = p.end().isAfter(last) ? last : p.end();
                double x1 = x(from, first, last, mainLeft) - 5;
                double x2 = x(to, first, last, mainLeft) + 5;
                Element bar = mark.appendElement("rect").addClass("dot").attr("x", fmt(x1)).attr("y", fmt(y - 5))
                        .attr("width", fmt(Math.max(10, x2 - x1))).attr("height", "10").attr("rx", "5")
                        .attr("fill", fill).attr("fill-opacity", p.entry().scheduled() ? "1" : "0.55")
                        .attr("stroke", p.entry().scheduled() ? stroke : fill).attr("stroke-width", "1.5");
                if (p.entry().scheduled()) {
                    bar.attr("stroke-dasharray", "3 2");
                }
            }
        }
    }

    private static double rowTop(int row) {
        return AXIS_Y + 12 + row * ROW;
    }

    private static void dot(Element mark, double x, double y, String fill, String stroke, boolean scheduled) {
        Element dot = mark.appendElement("circle").addClass("dot").attr("cx", fmt(x)).attr("cy", fmt(y))
                .attr("r", "6").attr("fill", fill).attr("stroke", stroke).attr("stroke-width", "2");
        if (scheduled) {
            dot.attr("stroke-dasharray", "3 2");
        }
    }

    /** A triangle at an end of the axis for a period wholly before ({@code -1}) or after ({@code 1}) it. */
    private static void arrow(Element mark, double x, double y, int direction, String fill) {
        double tip = x + direction * 2;
        double base = x - direction * 10;
        mark.appendElement("polygon").addClass("dot")
                .attr("points", fmt(tip) + "," + fmt(y) + " " + fmt(base) + "," + fmt(y - 6) + " " + fmt(base) + ","
                        + fmt(y + 6))
                .attr("fill", fill.equals("#ffffff") ? "#2456a6" : fill);
    }

    private static void ticks(Element axis, LocalDate first, LocalDate last, double mainLeft, int rows) {
        long days = ChronoUnit.DAYS.between(first, last);
        int ticks = (int) Math.min(days, 6);
        String years = first.getYear() == last.getYear() ? Integer.toString(first.getYear())
                : first.getYear() + "–" + last.getYear();
        text(axis, PLOT_RIGHT, 12, years).attr("font-size", "11").attr("font-weight", "700")
                .attr("fill", "#5f6b7a").attr("text-anchor", "end");
        for (int i = 0; i <= ticks; i++) {
            LocalDate d = ticks == 0 ? first : first.plusDays(Math.round((double) days * i / ticks));
            double x = x(d, first, last, mainLeft);
            line(axis, x, AXIS_Y - 4, x, AXIS_Y + 4).attr("stroke", "#8a94a3");
            line(axis, x, AXIS_Y + 4, x, rowTop(rows)).attr("stroke", "#e3e7ec").attr("stroke-width", "1");
            Element t = text(axis, x, AXIS_Y - 10, DAY.format(d))
                    .attr("font-size", "11").attr("fill", "#5f6b7a");
            t.attr("text-anchor", ticks == 0 ? "middle" : i == 0 ? "start" : i == ticks ? "end" : "middle");
        }
    }

    private static double x(LocalDate d, LocalDate first, LocalDate last, double mainLeft) {
        long span = ChronoUnit.DAYS.between(first, last);
        double left = mainLeft + 8;
        double right = PLOT_RIGHT - 8;
        if (span == 0) {
            return (left + right) / 2;
        }
        return left + (right - left) * ChronoUnit.DAYS.between(first, d) / span;
    }

    private static Element line(Element parent, double x1, double y1, double x2, double y2) {
        return parent.appendElement("line").attr("x1", fmt(x1)).attr("y1", fmt(y1)).attr("x2", fmt(x2))
                .attr("y2", fmt(y2));
    }

    private static Element text(Element parent, double x, double y, String text) {
        Element t = parent.appendElement("text").attr("x", fmt(x)).attr("y", fmt(y));
        if (!text.isEmpty()) {
            t.text(text);
        }
        return t;
    }

    static String shorten(String text, int chars) {
        String t = text.replaceAll("\\s+", " ").strip();
        int limit = Math.max(12, chars);
        if (t.length() <= limit) {
            return t;
        }
        int cut = t.lastIndexOf(' ', limit - 1);
        return t.substring(0, cut > limit / 2 ? cut : limit - 1) + "…";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
