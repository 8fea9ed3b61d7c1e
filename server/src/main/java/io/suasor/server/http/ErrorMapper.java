package io.suasor.server.http;

import io.javalin.http.HttpResponseException;
import io.suasor.jobs.model.InvalidTransitionException;
import io.suasor.jobs.schedule.InvalidScheduleException;
import io.suasor.jobs.service.InvalidRequestException;
import io.suasor.jobs.service.JobBusyException;
import io.suasor.jobs.service.NotFoundException;
import io.suasor.jobs.service.UnknownJobException;
import io.suasor.jobs.store.DuplicateException;
import io.suasor.jobs.store.StaleScheduleException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns an exception into an HTTP status and error type, by the exception's
 * type. Messages of known exceptions are written for people and passed on; anything else is an
 * internal error whose details stay in the log, under the request id the answer carries.
 */
public final class ErrorMapper {
  private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  public static ApiException map(Exception e, String requestId) {
    if (e instanceof ApiException api) {
      return api;
    }
    if (e instanceof InvalidRequestException invalid) {
      return ApiException.invalid(invalid.field(), invalid.getMessage());
    }
    if (e instanceof InvalidScheduleException invalid) {
      return ApiException.invalid("frequency", invalid.getMessage());
    }
    if (e instanceof UnknownJobException unknown) {
      return new ApiException(
          404, "NOT_FOUND", unknown.getMessage(), Map.of("jobName", unknown.jobName()));
    }
    if (e instanceof NotFoundException notFound) {
      return ApiException.notFound(notFound.getMessage());
    }
    if (e instanceof JobBusyException busy) {
      return new ApiException(
          409, "CONFLICT", busy.getMessage(), Map.of("jobName", busy.jobName()));
    }
    if (e instanceof DuplicateException
        || e instanceof StaleScheduleException
        || e instanceof InvalidTransitionException) {
      return ApiException.conflict(e.getMessage());
    }
    if (e instanceof HttpResponseException http) {
      return fromJavalin(http);
    }
    log.error("request {} failed", requestId, e);
    return new ApiException(
        500,
        "INTERNAL_ERROR",
        "the server failed to answer this request; its log has the details under request id "
            + requestId,
        Map.of());
  }

  /** Javalin's own refusals: an unknown route, an oversized body, a wrong method. */
  private static ApiException fromJavalin(HttpResponseException e) {
    int status = e.getStatus();
    return switch (status) {
      case 404 -> ApiException.notFound("there is no such route; see /api/openapi.json");
      case 405 -> new ApiException(405, "METHOD_NOT_ALLOWED", e.getMessage(), Map.of());
      case 413 -> tooLarge(-1);
      default ->
          new ApiException(
              status, status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST", e.getMessage(), Map.of());
    };
  }

  public static ApiException tooLarge(long limit) {
    String bound = limit > 0 ? " of " + limit + " bytes" : "";
    return new ApiException(
        413,
        "PAYLOAD_TOO_LARGE",
        "the request body is larger than the limit" + bound + "; send a smaller body",
        limit > 0 ? Map.of("maxBytes", limit) : Map.of());
  }
}
