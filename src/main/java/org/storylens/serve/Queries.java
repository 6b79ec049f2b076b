package org.storylens.serve;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import org.storylens.store.StoryQuery;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads a {@link StoryQuery} from request parameters ({@code q, from, to, outlet, entity, limit, offset}). */
final class Queries {

    private Queries() {
    }

    static StoryQuery storyQuery(Context ctx) {
        return new StoryQuery(ctx.queryParam("q"), date(ctx, "from"), date(ctx, "to"), ctx.queryParam("outlet"),
                ctx.queryParam("entity"), number(ctx, "limit", StoryQuery.DEFAULT_LIMIT, 1, 500),
                number(ctx, "offset", 0, 0, Integer.MAX_VALUE));
    }

    private static LocalDate date(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("parameter '" + name + "' must be a date like 2021-12-07, not '" + value + "'");
        }
    }

    private static int number(Context ctx, String name, int otherwise, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("parameter '" + name + "' must be a whole number from " + min + " to " + max
                    + ", not '" + value + "'");
        }
    }
}
