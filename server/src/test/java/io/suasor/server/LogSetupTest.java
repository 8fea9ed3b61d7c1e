package io.suasor.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.suasor.server.config.LogSettings;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogSetupTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);

  /** The tests' classpath has the jobs module's logback-test.xml; this is about the server's. */
  @BeforeEach
  void configureAsTheServer() throws JoranException {
    configure("/logback.xml");
  }

  @AfterEach
  void configureAsTheTests() throws JoranException {
    configure("/logback-test.xml");
  }

  private void configure(String resource) throws JoranException {
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(getClass().getResource(resource));
  }

  private String encoded(String message) {
    @SuppressWarnings("unchecked")
    OutputStreamAppender<ILoggingEvent> console =
        (OutputStreamAppender<ILoggingEvent>) root.getAppender(LogSetup.APPENDER);
    LoggingEvent event =
        new LoggingEvent(
            getClass().getName(),
            context.getLogger("io.suasor.test"),
            Level.WARN,
            message,
            null,
            new Object[0]);
    return new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
  }

  @Test
  void textLinesCarryTheDateAndJsonLinesAreOneObjectEach() throws Exception {
    assertThat(encoded("plain")).containsPattern("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

    LogSetup.apply(new LogSettings("debug", true));
    assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
    String line = encoded("disk \"full\"");
    assertThat(line.strip().lines()).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("level").asText()).isEqualTo("WARN");
    assertThat(json.get("loggerName").asText()).isEqualTo("io.suasor.test");
    assertThat(json.get("formattedMessage").asText()).isEqualTo("disk \"full\"");
    assertThat(json.get("timestamp").asLong()).isPositive();

    LogSetup.apply(new LogSettings("warn", false));
    assertThat(root.getLevel()).isEqualTo(Level.WARN);
    assertThat(encoded("plain again")).containsPattern("^\\d{4}-\\d{2}-\\d{2} ");
  }
}
