package io.suasor.media.notify;

import io.suasor.media.model.MediaType;
import io.suasor.media.model.NotificationPriority;
import io.suasor.media.store.NewNotification;
import io.suasor.media.store.NotificationFacts;
import io.suasor.media.store.NotificationFacts.Described;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The items new to a user's library as candidates, grouped: a movie alone; a series with its new
 * seasons and episodes as one; an album with its new tracks as one. A new artist is told of through
 * its albums. New episodes of a series the user follows are high priority.
 */
final class LibraryNews {
  private static final int NUMBERS_LISTED = 5;

  private final NotificationFacts facts;
  private final NotificationSettings settings;

  LibraryNews(NotificationFacts facts, NotificationSettings settings) {
    this.facts = facts;
    this.settings = settings;
  }

  /** What a user's library gained, and the candidates telling of it. */
  record Found(List<NotificationFacts.NewItem> items, List<Candidate> candidates) {}

  Found find(long userId, Instant after, Instant through, Set<Long> followed, Instant now) {
    List<NotificationFacts.NewItem> items = facts.newItems(userId, after, through);
    Map<Long, List<NotificationFacts.NewItem>> groups = new LinkedHashMap<>();
    for (NotificationFacts.NewItem item : items) {
      head(item).ifPresent(head -> groups.computeIfAbsent(head, id -> new ArrayList<>()).add(item));
    }
    List<Candidate> candidates = new ArrayList<>();
    groups.forEach(
        (head, members) ->
            facts
                .describe(head)
                .ifPresent(
                    described -> candidates.add(candidate(described, members, followed, now))));
    return new Found(items, candidates);
  }

  /** The item a new item is told of under; empty for those told of through others (artists). */
  private static Optional<Long> head(NotificationFacts.NewItem item) {
    return switch (item.type()) {
      case MOVIE, SERIES, ALBUM -> Optional.of(item.id());
      case SEASON -> Optional.ofNullable(item.parentId());
      case EPISODE ->
          Optional.ofNullable(item.seriesId() != null ? item.seriesId() : item.parentId());
      case TRACK -> Optional.of(item.parentId() != null ? item.parentId() : item.id());
      case ARTIST -> Optional.empty();
    };
  }

  private Candidate candidate(
      Described head, List<NotificationFacts.NewItem> members, Set<Long> followed, Instant now) {
    boolean headIsNew = members.stream().anyMatch(item -> item.id() == head.id());
    List<NotificationFacts.NewItem> parts =
        members.stream()
            .filter(item -> item.type() == MediaType.EPISODE || item.type() == MediaType.TRACK)
            .toList();
    long last = members.stream().mapToLong(NotificationFacts.NewItem::id).max().orElseThrow();
    boolean newEpisodes = head.type() == MediaType.SERIES && !parts.isEmpty();
    NotificationPriority priority =
        newEpisodes && followed.contains(head.id())
            ? NotificationPriority.HIGH
            : NotificationPriority.NORMAL;
    String[] text = text(head, headIsNew, parts);
    String key =
        head.type() == MediaType.MOVIE
            ? "library:movie:" + head.id()
            : "library:" + head.type().value() + ":" + head.id() + ":" + last;
    NewNotification note =
        new NewNotification(
            Candidate.LIBRARY_NEW,
            priority,
            key,
            text[0],
            text[1],
            head.id(),
            Math.max(1, parts.size()),
            head.type(),
            null,
            Map.of(),
            now.plus(settings.newItemExpiry()));
    return new Candidate(note, head.genres(), head.rating(), false);
  }

  /** The title and message of a group. */
  private static String[] text(
      Described head, boolean headIsNew, List<NotificationFacts.NewItem> parts) {
    String name = head.title() + (head.year() == null ? "" : " (" + head.year() + ")");
    int count = parts.size();
    return switch (head.type()) {
      case SERIES ->
          headIsNew
              ? new String[] {
                "New series in your library: " + head.title(),
                name + " was added" + (count == 0 ? "." : " with " + plural(count, "episode") + ".")
              }
              : new String[] {
                head.title() + ": " + plural(count, "new episode"),
                numbers(parts) + (count == 1 ? " was" : " were") + " added to your library."
              };
      case ALBUM -> {
        String by = head.parentTitle() == null ? "" : " by " + head.parentTitle();
        yield headIsNew
            ? new String[] {
              "New album in your library: " + head.title() + by,
              name
                  + by
                  + " was added"
                  + (count == 0 ? "." : " with " + plural(count, "track") + ".")
            }
            : new String[] {
              head.title() + by + ": " + plural(count, "new track"),
              plural(count, "track") + " of " + name + (count == 1 ? " was" : " were") + " added."
            };
      }
      default ->
          new String[] {"New in your library: " + name, name + " was added to your library."};
    };
  }

  /** S01E05, S01E06 and 3 more. */
  private static String numbers(List<NotificationFacts.NewItem> episodes) {
    List<String> named = new ArrayList<>();
    for (NotificationFacts.NewItem episode : episodes) {
      if (named.size() == NUMBERS_LISTED) {
        break;
      }
      named.add(
          episode.seasonNumber() != null && episode.episodeNumber() != null
              ? "S%02dE%02d".formatted(episode.seasonNumber(), episode.episodeNumber())
              : episode.title());
    }
    int rest = episodes.size() - named.size();
    if (rest > 0) {
      return String.join(", ", named) + " and " + rest + " more";
    }
    if (named.size() == 1) {
      return named.get(0);
    }
    return String.join(", ", named.subList(0, named.size() - 1))
        + " and "
        + named.get(named.size() - 1);
  }

  static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
