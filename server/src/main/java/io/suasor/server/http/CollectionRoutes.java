package io.suasor.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.suasor.jobs.store.Database;
import io.suasor.media.collections.SmartCollectionService;
import io.suasor.media.collections.SmartRules;
import io.suasor.media.model.Collection;
import io.suasor.media.model.CollectionKind;
import io.suasor.media.store.CollectionItemStore;
import io.suasor.media.store.CollectionStore;
import io.suasor.media.store.ItemSummary;
import io.suasor.media.store.ItemSummaryStore;
import io.suasor.server.auth.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The caller's collections under {@code /api/v1/collections}: CRUD of manual ones (an item list)
 * and smart ones (rules, evaluated when saved and daily by system.smart.collections), their items a
 * page at a time, and a preview of rules before saving. Another user's collection is not found,
 * whoever asks, so that nobody learns which ids exist.
 */
final class CollectionRoutes {
  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 500;

  private final CollectionStore collections;
  private final CollectionItemStore items;
  private final ItemSummaryStore summaries;
  private final SmartCollectionService smart;
  private final Json json;
  private final Clock clock;

  CollectionRoutes(Database database, Json json, Clock clock) {
    this.collections = new CollectionStore(database);
    this.items = new CollectionItemStore(database);
    this.summaries = new ItemSummaryStore(database);
    this.smart = new SmartCollectionService(database, clock);
    this.json = json;
    this.clock = clock;
  }

  /** A collection as the API answers it; rules, sort and limit only for a smart one. */
  record CollectionView(
      long id,
      long userId,
      String name,
      String description,
      String kind,
      JsonNode rules,
      JsonNode sort,
      Integer limit,
      long itemCount,
      Instant createdAt,
      Instant updatedAt) {}

  /** An item of a preview. */
  record PreviewItem(long id, String type, String title, Integer year) {}

  record Preview(long matched, List<PreviewItem> items) {}

  void register(RoutesConfig routes) {
    routes.get("/api/v1/collections", this::list);
    routes.post("/api/v1/collections", this::create);
    routes.post("/api/v1/collections/preview", this::preview);
    routes.get(
        "/api/v1/collections/{id}", ctx -> ctx.json(Envelope.ok("collection", view(owned(ctx)))));
    routes.put("/api/v1/collections/{id}", this::update);
    routes.delete("/api/v1/collections/{id}", this::delete);
    routes.get("/api/v1/collections/{id}/items", this::items);
  }

  private void list(Context ctx) {
    User user = Requests.user(ctx);
    Map<Long, Long> counts = items.counts(user.id());
    List<CollectionView> views =
        collections.byUser(user.id()).stream()
            .map(c -> view(c, counts.getOrDefault(c.id(), 0L)))
            .toList();
    ctx.json(Envelope.ok(views.size() + " collections", views));
  }

  private void create(Context ctx) {
    User user = Requests.user(ctx);
    CollectionRequest request = CollectionRequest.read(body(ctx));
    checkItems(request);
    Collection created =
        collections.create(
            user.id(),
            request.name(),
            request.description(),
            request.kind(),
            request.storedRules(),
            clock.instant());
    fill(created, request);
    ctx.status(201).json(Envelope.ok("collection " + created.id() + " created", view(created)));
  }

  private void update(Context ctx) {
    User user = Requests.user(ctx);
    Collection existing = owned(ctx);
    CollectionRequest request = CollectionRequest.read(body(ctx));
    if (request.kind() != existing.kind()) {
      throw ApiException.invalid(
          "kind",
          "collection "
              + existing.id()
              + " is "
              + existing.kind().value()
              + " and stays so; create a new collection to change its kind");
    }
    checkItems(request);
    Collection updated =
        collections
            .update(
                existing.id(),
                user.id(),
                request.name(),
                request.description(),
                request.storedRules(),
                clock.instant())
            .orElseThrow(() -> notFound(existing.id()));
    fill(updated, request);
    ctx.json(Envelope.ok("collection " + updated.id() + " saved", view(updated)));
  }

