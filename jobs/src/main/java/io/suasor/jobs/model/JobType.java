package io.suasor.jobs.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What kind of work a job does; used to group and filter, never to decide behaviour. */
public enum JobType {
  SYSTEM,
  USER,
  RECOMMENDATION,
  SYNC,
  NOTIFICATION,
  ANALYSIS;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static JobType fromValue(String value) {
    return Enums.parse(JobType.class, value, "job type");
  }
}
