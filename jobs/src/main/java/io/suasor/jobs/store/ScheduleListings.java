package io.suasor.jobs.store;

import io.suasor.jobs.model.JobSchedule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The reads of many schedules at once, each on an index of its own, so that a server holding half a
 * million schedules never has to hold them all: a page in name order, the system's, the chained
 * ones, one user's, and the names of those whose job is not registered.
 */
final class ScheduleListings {
  private final Database database;

  ScheduleListings(Database database) {
    this.database = database;
  }

  List<JobSchedule> all() {
    return list("list schedules", "ORDER BY name");
  }

  /**
   * One page in name order, after the schedule {@code afterId} when given; {@code visibleTo} keeps
   * that user's schedules and the system's. The cursor is an id, whose name is the point to go on
   * from, so that it is a number like the run history's.
   */
  SchedulePage page(Long visibleTo, Long afterId, int limit) {
    List<String> conditions = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    if (visibleTo != null) {
      conditions.add("(user_id = ? OR user_id IS NULL)");
      values.add(visibleTo);
    }
    if (afterId != null) {
      conditions.add("name > (SELECT a.name FROM job_schedules a WHERE a.id = ?)");
      values.add(afterId);
    }
    values.add(limit + 1);
    String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions) + "\n";
    List<JobSchedule> rows =
        list("list a page of schedules", where + "ORDER BY name LIMIT ?", values.toArray());
    boolean more = rows.size() > limit;
    List<JobSchedule> page = more ? rows.subList(0, limit) : rows;
    return new SchedulePage(page, more ? page.get(page.size() - 1).id() : null);
  }

  /** The schedules of no user: a few per registered job, found on {@code job_schedules_user}. */
  List<JobSchedule> system() {
    return list("list system schedules", "WHERE user_id IS NULL ORDER BY name");
  }

  /** The schedules that follow a job, on the partial index {@code job_schedules_after}. */
  List<JobSchedule> chained() {
    return list("list chained schedules", "WHERE after_job IS NOT NULL ORDER BY name");
  }

  /** One user's schedules, on {@code job_schedules_user}. */
  List<JobSchedule> ofUser(long userId) {
    return list("list the schedules of user " + userId, "WHERE user_id = ? ORDER BY name", userId);
  }

  /**
   * The names of the schedules whose job is none of {@code jobNames}: the statement reads every
   * schedule, but only the names it returns come back, and there are none when every stored job is
   * registered.
   */
  List<String> namesOfOtherJobs(Collection<String> jobNames) {
    String sql =
        jobNames.isEmpty()
            ? "SELECT name FROM job_schedules ORDER BY name"
            : "SELECT name FROM job_schedules WHERE job_name NOT IN (%s) ORDER BY name"
                .formatted(String.join(", ", Collections.nCopies(jobNames.size(), "?")));
    return database.read(
        "list schedules of unregistered jobs",
        c -> Jdbc.query(c, sql, row -> row.getString("name"), jobNames.toArray()));
  }

  private List<JobSchedule> list(String what, String rest, Object... values) {
    return database.read(
        what, c -> Jdbc.query(c, ScheduleStore.SELECT + rest, ScheduleStore::map, values));
  }
}
