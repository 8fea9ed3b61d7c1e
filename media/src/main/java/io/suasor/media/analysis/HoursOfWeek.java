package io.suasor.media.analysis;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Time spent per weekday and hour of the day on the user's wall clock. A play is cut at each local
 * hour boundary and each piece counted in its own hour, so a film from 20:30 to 22:30 counts half
 * an hour at 20, a whole one at 21 and half at 22. Boundaries are found on the local clock and
 * turned back into instants by the zone's rules, so the hour skipped when clocks go forward gets
 * nothing and the hour repeated when they go back gets both of its passes.
 */
final class HoursOfWeek {
  private final ZoneId zone;
  private final double[][] seconds = new double[7][24];

  HoursOfWeek(ZoneId zone) {
    this.zone = zone;
  }

  void add(Instant start, Duration length) {
    Instant end = start.plus(length);
    Instant cursor = start;
    while (cursor.isBefore(end)) {
      ZonedDateTime local = cursor.atZone(zone);
      LocalDateTime nextHour = local.toLocalDateTime().truncatedTo(ChronoUnit.HOURS).plusHours(1);
      Instant boundary = nextHour.atZone(zone).toInstant();
      Instant pieceEnd = boundary.isBefore(end) ? boundary : end;
      seconds[local.getDayOfWeek().getValue() - 1][local.getHour()] +=
          Duration.between(cursor, pieceEnd).toMillis() / 1000.0;
      cursor = pieceEnd;
    }
  }

  List<Double> hoursOfDay() {
    List<Double> hours = new ArrayList<>(24);
    for (int hour = 0; hour < 24; hour++) {
      double sum = 0;
      for (double[] day : seconds) {
        sum += day[hour];
      }
      hours.add(Rounding.hours(sum));
    }
    return hours;
  }

  List<Double> weekdays() {
    List<Double> days = new ArrayList<>(7);
    for (double[] day : seconds) {
      double sum = 0;
      for (double hour : day) {
        sum += hour;
      }
      days.add(Rounding.hours(sum));
    }
    return days;
  }

  List<List<Double>> heatmap() {
    List<List<Double>> rows = new ArrayList<>(7);
    for (double[] day : seconds) {
      List<Double> row = new ArrayList<>(24);
      for (double hour : day) {
        row.add(Rounding.hours(hour));
      }
      rows.add(row);
    }
    return rows;
  }
}
