package io.suasor.jobs.model;

import static io.suasor.jobs.model.JobStatus.CANCELLED;
import static io.suasor.jobs.model.JobStatus.COMPLETED;
import static io.suasor.jobs.model.JobStatus.FAILED;
import static io.suasor.jobs.model.JobStatus.PENDING;
import static io.suasor.jobs.model.JobStatus.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JobStatusTest {
  private static final Set<String> ALLOWED =
      Set.of(
          "PENDING>RUNNING",
          "PENDING>CANCELLED",
          "PENDING>FAILED",
          "RUNNING>COMPLETED",
          "RUNNING>FAILED",
          "RUNNING>CANCELLED");

  static Stream<Arguments> everyPair() {
    return Stream.of(JobStatus.values())
        .flatMap(from -> Stream.of(JobStatus.values()).map(to -> Arguments.of(from, to)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("everyPair")
  void allowsExactlyTheListedTransitions(JobStatus from, JobStatus to) {
    boolean allowed = ALLOWED.contains(from + ">" + to);
    assertThat(from.canTransitionTo(to)).isEqualTo(allowed);
    if (allowed) {
      assertThat(from.checkTransition(to)).isEqualTo(to);
    } else {
      assertThatThrownBy(() -> from.checkTransition(to))
          .isInstanceOf(InvalidTransitionException.class)
          .hasMessageContaining("'" + from.value() + "' to '" + to.value() + "'");
    }
  }

  @Test
  void terminalStatesAreTheOnesWithoutSuccessors() {
    assertThat(Stream.of(JobStatus.values()).filter(JobStatus::isTerminal))
        .containsExactly(COMPLETED, FAILED, CANCELLED);
    assertThat(PENDING.isTerminal()).isFalse();
    assertThat(RUNNING.isTerminal()).isFalse();
  }

  @Test
  void aForbiddenTransitionSaysWhereTheRunMayGo() {
    assertThatThrownBy(() -> PENDING.checkTransition(COMPLETED))
        .hasMessage(
            "a run cannot go from 'pending' to 'completed'; from 'pending' it may go to running,"
                + " failed, cancelled");
    assertThatThrownBy(() -> COMPLETED.checkTransition(RUNNING))
        .hasMessageContaining("may go to nothing (it has ended)");
  }

  @Test
  void parsesItsTextFormAndRejectsOthers() {
    assertThat(JobStatus.fromValue("running")).isEqualTo(RUNNING);
    assertThat(JobStatus.fromValue(" Cancelled ")).isEqualTo(CANCELLED);
    assertThatThrownBy(() -> JobStatus.fromValue("done"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown status 'done'; use one of pending, running, completed, failed, cancelled");
  }
}
