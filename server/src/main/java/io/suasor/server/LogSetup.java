package io.suasor.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.suasor.server.config.LogSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the log settings to Logback, which logback.xml set up: the root level, and the console
 * appender's encoder, Logback's own JSON encoder (one object per line) or the text pattern it had.
 */
public final class LogSetup {
  static final String APPENDER = "STDERR";
  private static final String TEXT_ENCODER = "suasor.log.textEncoder";

  private LogSetup() {}

  /**
   * For a command other than serve with no level chosen: warnings and errors only, and nothing from
   * the connection pool or the migrations, whose failures reach the user as the command's one-line
   * error; a stack trace in the log would only repeat it.
   */
  public static void applyToCommand(LogSettings settings) {
    apply(new LogSettings("warn", settings.json()));
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      for (String quiet : new String[] {"com.zaxxer.hikari", "org.flywaydb"}) {
        context.getLogger(quiet).setLevel(Level.OFF);
      }
    }
  }

  public static void apply(LogSettings settings) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // Another SLF4J backend: its own configuration decides.
    }
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(settings.level(), Level.INFO));
    Appender<ILoggingEvent> appender = root.getAppender(APPENDER);
    if (appender instanceof OutputStreamAppender<ILoggingEvent> console) {
      console.setEncoder(encoder(context, console.getEncoder(), settings.json()));
    }
  }

  @SuppressWarnings("unchecked")
  private static Encoder<ILoggingEvent> encoder(
      LoggerContext context, Encoder<ILoggingEvent> current, boolean json) {
    if (json == current instanceof JsonEncoder) {
      return current;
    }
    if (!json) {
      Object text = context.getObject(TEXT_ENCODER);
      return text == null ? current : (Encoder<ILoggingEvent>) text;
    }
    context.putObject(TEXT_ENCODER, current);
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    // The formatted message is what a reader wants; the raw template and its arguments are not.
    encoder.setWithMessage(false);
    encoder.setWithArguments(false);
    encoder.setWithFormattedMessage(true);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.start();
    return encoder;
  }
}
