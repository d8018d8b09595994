package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.indexer.IndexDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `huzhu serve --no-index` serves an existing index with no node anywhere (after `huzhu demo` stopped its
 * node, the hint `huzhu serve --no-index` works): the chain id is the network's, the database --db or the
 * chain's newest index, here the demo's.
 */
class ServeWithoutNodeTest {
    @TempDir Path tmp;

    @Test
    void servesTheDemosIndexWithoutANode() throws Exception {
        IndexDatabase.open("jdbc:sqlite:" + tmp.resolve(".huzhu/demo/index.db")); // what the demo leaves behind
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Thread serving = new Thread(() -> {
            var cl = HuzhuCommand.newCommandLine(new Session(java.util.Map.of("HUZHU_CONFIG_DIR", tmp.resolve("home").toString()),
                    new java.io.ByteArrayInputStream(new byte[0]), null, tmp));
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            cl.execute("serve", "--no-index", "--port", "0", "--rpc-url", "http://127.0.0.1:9");
        }, "serve-no-index");
        serving.setDaemon(true); // serves until the test JVM ends
        serving.start();
        Pattern page = Pattern.compile("page: (http://127\\.0\\.0\\.1:\\d+/)");
        Matcher m = page.matcher("");
        for (int i = 0; i < 100 && !(m = page.matcher(out.toString())).find(); i++) {
            assertTrue(serving.isAlive(), "serve stopped: " + out + err);
            Thread.sleep(100);
        }
        assertTrue(out.toString().startsWith("serving chain 31337 from jdbc:sqlite:" + tmp.resolve(".huzhu/demo/index.db").toAbsolutePath()
                + " (not following the chain: --no-index)"), out + "\n" + err);
        HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(m.group(1) + "api/status"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, status.statusCode(), status.body());
        assertTrue(status.body().contains("\"chainId\":31337"), status.body());
    }
}
