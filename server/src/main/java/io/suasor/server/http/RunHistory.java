package io.suasor.server.http;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.service.JobService;
import io.suasor.jobs.store.RunPage;
import io.suasor.jobs.store.RunQuery;
import io.suasor.server.auth.Access;
import io.suasor.server.auth.User;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages of run history as one caller may see them. An admin's query goes to the store as is. A
 * user's query without a user filter must hold their own runs and system runs but not other users',
 * which the store cannot filter by; so it scans newest first, keeps the visible runs, and stops
 * after a bounded number of rows. A page may then hold fewer runs than asked, and its cursor still
 * continues exactly where the scan stopped.
 */
final class RunHistory {
  static final int SCAN_BATCH = 200;
  static final int SCAN_BATCHES_PER_PAGE = 10;

  private final JobService jobs;

  RunHistory(JobService jobs) {
    this.jobs = jobs;
  }

  RunPage find(User user, RunQuery query) {
    if (user.isAdmin()) {
      return jobs.findRuns(query);
    }
    if (query.userId() != null) {
      if (query.userId() != user.id()) {
        throw ApiException.forbidden("a user may list only their own runs and system runs");
      }
      return jobs.findRuns(query);
    }
    List<JobRun> visible = new ArrayList<>();
    Long cursor = query.beforeId();
    for (int batch = 0; batch < SCAN_BATCHES_PER_PAGE; batch++) {
      RunPage page =
          jobs.findRuns(
              new RunQuery(
                  query.jobName(),
                  query.status(),
                  null,
                  query.createdFrom(),
                  query.createdTo(),
                  cursor,
                  SCAN_BATCH));
      for (JobRun run : page.runs()) {
        if (Access.canSee(user, run)) {
          visible.add(run);
          if (visible.size() == query.limit()) {
            boolean more =
                run != page.runs().get(page.runs().size() - 1) || page.nextCursor() != null;
            return new RunPage(visible, more ? run.id() : null);
          }
        }
      }
      cursor = page.nextCursor();
      if (cursor == null) {
        break;
      }
    }
    return new RunPage(visible, cursor);
  }
}
