package dev.huzhu.devnet;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one real Hardhat node per test JVM, on a free port, and stops it when all tests ran.
 *
 * <pre>{@code
 * @ExtendWith(HardhatNodeExtension.class)
 * class MyIT {
 *     @Test void works(HardhatNode node) { ... ChainConnection.open(node.rpcUrl()) ... }
 * }
 * }</pre>
 *
 * Tests share the chain: deploy your own contracts, and treat time as relative (evm_increaseTime
 * moves it for everybody). The node's log goes to {@code target/hardhat-node-test.log}.
 */
public final class HardhatNodeExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(HardhatNodeExtension.class);

    /** The checkout's root (Maven runs tests there). */
    public static Path projectDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == HardhatNode.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NS)
                .getOrComputeIfAbsent("node", key -> new SharedNode(), SharedNode.class)
                .node;
    }

    /** Closed by JUnit when the root context closes, i.e. after the last test of the run. */
    private static final class SharedNode implements ExtensionContext.Store.CloseableResource {
        final HardhatNode node = HardhatNode.startAttached(projectDir(), 0, projectDir().resolve("target/hardhat-node-test.log"));

        @Override
        public void close() {
            node.close();
        }
    }
}
