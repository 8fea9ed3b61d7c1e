package io.suasor.jobs.engine;

import io.suasor.jobs.event.JobListener;
import io.suasor.jobs.store.JobRepository;
import java.time.Clock;
import java.util.random.RandomGenerator;

/** What the engine's parts share, grouped so that their constructors stay short. */
record EngineContext(
    JobRepository repository,
    JobRegistry registry,
    EngineSettings settings,
    Clock clock,
    JobListener listener,
    RandomGenerator random) {}
