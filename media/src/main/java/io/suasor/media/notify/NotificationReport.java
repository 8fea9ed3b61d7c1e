package io.suasor.media.notify;

import java.util.List;

/**
 * What a notification run did.
 *
 * @param users the users the run looked at
 * @param usersNotified users who were sent at least one notification
 * @param usersSkipped users whose preferences turn notifications off
 * @param created notifications sent, over all users
 * @param releasesChecked whether a release calendar was asked (false: none is configured)
 * @param notes what went wrong, one line each (a calendar answer that failed, a user that failed)
 * @param failures users whose notifications could not be made, with why
 */
public record NotificationReport(
    int users,
    int usersNotified,
    int usersSkipped,
    long created,
    boolean releasesChecked,
    List<String> notes,
    List<String> failures) {
  public NotificationReport {
    notes = List.copyOf(notes);
    failures = List.copyOf(failures);
  }
}
