package dev.huzhu.cli;

import dev.huzhu.chain.ChainConnection;
import dev.huzhu.protocol.ErrorDecoder;
import dev.huzhu.protocol.EventDecoder;
import dev.huzhu.protocol.Deployment;
import dev.huzhu.protocol.DeploymentBook;
import dev.huzhu.chain.NetworkProfile;
import dev.huzhu.chain.RevertMessages;
import dev.huzhu.protocol.TokenInfo;
import dev.huzhu.chain.TransactionSender;
import dev.huzhu.cli.options.NetworkOptions;
import java.io.IOException;
import java.util.Optional;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * One command's view of a network: the checked connection, its address book, the transaction
 * sender and the one event and revert decoders (dev.huzhu.protocol, from the packaged ABIs).
 */
public final class ChainContext implements AutoCloseable {
    private final Session session;
    private final NetworkProfile profile;
    private final ChainConnection connection;
    private final DeploymentBook book;
    /** The plan token that words amounts in revert messages; unknown (base units) until a command sets it. */
    private TokenInfo token = new TokenInfo("", "the plan's token", 0, false);

    private ChainContext(Session session, NetworkProfile profile, ChainConnection connection, DeploymentBook book) {
        this.session = session;
        this.profile = profile;
        this.connection = connection;
        this.book = book;
    }

    /** Connects (checking the chain id against the profile) — the first network call of a command. */
    public static ChainContext open(Session session, NetworkOptions options) {
        NetworkProfile profile = options.profile(session);
        DeploymentBook book = new DeploymentBook(options.deploymentsDir(session));
        return new ChainContext(session, profile, ChainConnection.open(profile), book);
    }

    public NetworkProfile profile() {
        return profile;
    }

    public Web3j web3j() {
        return connection.web3j();
    }

    /** The raw JSON-RPC service, for node-specific calls (hardhat_*, evm_*: `huzhu dev`). */
    public org.web3j.protocol.Web3jService rpc() {
        return connection.service();
    }

    public long chainId() {
        return connection.chainId();
    }

    public DeploymentBook book() {
        return book;
    }

    /** The deployment of this chain; NotFound when missing or when its factory has no code (node restarted). */
    public Deployment deployment() {
        Deployment d = book.require(chainId());
        if (!hasCode(d.address(Deployment.FACTORY))) {
            throw new dev.huzhu.protocol.NotFoundException(book.file(chainId()) + " is stale: no contract at " + dev.huzhu.protocol.Address.checksum(d.address(Deployment.FACTORY))
                    + " (was the local node restarted?); run `huzhu deploy --force`");
        }
        return d;
    }

    public Optional<Deployment> deploymentIfAny() {
        return book.read(chainId());
    }

    public boolean hasCode(String address) {
        try {
            String code = connection.web3j().ethGetCode(address, DefaultBlockParameterName.LATEST).send().getCode();
            return code != null && code.length() > 2;
        } catch (IOException e) {
            throw new dev.huzhu.chain.NetworkException("the node stopped answering: " + e.getMessage(), e);
        }
    }

    /** A read-only transaction manager for views (calls from the zero address unless {@code from} is given). */
    public ReadonlyTransactionManager reader(String from) {
        return new ReadonlyTransactionManager(connection.web3j(), from == null ? "0x0000000000000000000000000000000000000000" : from);
    }

    public DefaultGasProvider gas() {
        return new DefaultGasProvider();
    }

    /** Sets the token used to word amounts in revert messages. */
    public void token(TokenInfo token) {
        this.token = token;
    }

    public TransactionSender sender() {
        return new TransactionSender(connection.web3j(), chainId(), this::describeRevert, session.userDir().resolve("locks"));
    }

    /** The custom error of revert data, or empty when its selector is unknown. */
    public Optional<dev.huzhu.protocol.DecodedError> decodeRevert(String data) {
        return ErrorDecoder.packaged().decode(data);
    }

    /** Revert data in words, or empty when the selector is unknown. */
    public Optional<String> describeRevert(String data) {
        return ErrorDecoder.packaged().decode(data).map(e -> new RevertMessages(token, this::chainTime).describe(e));
    }

    /** The latest block's timestamp (what the chain calls now). */
    public long chainTime() {
        try {
            return connection.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp().longValue();
        } catch (IOException e) {
            throw new dev.huzhu.chain.NetworkException("the node stopped answering: " + e.getMessage(), e);
        }
    }

    /** The contracts' events, for decoding receipts and logs. */
    public EventDecoder events() {
        return EventDecoder.packaged();
    }

    /** The decoded events of a receipt. */
    public java.util.List<dev.huzhu.chain.ChainEvent> events(dev.huzhu.chain.SentTransaction sent) {
        return sent.receipt().getLogs().stream().map(l -> dev.huzhu.chain.ChainEvent.decode(events(), l)).flatMap(java.util.Optional::stream).toList();
    }

    @Override
    public void close() {
        connection.close();
    }
}