  private void delete(Context ctx) {
    Collection collection = owned(ctx);
    collections.delete(collection.id());
    ctx.json(Envelope.ok("collection " + collection.id() + " deleted", null));
  }

  private void items(Context ctx) {
    Collection collection = owned(ctx);
    int limit = Requests.intQuery(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
    int after = Requests.intQuery(ctx, "cursor", 0, 0, Integer.MAX_VALUE);
    List<CollectionItemStore.Entry> page = items.page(collection.id(), after, limit + 1);
    Long next = null;
    if (page.size() > limit) {
      page = page.subList(0, limit);
      next = (long) page.get(limit - 1).position();
    }
    ctx.json(
        Envelope.page(
            page.size() + " items of collection " + collection.id(),
            page,
            new Envelope.Pagination(limit, next)));
  }

  private void preview(Context ctx) {
    User user = Requests.user(ctx);
    JsonNode body = body(ctx);
    if (body == null || !body.isObject()) {
      throw ApiException.invalid(
          "body", "send a JSON object: {\"rules\": …, \"sort\": …, \"limit\": …}");
    }
    SmartRules rules = CollectionRequest.rules(body);
    List<Long> ids = smart.evaluate(rules, user.id());
    Map<Long, ItemSummary> found =
        summaries.summaries(ids).stream()
            .collect(Collectors.toMap(ItemSummary::id, Function.identity()));
    List<PreviewItem> list =
        ids.stream()
            .map(found::get)
            .filter(java.util.Objects::nonNull)
            .map(s -> new PreviewItem(s.id(), s.type().value(), s.title(), s.year()))
            .toList();
    long matched = smart.count(rules, user.id());
    ctx.json(
        Envelope.ok(
            matched + " items match; the first " + list.size() + " in order",
            new Preview(matched, list)));
  }

  /** Stores what the collection holds: a smart one's evaluation, a manual one's list. */
  private void fill(Collection collection, CollectionRequest request) {
    if (collection.kind() == CollectionKind.SMART) {
      smart.refresh(collection);
    } else {
      items.replace(collection.id(), request.items(), clock.instant());
    }
  }

  private void checkItems(CollectionRequest request) {
    if (request.items() == null || request.items().isEmpty()) {
      return;
    }
    List<Long> missing = items.missing(request.items());
    if (!missing.isEmpty()) {
      int at = request.items().indexOf(missing.get(0));
      throw ApiException.invalid(
          "items[" + at + "]",
          "items[" + at + "]: there is no item " + missing.get(0) + missing(missing));
    }
  }

  private static String missing(List<Long> missing) {
    return missing.size() == 1 ? "" : " (nor " + (missing.size() - 1) + " more of the list)";
  }

  private JsonNode body(Context ctx) {
    return json.read(ctx.body().isBlank() ? "null" : ctx.body(), JsonNode.class);
  }

  private Collection owned(Context ctx) {
    User user = Requests.user(ctx);
    long id = Requests.id(ctx, "id");
    return collections
        .byId(id)
        .filter(collection -> collection.userId() == user.id())
        .orElseThrow(() -> notFound(id));
  }

  private static ApiException notFound(long id) {
    return ApiException.notFound(
        "you have no collection " + id + "; list yours at GET /api/v1/collections");
  }

  private CollectionView view(Collection collection) {
    return view(collection, items.counts(collection.userId()).getOrDefault(collection.id(), 0L));
  }

  private CollectionView view(Collection collection, long count) {
    JsonNode document =
        collection.kind() == CollectionKind.SMART
            ? json.read(collection.rules(), JsonNode.class)
            : null;
    return new CollectionView(
        collection.id(),
        collection.userId(),
        collection.name(),
        collection.description(),
        collection.kind().value(),
        document == null ? null : document.get("rules"),
        document == null ? null : document.get("sort"),
        document == null || !document.has("limit") ? null : document.get("limit").asInt(),
        count,
        collection.createdAt(),
        collection.updatedAt());
  }
}
