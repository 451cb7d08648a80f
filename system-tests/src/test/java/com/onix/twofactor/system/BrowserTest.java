package com.onix.twofactor.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The browser the page stories use finds fields by label and buttons by text, as a person does. */
class BrowserTest {

  private static final String PAGE =
      """
      <!doctype html><html lang="en"><body>
      <form method="get" action="/done">
        <label for="code">Access code</label><input id="code" name="code">
        <label>Note <input name="note"></label>
        <button type="submit">Verify</button>
      </form></body></html>
      """;

  @Test
  void fillsFieldsByTheirLabelsAndPressesButtonsByTheirText() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String query = exchange.getRequestURI().getQuery();
          byte[] body =
              (exchange.getRequestURI().getPath().equals("/done")
                      ? "<!doctype html><p>Got " + query.replace("&", " and ") + "</p>"
                      : PAGE)
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try (Browser browser = Browser.open()) {
      browser.visit(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
      browser.fill("Access code", "ABCD-EFGH-JKMN");
      browser.fill("Note", "hi");
      browser.press("Verify");
      browser.waitForText("Got code=ABCD-EFGH-JKMN and note=hi");
      assertThat(browser.screenshot("browser-self-test")).exists();
    } finally {
      server.stop(0);
    }
  }
}
