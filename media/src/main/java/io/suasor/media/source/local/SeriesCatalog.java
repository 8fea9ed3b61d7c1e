package io.suasor.media.source.local;

import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import io.suasor.media.source.Catalog;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.SourceEntry;
import io.suasor.media.source.SourceItem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Series laid out as {@code Show (Year)/Season 01/Show S01E02.mkv}, with {@code tvshow.nfo} in the
 * show's folder and an episode NFO beside each episode. Seasons are taken from the episodes'
 * numbers, so a show with its episodes in one folder works as well.
 */
final class SeriesCatalog implements Catalog {
  static final String PREFIX = "series/";
  private static final String SEASON_MARK = "/#season-";

  private final Path root;
  private final LocalFiles files;

  SeriesCatalog(Path root, LocalFiles files) {
    this.root = root;
    this.files = files;
  }

  @Override
  public Set<MediaType> types() {
    return Set.of(MediaType.SERIES, MediaType.SEASON, MediaType.EPISODE);
  }

  @Override
  public List<SourceEntry> entries(ScanProblems problems) {
    if (root == null) {
      return List.of();
    }
    FolderScan scan = FolderScan.of(root);
    Map<String, TreeSet<Integer>> seasonsByShow = new LinkedHashMap<>();
    List<SourceEntry> episodes = new ArrayList<>();
    for (FolderScan.FileInfo file : scan.files()) {
      if (!LocalFiles.isVideo(file.name())) {
        continue;
      }
      if (file.folders().isEmpty()) {
        problems.report(PREFIX + file.relative(), "odd name: an episode outside a show folder");
        continue;
      }
      Optional<NameParser.EpisodeNumber> number = NameParser.episode(file.name());
      if (number.isEmpty()) {
        problems.report(PREFIX + file.relative(), "odd name: no S01E02 episode number");
        continue;
      }
      String show = file.folders().get(0);
      int season = number.get().season();
      seasonsByShow.computeIfAbsent(show, s -> new TreeSet<>()).add(season);
      String nfo = scan.sidecarFingerprint(LocalFiles.sidecar(file.path()));
      episodes.add(
          new SourceEntry(
              PREFIX + file.relative(),
              MediaType.EPISODE,
              seasonId(show, season),
              file.fingerprint() + "|" + nfo));
    }
    List<SourceEntry> entries = new ArrayList<>();
    seasonsByShow.forEach(
        (show, seasons) ->
            entries.add(
                new SourceEntry(
                    PREFIX + show,
                    MediaType.SERIES,
                    null,
                    scan.sidecarFingerprint(root.resolve(show).resolve("tvshow.nfo")))));
    seasonsByShow.forEach(
        (show, seasons) ->
            seasons.forEach(
                season ->
                    entries.add(
                        new SourceEntry(
                            seasonId(show, season), MediaType.SEASON, PREFIX + show, "-"))));
    entries.addAll(episodes);
    return entries;
  }

  @Override
  public Optional<SourceItem> read(SourceEntry entry, ScanProblems problems) {
    return switch (entry.type()) {
      case SERIES -> Optional.of(series(entry, problems));
      case SEASON -> Optional.of(season(entry));
      case EPISODE -> Optional.of(episode(entry, problems));
      default -> throw new IllegalArgumentException("not a series entry: " + entry);
    };
  }

  private SourceItem series(SourceEntry entry, ScanProblems problems) {
    String show = entry.id().substring(PREFIX.length());
    NameParser.TitleYear name = NameParser.titleYear(show);
    Optional<NfoDocument> nfo =
        files.nfo(root.resolve(show).resolve("tvshow.nfo"), entry.id() + "/tvshow.nfo", problems);
    return new SourceItem(
        entry, LocalFiles.metadata(nfo, name.title(), name.year()), Numbering.NONE, null, null);
  }

  private static SourceItem season(SourceEntry entry) {
    int season =
        Integer.parseInt(
            entry.id().substring(entry.id().indexOf(SEASON_MARK) + SEASON_MARK.length()));
    String title = season == 0 ? "Specials" : "Season " + season;
    return new SourceItem(
        entry, ItemMetadata.titled(title, null), Numbering.season(season), entry.parentId(), null);
  }

  private SourceItem episode(SourceEntry entry, ScanProblems problems) {
    String relative = entry.id().substring(PREFIX.length());
    Path video = root.resolve(relative);
    String fileName = video.getFileName().toString();
    NameParser.EpisodeNumber number = NameParser.episode(fileName).orElseThrow();
    String show = relative.substring(0, relative.indexOf('/'));
    Optional<NfoDocument> nfo =
        files.nfo(
            LocalFiles.sidecar(video), PREFIX + NameParser.baseName(relative) + ".nfo", problems);
    return new SourceItem(
        entry,
        LocalFiles.metadata(nfo, episodeTitle(fileName, number), null),
        Numbering.episode(number.season(), number.episode()),
        PREFIX + show,
        nfo.map(NfoDocument::watchState).orElse(null));
  }

  /** "Show S01E02 - Pilot.mkv" → Pilot; without a title part, "Episode 2". */
  private static String episodeTitle(String fileName, NameParser.EpisodeNumber number) {
    String base = NameParser.baseName(fileName);
    int dash = base.lastIndexOf(" - ");
    if (dash >= 0 && NameParser.episode(base.substring(0, dash)).isPresent()) {
      String title = base.substring(dash + 3).strip();
      if (!title.isEmpty()) {
        return title;
      }
    }
    return "Episode " + number.episode();
  }

  private static String seasonId(String show, int season) {
    return PREFIX + show + SEASON_MARK + season;
  }
}
