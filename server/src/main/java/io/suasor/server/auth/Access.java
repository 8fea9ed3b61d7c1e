package io.suasor.server.auth;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;

/**
 * Who may see and change what. An admin sees and does all. A user sees system-wide schedules and
 * runs (read-only) and their own user-scoped ones, which they may also change.
 */
public final class Access {
  private Access() {}

  public static boolean canSee(User user, JobRun run) {
    return user.isAdmin() || run.userId() == null || run.userId() == user.id();
  }

  public static boolean canChange(User user, JobRun run) {
    return user.isAdmin() || run.userId() != null && run.userId() == user.id();
  }

  public static boolean canSee(User user, JobSchedule schedule) {
    return user.isAdmin() || schedule.userId() == null || schedule.userId() == user.id();
  }

  public static boolean canChange(User user, JobSchedule schedule) {
    return user.isAdmin() || schedule.userId() != null && schedule.userId() == user.id();
  }
}
