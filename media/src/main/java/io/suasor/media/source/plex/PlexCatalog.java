package io.suasor.media.source.plex;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.model.MediaType;
import io.suasor.media.source.PagedCatalog;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.ServerSourceSettings;
import io.suasor.media.source.SourceItem;
import io.suasor.media.source.http.Query;
import io.suasor.media.source.http.ServerHttp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One kind of a Plex server's libraries: its movie, show or music sections, listed type by type
 * (shows, then seasons, then episodes) with {@code /library/sections/{key}/all?type=N}.
 */
final class PlexCatalog implements PagedCatalog {
  /** What a catalog lists: the sections of one type, and the item types in them, parents first. */
  enum Kind {
    MOVIES("movie", List.of(MediaType.MOVIE)),
    SERIES("show", List.of(MediaType.SERIES, MediaType.SEASON, MediaType.EPISODE)),
    MUSIC("artist", List.of(MediaType.ARTIST, MediaType.ALBUM, MediaType.TRACK));

    final String sectionType;
    final List<MediaType> types;

    Kind(String sectionType, List<MediaType> types) {
      this.sectionType = sectionType;
      this.types = types;
    }
  }

  /** How far back the next listing starts from this one's start, for clocks a little apart. */
  private static final Duration MARGIN = Duration.ofMinutes(1);

  private final Kind kind;
  private final ServerHttp http;
  private final ServerSourceSettings settings;
  private final Clock clock;

  PlexCatalog(Kind kind, ServerHttp http, ServerSourceSettings settings, Clock clock) {
    this.kind = kind;
    this.http = http;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Set<MediaType> types() {
    return Set.copyOf(kind.types);
  }

  @Override
  public Instant list(Instant changedSince, ScanProblems problems, Pages pages) {
    List<PlexSection> sections =
        PlexSection.list(http).stream()
            .filter(s -> kind.sectionType.equals(s.type()) && settings.includes(s.key(), s.title()))
            .toList();
    // The server's clock as the listing begins (the local one only if it sends no Date).
    Instant next = http.lastServerDate().orElseGet(clock::instant).minus(MARGIN);
    for (MediaType type : kind.types) {
      for (PlexSection section : sections) {
        if (changedSince == null) {
          listing(new Selection(section, type, null, null), new Handout(problems, pages, null));
        } else {
          // Metadata changes move updatedAt, plays only lastViewedAt: either makes an item
          // changed. An item in both listings is handed once.
          long since = changedSince.getEpochSecond();
          Handout handout = new Handout(problems, pages, new HashSet<>());
          listing(new Selection(section, type, "updatedAt", since), handout);
          listing(new Selection(section, type, "lastViewedAt", since), handout);
        }
      }
    }
    return next;
  }

  /**
   * One type of one section: all of it, or what changed after {@code since} by the date field
   * {@code changed}, as Plex's media query {@code updatedAt>>=EPOCH} asks ({@code >>=} is "after"
   * for dates).
   */
  private record Selection(PlexSection section, MediaType type, String changed, Long since) {
    Query query() {
      return Query.of("type", PlexItems.typeNumber(type))
          .and("includeGuids", 1)
          .and(changed == null ? null : changed + ">>", since);
    }
  }

  /**
   * Where a listing hands its items; {@code listed} holds the ids handed so far when a type is
   * listed twice, else it is null.
   */
  private record Handout(ScanProblems problems, Pages pages, Set<String> listed) {}

  private void listing(Selection selection, Handout handout) {
    Set<String> listed = handout.listed();
    // A listing that may repeat items of an earlier one announces what it hands page by page.
    boolean repeats = listed != null && !listed.isEmpty();
    PlexPaging.each(
        http,
        "/library/sections/" + selection.section().key() + "/all",
        selection.query(),
        PlexPaging.PAGE_SIZE,
        page -> {
          List<SourceItem> items = new ArrayList<>();
          for (JsonNode metadata : page.items()) {
            String id = PlexPaging.text(metadata, "ratingKey");
            if (listed != null && id != null && !listed.add(id)) {
              continue;
            }
            PlexItems.item(metadata, selection.type(), handout.problems()).ifPresent(items::add);
          }
          if (repeats || page.totalSize().isEmpty()) {
            if (!items.isEmpty()) {
              handout.pages().expect(items.size());
            }
          } else if (page.first()) {
            handout.pages().expect(page.totalSize().getAsLong());
          }
          if (!items.isEmpty()) {
            handout.pages().page(items);
          }
        });
  }
}
