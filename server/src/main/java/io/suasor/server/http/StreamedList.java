package io.suasor.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * A whole list read from the store a page at a time and written as it is read: the listings that
 * clients of the original API read whole (every schedule, every user), and the command line's, then
 * cost one page of memory, not the list, however long it is.
 */
public final class StreamedList {
  /** How many items each read from the store takes. */
  public static final int PAGE_SIZE = 500;

  private StreamedList() {}

  /** One page read from a store: its items and the cursor of the next, null on the last. */
  public record Page<T>(List<T> items, Long nextCursor) {
    public Page {
      items = List.copyOf(items);
    }
  }

  /**
   * Answers every item of {@code pages} in {@link Envelope#ok}'s envelope. The first page is read
   * before anything is written, so that a failing store answers with an error; a failure on a later
   * page cuts the answer short (it has begun).
   */
  static <T> void answer(Context ctx, Json json, String message, Function<Long, Page<T>> pages)
      throws IOException {
    Page<T> first = pages.apply(null);
    ctx.contentType(ContentType.APPLICATION_JSON);
    try (JsonGenerator out = json.mapper().getFactory().createGenerator(ctx.outputStream())) {
      out.writeStartObject();
      out.writeBooleanField("success", true);
      out.writeStringField("message", message);
      out.writeFieldName("data");
      writeArray(out, first, pages);
      out.writeEndObject();
    }
  }

  /**
   * Writes {@code first} and the pages after it, each asked for with the cursor of the one before,
   * as one JSON array.
   */
  public static <T> void writeArray(JsonGenerator out, Page<T> first, Function<Long, Page<T>> pages)
      throws IOException {
    out.writeStartArray();
    Page<T> page = first;
    while (true) {
      for (T item : page.items()) {
        out.writeObject(item);
      }
      if (page.nextCursor() == null) {
        break;
      }
      page = pages.apply(page.nextCursor());
    }
    out.writeEndArray();
  }
}
