package io.suasor.server.http;

import io.javalin.http.sse.SseClient;
import io.suasor.jobs.engine.JobEngine;
import io.suasor.jobs.event.JobEvent;
import io.suasor.jobs.event.JobListener;
import io.suasor.jobs.event.RunFeed;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.service.JobService;
import io.suasor.media.store.TokenStore;
import io.suasor.server.auth.User;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-sent events of every node's runs: created, started, progress, finished. This node's events
 * arrive from its engine at once; other nodes' come from a {@link RunFeed} read twice a second
 * while anyone listens. Events arrive on engine threads, which must not wait on slow clients, so
 * they are handed to one sender thread through a bounded queue; when it is full an event is dropped
 * and logged, and clients fall back on the run routes, which always hold the truth. A run's
 * lifecycle events reach a client once each and in order, whichever way they came; a run seen
 * starting before it was announced is announced then, with the run as it has started.
 */
public final class EventStream implements JobListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventStream.class);
  static final int QUEUE_CAPACITY = 10_000;

  /**
   * A client, which receives events once {@code connected} has been written to it, and whose {@code
   * token} is checked again at each heartbeat.
   */
  private record Subscriber(SseClient client, User user, String token, AtomicBoolean connected) {}

  /** The event as clients receive it. */
  record Payload(String type, long runId, String jobName, Long userId, Object data) {}

  static final Duration FEED_INTERVAL = Duration.ofMillis(500);

  /**
   * How often each client gets a comment: reverse proxies close streams idle for longer than their
   * read timeout (nginx's default is 60 s), and a client that stopped reading is found out.
   */
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private static final int LIFECYCLES_KEPT = 10_000;

  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
  private final Map<Long, Optional<Long>> runOwners = new ConcurrentHashMap<>();
  private final JobService jobs;
  private final JobEngine engine;
  private final TokenStore tokens;
  private final Json json;
  private final ThreadPoolExecutor sender;
  private final ScheduledExecutorService feedReader;
  private final Map<Long, Integer> lifecycle =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Integer> eldest) {
          return size() > LIFECYCLES_KEPT;
        }
      };
  private RunFeed feed; // guarded by this

  public EventStream(JobEngine engine, TokenStore tokens, Json json) {
    this.engine = engine;
    this.jobs = engine.service();
    this.tokens = tokens;
    this.json = json;
    this.sender =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE_CAPACITY),
            runnable -> {
              Thread thread = new Thread(runnable, "suasor-events");
              thread.setDaemon(true);
              return thread;
            });
    this.feedReader =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "suasor-events-feed");
              thread.setDaemon(true);
              return thread;
            });
    long every = FEED_INTERVAL.toMillis();
    feedReader.scheduleWithFixedDelay(this::readFeed, every, every, TimeUnit.MILLISECONDS);
    long beat = HEARTBEAT.toMillis();
    feedReader.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
  }

  /**
   * Sends every client a comment, and ends the streams whose token no longer authenticates
   * (revoked, expired, or its user deactivated): a stream is authenticated once when it opens, and
   * would otherwise outlive its token.
   */
  void heartbeat() {
    try {
      sender.execute(
          () -> {
            Instant now = engine.clock().instant();
            for (Subscriber subscriber : subscribers) {
              if (!subscriber.connected().get()) {
                continue;
              }
              boolean valid;
              try {
                valid = tokens.authenticate(subscriber.token(), now).isPresent();
              } catch (RuntimeException e) {
                // The database is away: the stream stays, and is checked again at the next beat.
                log.debug("could not check an event stream client's token", e);
                valid = true;
              }
              if (valid) {
                subscriber.client().sendComment("heartbeat");
              } else {
                log.info(
                    "ended the event stream of user {}: its token no longer authenticates",
                    subscriber.user().id());
                subscribers.remove(subscriber);
                subscriber.client().close();
              }
            }
          });
    } catch (RejectedExecutionException e) {
      log.debug("skipped a heartbeat: events are queued faster than they are sent");
    }
  }

  /** Reads other nodes' changes while someone listens; forgets the place when nobody does. */
  private void readFeed() {
    try {
      RunFeed current;
      synchronized (this) {
        if (subscribers.isEmpty()) {
          feed = null;
          return;
        }
        current = feed;
      }
      current.poll().forEach(this::onEvent);
    } catch (RuntimeException e) {
      log.debug("could not read other nodes' run changes; trying again", e);
    }
  }

  void subscribe(SseClient client) {
    User user = Requests.user(client.ctx());
    Subscriber subscriber =
        new Subscriber(client, user, client.ctx().attribute(Requests.TOKEN), new AtomicBoolean());
    synchronized (this) {
      subscribers.add(subscriber);
      // Followed from now, not from the feed reader's next turn, which a busy machine may delay.
      if (feed == null) {
        feed =
            new RunFeed(
                engine.repository(),
                engine.settings().nodeId(),
                engine.clock().instant().minus(FEED_INTERVAL));
      }
    }
    client.onClose(() -> subscribers.remove(subscriber));
    // Only the sender thread writes to clients: Javalin writes a comment without the lock it takes
    // for an event, so a comment written here while an event goes out there can break the stream.
    try {
      sender.execute(
          () -> {
            client.sendComment("connected");
            subscriber.connected().set(true);
          });
    } catch (RejectedExecutionException e) {
      log.warn("refused an event stream client: events are queued faster than they are sent");
      subscribers.remove(subscriber);
      client.close();
      return;
    }
    client.keepAlive();
  }

  int subscriberCount() {
    return subscribers.size();
  }

  @Override
  public void onEvent(JobEvent event) {
    if (subscribers.isEmpty() && !(event instanceof JobEvent.RunFinished)) {
      return;
    }
    try {
      sender.execute(() -> deliver(event));
    } catch (RejectedExecutionException e) {
      log.warn(
          "dropped a {} event of run {}: clients read too slowly",
          event.getClass().getSimpleName(),
          event.runId());
    }
  }

  private void deliver(JobEvent event) {
    if (event instanceof JobEvent.RunStarted started && !lifecycle.containsKey(event.runId())) {
      // The engine may start a run before the thread that created it has announced it: the run
      // is announced here then, and the late announcement is dropped as already made.
      deliver(new JobEvent.RunCreated(started.run()));
    }
    if (!firstOfItsKind(event)) {
      return;
    }
    Payload payload = payload(event);
    if (event instanceof JobEvent.RunFinished) {
      runOwners.remove(event.runId());
    }
    if (payload == null) {
      return;
    }
    String text = json.toJsonString(payload, Payload.class);
    for (Subscriber subscriber : subscribers) {
      User user = subscriber.user();
      boolean visible = user.isAdmin() || payload.userId() == null || payload.userId() == user.id();
      if (visible && subscriber.connected().get() && !subscriber.client().terminated()) {
        try {
          subscriber.client().sendEvent(payload.type(), text);
        } catch (RuntimeException e) {
          log.debug("dropped an event stream client that could not be written to", e);
          subscribers.remove(subscriber);
          subscriber.client().close();
        }
      }
    }
  }

  /**
   * Whether a lifecycle event moves its run forward (created, then started, then finished), or a
   * progress event belongs to a run not yet finished; the same change may arrive from this node's
   * engine and from the feed.
   */
  private boolean firstOfItsKind(JobEvent event) {
    int stage;
    if (event instanceof JobEvent.RunCreated) {
      stage = 0;
    } else if (event instanceof JobEvent.RunStarted) {
      stage = 1;
    } else if (event instanceof JobEvent.RunFinished) {
      stage = 2;
    } else {
      stage = -1;
    }
    Integer reached = lifecycle.get(event.runId());
    if (stage < 0) {
      return reached == null || reached < 2;
    }
    if (reached != null && reached >= stage) {
      return false;
    }
    lifecycle.put(event.runId(), stage);
    return true;
  }

  private Payload payload(JobEvent event) {
    if (event instanceof JobEvent.RunCreated created) {
      return remember("run.created", created.run());
    }
    if (event instanceof JobEvent.RunStarted started) {
      return remember("run.started", started.run());
    }
    if (event instanceof JobEvent.RunFinished finished) {
      return remember("run.finished", finished.run());
    }
    JobEvent.RunProgress progress = (JobEvent.RunProgress) event;
    return owner(progress.runId())
        .map(
            owner ->
                new Payload(
                    "run.progress",
                    progress.runId(),
                    progress.jobName(),
                    owner.orElse(null),
                    progress.progress()))
        .orElse(null);
  }

  private Payload remember(String type, JobRun run) {
    runOwners.put(run.id(), Optional.ofNullable(run.userId()));
    return new Payload(type, run.id(), run.jobName(), run.userId(), run);
  }

  /** The user of a run, read once from the store when the run was not seen starting. */
  private Optional<Optional<Long>> owner(long runId) {
    Optional<Long> known = runOwners.get(runId);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Optional<Long>> read =
        jobs.getJobRunById(runId).map(run -> Optional.ofNullable(run.userId()));
    read.ifPresent(owner -> runOwners.put(runId, owner));
    return read;
  }

  @Override
  public void close() {
    // The HTTP server, stopped first, has closed the streams; only the bookkeeping is left.
    feedReader.shutdownNow();
    sender.shutdownNow();
    subscribers.clear();
  }
}
