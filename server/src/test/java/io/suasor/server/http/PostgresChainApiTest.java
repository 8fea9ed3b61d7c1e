package io.suasor.server.http;

import io.suasor.server.TestServer;
import io.suasor.server.config.ServerConfig;
import java.nio.file.Path;

class PostgresChainApiTest extends ChainApiContract {
  @Override
  ServerConfig config(Path dataDir) {
    return TestServer.postgres(dataDir);
  }
}
