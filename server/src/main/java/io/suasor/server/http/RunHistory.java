package io.suasor.server.http;

import io.suasor.jobs.service.JobService;
import io.suasor.jobs.store.RunPage;
import io.suasor.jobs.store.RunQuery;
import io.suasor.server.auth.User;

/**
 * Pages of run history as one caller may see them: an admin sees every run; a user sees their own
 * runs and the system-wide ones, and may not filter by another user.
 */
final class RunHistory {
  private final JobService jobs;

  RunHistory(JobService jobs) {
    this.jobs = jobs;
  }

  RunPage find(User user, RunQuery query) {
    if (user.isAdmin()) {
      return jobs.findRuns(query);
    }
    if (query.userId() != null && query.userId() != user.id()) {
      throw ApiException.forbidden("a user may list only their own runs and system runs");
    }
    return jobs.findRuns(query.withVisibleTo(user.id()));
  }
}
