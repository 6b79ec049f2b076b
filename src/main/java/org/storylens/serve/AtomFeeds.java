package org.storylens.serve;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.storylens.brief.ArticleEntry;
import org.storylens.brief.ArticleFallbacks;
import org.storylens.brief.StoryBrief;
import org.storylens.store.StoryListing;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The Atom feeds: a story's articles newest first (its state as the subtitle), and the stories list as filtered.
 * Written with Rome, which escapes every text; characters XML cannot hold are dropped first. Thread-safe (stateless).
 */
final class AtomFeeds {

    /** The feed of one story: an entry per article (title, outlet, date, link to its page), newest first. */
    String story(StoryBrief brief, ArticleFallbacks names, String state, URI base) {
        return story(brief.id(), brief.title(), brief.articles(), names, state, base);
    }

    /**
     * The feed of a story whose first brief is being written: an entry per article it lists (at most
     * {@value StoryLibrary#LISTED_WHILE_WRITING}), newest first, and that state as the subtitle.
     */
    String beingWritten(StoryLibrary.BeingWritten pending, URI base) {
        List<ArticleEntry> articles = pending.articles().stream().map(a -> new ArticleEntry(a.id(), a.title(),
                a.outlet(), a.wire(), a.publishedAt(), a.language(), List.of(), null)).toList();
        String state = PageLayout.count(pending.story().size(), "article", "articles")
                + "; the brief of this story is being written.";
        return story(pending.story().id(), pending.title(), articles, ArticleFallbacks.of(pending.articles()), state,
                base);
    }

    private String story(String id, String storyTitle, List<ArticleEntry> articles, ArticleFallbacks names,
                         String state, URI base) {
        SyndFeed feed = feed(Headlines.shown(storyTitle == null || storyTitle.isBlank() ? "Untitled story"
                : storyTitle)
                + " · storylens", base.resolve(PageLayout.storyHref(id)),
                base.resolve(PageLayout.storyHref(id) + "/feed.atom"));
        feed.setDescription(clean(state));
        List<ArticleEntry> newestFirst = new ArrayList<>(articles);
        newestFirst.sort(Comparator.comparing((ArticleEntry a) -> day(a.publishedAt()),
                Comparator.nullsLast(Comparator.reverseOrder())));
        List<SyndEntry> entries = new ArrayList<>();
        Date latest = null;
        for (ArticleEntry a : newestFirst) {
            String outlet = a.outlet() != null && !a.outlet().isBlank() ? a.outlet()
                    : names.sites().getOrDefault(a.id(), "Unknown outlet");
            String title = a.title() != null && !a.title().isBlank() ? Headlines.shown(a.title())
                    : names.firstSentences().getOrDefault(a.id(), "No headline");
            SyndEntry entry = new SyndEntryImpl();
            String link = base.resolve(PageLayout.articleHref(a.id())).toString();
            entry.setTitle(clean(title));
            entry.setLink(link);
            entry.setUri(link);
            entry.setAuthors(List.of(person(outlet)));
            Date date = day(a.publishedAt());
            if (date != null) {
                entry.setPublishedDate(date);
                entry.setUpdatedDate(date);
            }
            entry.setDescription(text(outlet + (a.publishedAt() == null ? ", undated" : ", " + a.publishedAt())
                    + (a.wire() == null ? "" : " (" + a.wire() + ")")));
            entries.add(entry);
            if (date != null && (latest == null || date.after(latest))) {
                latest = date;
            }
        }
        feed.setEntries(entries);
        if (latest != null) {
            feed.setPublishedDate(latest);
        }
        entries.stream().filter(e -> e.getUpdatedDate() == null).forEach(e -> e.setUpdatedDate(feed.getPublishedDate()));
        return write(feed);
    }

    /**
     * The feed of the stories list: an entry per story (title, lead sentence, when it last gained an article).
     *
     * @param leads    each story's lead sentence by id (absent for none)
     * @param listPage the list page's address with the same filters
     * @param self     this feed's address
     */
    String stories(List<StoryListing> stories, Map<String, String> leads, URI base, String listPage, String self,
                   boolean filtered) {
        SyndFeed feed = feed(filtered ? "Stories matching the filters · storylens" : "Stories · storylens",
                base.resolve(listPage), base.resolve(self));
        feed.setDescription("News stories grouped by storylens, the most recently active first.");
        List<SyndEntry> entries = new ArrayList<>();
        Date latest = null;
        for (StoryListing s : stories) {
            SyndEntry entry = new SyndEntryImpl();
            String link = base.resolve(PageLayout.storyHref(s.id())).toString();
            entry.setTitle(clean(s.title() == null || s.title().isBlank() ? "Untitled story" : Headlines.shown(s.title())));
            entry.setLink(link);
            entry.setUri(link);
            String lead = leads.get(s.id());
            entry.setDescription(text((lead == null ? "" : lead + " ") + "("
                    + PageLayout.count(s.articles(), "article", "articles") + ", "
                    + PageLayout.count(s.independentSources(), "independent source", "independent sources") + ")"));
            Date updated = instant(s.updatedAt());
            entry.setUpdatedDate(updated == null ? Date.from(Instant.EPOCH) : updated);
            entries.add(entry);
            if (updated != null && (latest == null || updated.after(latest))) {
                latest = updated;
            }
        }
        feed.setEntries(entries);
        if (latest != null) {
            feed.setPublishedDate(latest);
        }
        return write(feed);
    }

    private static SyndFeed feed(String title, URI alternate, URI self) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(clean(title));
        feed.setUri(self.toString());
        SyndLink page = new SyndLinkImpl();
        page.setRel("alternate");
        page.setType("text/html");
        page.setHref(alternate.toString());
        SyndLink selfLink = new SyndLinkImpl();
        selfLink.setRel("self");
        selfLink.setType("application/atom+xml");
        selfLink.setHref(self.toString());
        feed.setLinks(List.of(page, selfLink));
        feed.setAuthors(List.of(person("storylens")));
        feed.setPublishedDate(Date.from(Instant.EPOCH)); // replaced by the latest entry's date when there is one
        return feed;
    }

    private static SyndPerson person(String name) {
        SyndPerson person = new SyndPersonImpl();
        person.setName(clean(name));
        return person;
    }

    private static SyndContent text(String value) {
        SyndContent content = new SyndContentImpl();
        content.setType("text/plain");
        content.setValue(clean(value));
        return content;
    }

    private static String write(SyndFeed feed) {
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the Atom feed: " + e.getMessage(), e);
        }
    }

    /** The text without the characters XML 1.0 cannot carry (controls other than tab and line breaks, lone surrogates). */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static Date day(String isoDate) {
        if (isoDate == null) {
            return null;
        }
        try {
            return Date.from(LocalDate.parse(isoDate.length() > 10 ? isoDate.substring(0, 10) : isoDate)
                    .atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Date instant(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return Date.from(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return day(iso);
        }
    }
}
