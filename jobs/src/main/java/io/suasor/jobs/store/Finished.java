package io.suasor.jobs.store;

import io.suasor.jobs.model.JobRun;
import java.util.Optional;

/** A run as it ended, and the retry planned for it, if any. */
public record Finished(JobRun run, Optional<JobRun> retry) {}
