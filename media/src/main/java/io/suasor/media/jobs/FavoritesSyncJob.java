package io.suasor.media.jobs;

import io.suasor.jobs.Job;
import io.suasor.jobs.JobContext;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.media.MediaException;
import io.suasor.media.sync.FavoritesSyncReport;
import io.suasor.media.sync.FavoritesSyncReport.SourceOutcome;
import io.suasor.media.sync.FavoritesSyncService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code system.favorites.sync}: once a day, reconciles every active user's favourites across
 * Suasor and their sources that keep favourites, the newest change winning, and writes the result
 * back to each source for the items it has; run by a user for themselves, only theirs. Statistics:
 * usersSynced, usersWithoutFavoriteSources, sourcesSynced, sourcesFailed, sourcesWithoutFavorites,
 * favoritesImported, conflicts, writtenBack, writeBackFailures, problems, and {@code sources}: one
 * entry per source with its own counts and status. A run in which a source could not be read or
 * refused write-backs ends failed, naming them, after the others converged.
 */
public final class FavoritesSyncJob implements Job {
  public static final String NAME = "system.favorites.sync";

  private final FavoritesSyncService favorites;

  public FavoritesSyncJob(FavoritesSyncService favorites) {
    this.favorites = favorites;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public JobType type() {
    return JobType.SYNC;
  }

  @Override
  public Schedule schedule() {
    return Schedule.daily();
  }

  @Override
  public void execute(JobContext context) {
    ContextTracker tracker = new ContextTracker(context);
    FavoritesSyncReport report =
        context
            .userId()
            .map(user -> favorites.syncFor(user, tracker))
            .orElseGet(() -> favorites.syncAll(tracker));
    context.result("sources", report.sources().stream().map(FavoritesSyncJob::entry).toList());
    if (!report.notes().isEmpty()) {
      report.notes().forEach(note -> context.log().info("favourites: {}", note));
      context.result("notes", report.notes());
    }
    context.message(message(report));
    List<SourceOutcome> failures = report.failures();
    if (!failures.isEmpty()) {
      throw new MediaException(
          failures.size()
              + (failures.size() == 1 ? " source" : " sources")
              + " not reconciled, the next run tries again: "
              + String.join(
                  "; ",
                  failures.stream()
                      .map(
                          s ->
                              "'"
                                  + s.name()
                                  + "' "
                                  + (s.error() != null
                                      ? s.error()
                                      : s.writeBackFailures() + " favourites not written"))
                      .toList()));
    }
  }

  private static Map<String, Object> entry(SourceOutcome source) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("userId", source.userId());
    entry.put("sourceId", source.sourceId());
    entry.put("name", source.name());
    entry.put("type", source.type());
    entry.put("status", source.status().name().toLowerCase(java.util.Locale.ROOT));
    entry.put("favoritesImported", source.favoritesImported());
    entry.put("conflicts", source.conflicts());
    entry.put("writtenBack", source.writtenBack());
    entry.put("writeBackFailures", source.writeBackFailures());
    if (source.error() != null) {
      entry.put("error", source.error());
    }
    return entry;
  }

  private static String message(FavoritesSyncReport report) {
    if (report.users() == 0) {
      return "no active user to reconcile favourites for";
    }
    long reconciled =
        report.sources().stream()
            .filter(s -> s.status() != FavoritesSyncReport.Status.NO_FAVORITES)
            .filter(s -> s.status() != FavoritesSyncReport.Status.FAILED)
            .count();
    if (reconciled == 0 && report.failures().isEmpty()) {
      return "no source keeps favourites, so nothing was reconciled: Suasor's own favourites stand"
          + " ("
          + report.usersWithoutFavoriteSources()
          + (report.usersWithoutFavoriteSources() == 1 ? " user" : " users")
          + ")";
    }
    StringBuilder text =
        new StringBuilder()
            .append("favourites of ")
            .append(reconciled)
            .append(reconciled == 1 ? " source" : " sources")
            .append(" reconciled: ")
            .append(report.total(SourceOutcome::favoritesImported))
            .append(" taken in, ")
            .append(report.total(SourceOutcome::writtenBack))
            .append(" written back, ")
            .append(report.total(SourceOutcome::conflicts))
            .append(" conflicts");
    if (report.usersWithoutFavoriteSources() > 0) {
      text.append("; ")
          .append(report.usersWithoutFavoriteSources())
          .append(" without a source that keeps favourites");
    }
    if (!report.failures().isEmpty()) {
      text.append("; ").append(report.failures().size()).append(" failed");
    }
    return text.toString();
  }
}
