package io.suasor.jobs.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON names the original web client reads (original-api.md, "Models"). */
class ModelJsonTest {
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void aRunCarriesTheSpecificationsNames() throws Exception {
    JobRun run =
        new JobRun(
            7,
            "system.media.sync",
            JobType.SYNC,
            3L,
            JobStatus.RUNNING,
            T,
            null,
            40,
            10,
            4,
            "scanning",
            null,
            "{\"moviesUpdated\":1}",
            T,
            T,
            2L,
            Trigger.SCHEDULE,
            1,
            null,
            T,
            T,
            "node-a",
            T,
            false,
            "{}",
            null,
            null);

    JsonNode node = json.valueToTree(run);

    for (String name :
        List.of(
            "id",
            "jobName",
            "jobType",
            "status",
            "startTime",
            "endTime",
            "userId",
            "errorMessage",
            "progress",
            "totalItems",
            "processedItems",
            "statusMessage",
            "metadata",
            "createdAt",
            "updatedAt")) {
      assertThat(node.has(name)).as(name).isTrue();
    }
    assertThat(node.get("status").asText()).isEqualTo("running");
    assertThat(node.get("jobType").asText()).isEqualTo("sync");
    assertThat(node.get("trigger").asText()).isEqualTo("schedule");
    assertThat(node.get("startTime").asText()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(node.get("metadata").isTextual()).isTrue();
    assertThat(json.readTree(node.get("metadata").asText()).get("moviesUpdated").asInt())
        .isEqualTo(1);
  }

  @Test
  void aScheduleCarriesTheSpecificationsNamesAndAcceptsTheGoSpelling() throws Exception {
    JobSchedule schedule = JobSchedule.of("system.recommendation", JobType.RECOMMENDATION, "daily");
    JsonNode node = json.valueToTree(schedule);
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);

    assertThat(names)
        .contains(
            "id",
            "jobName",
            "jobType",
            "frequency",
            "lastRunTime",
            "enabled",
            "userId",
            "config",
            "createdAt",
            "updatedAt");
    assertThat(node.get("config").asText()).isEqualTo("{}");

    JobSchedule read =
        json.readValue(
            "{\"name\":\"n\",\"jobName\":\"j\",\"jobType\":\"user\",\"userID\":5,"
                + "\"frequency\":\"weekly\",\"enabled\":true}",
            JobSchedule.class);
    assertThat(read.userId()).isEqualTo(5L);
    assertThat(read.jobType()).isEqualTo(JobType.USER);
  }
}
