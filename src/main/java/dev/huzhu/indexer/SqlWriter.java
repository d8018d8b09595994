package dev.huzhu.indexer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs parameterised statements on one connection, preparing each SQL text once. Binds BigInteger
 * as exact NUMERIC, Boolean as 0/1.
 *
 * <p>{@link #append} queues an INSERT of a row that nothing changes afterwards (an event, a deposit, a
 * payout…); queued rows go to the database as one JDBC batch per SQL text (on PostgreSQL rewritten into
 * multi-row INSERTs) when {@link #flush} runs — before a {@link #query} that reads a table with queued rows, before an {@link #update}
 * of a table with queued rows, and before a commit. So every read and every change still sees them,
 * in order, while a range of hundreds of events costs a few round trips instead of one per row.
 *
 * <p>{@link #change} does the same for the counters and balances that many events of a range move on
 * the same row (a member's balance, a plan's reserve): the changes of one row are merged in memory
 * (a set replaces, an add accumulates on top) and reach the database as one UPDATE per row at the
 * next flush — before a query that reads the table, before an {@link #update} of it, and before a commit —
 * so a range of thousands of deposits by a hundred members costs a hundred UPDATEs, not thousands. On PostgreSQL the
 * rows that change the same columns the same way go as multi-row UPDATEs ({@link MultiRowUpdate}), and the decimal-text
 * sums of {@link #textSums} are read and written back a chunk of rows at a time.
 */
public final class SqlWriter implements AutoCloseable {
    private static final java.util.regex.Pattern TARGET = java.util.regex.Pattern.compile(
            "^\\s*(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(\\w+)", java.util.regex.Pattern.CASE_INSENSITIVE);
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    /** Queued rows per SQL text, in the order the texts were first used. */
    private final Map<String, List<Object[]>> queued = new java.util.LinkedHashMap<>();
    private final java.util.Set<String> queuedTables = new java.util.HashSet<>();
    /**
     * Merged changes per table, then per row (WHERE text, key values), in the order the rows were first changed: a flush
     * for one table visits that table's rows only, not every row pending in the others.
     */
    private final Map<String, Map<List<Object>, RowChange>> changes = new HashMap<>();
    /** Merged TEXT sums per table, then per row, in the order the rows were first changed. */
    private final Map<String, Map<List<Object>, TextSums>> sums = new HashMap<>();
    private Boolean exactSums;

    /** Whether this transaction has written (or queued) anything since its last commit or rollback. */
    private boolean writing;
    private long rollbacks;
    /** The synchronous level set on SQLite (null: the connection's own, NORMAL), and the one asked for. */
    private Boolean durable;
    private Boolean wantDurable;

    public SqlWriter(Connection connection) throws SQLException {
        this.connection = connection;
        if (!exactSums()) { // PostgreSQL
            customPlans();
        }
    }

    /**
     * On PostgreSQL, plans every statement of this session with its parameters ({@code plan_cache_mode =
     * force_custom_plan}). pgjdbc prepares a statement on the server from its fifth run; the server then keeps a generic
     * plan when that looks no dearer than the custom ones, judged with the statistics of the moment. A new index starts
     * with empty tables, so the generic plan of {@code SELECT … FROM claims WHERE chain_id = ? AND plan = ? AND
     * claim_id = ?} was a sequential scan, kept for the whole session as the table grew: 850 µs per ClaimPaid at 25,000
     * claims (pg_stat_statements, 500k events), and growing with every claim. A custom plan sees the key and uses it;
     * planning a statement this simple costs microseconds. Set outside any transaction, so that a rollback cannot undo it.
     */
    private void customPlans() throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute("SET plan_cache_mode = force_custom_plan");
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    public Connection connection() {
        return connection;
    }

    /** How many times this writer rolled back: what a caller remembered about rows may have gone with a rollback. */
    public long rollbacks() {
        return rollbacks;
    }

    /** Whether anything was written or queued since the last commit or rollback. */
    public boolean writing() {
        return writing;
    }

    /**
     * How hard the next commits insist on reaching the disk, on SQLite: {@code true} = synchronous=NORMAL (in WAL mode a
     * power loss can lose the last commits, never corrupt the file), {@code false} = OFF (no fsync at all: a power loss or
     * an OS crash while catching up can corrupt the file; the index is then rebuilt from the chain, as a new one would be;
     * a crash of the process itself loses nothing committed). On PostgreSQL {@code false} = synchronous_commit off for this
     * session (a crash of the server can lose the last commits, never corrupt anything; the indexer then reads them
     * again from the cursor that survived), {@code true} = the server's own setting. Takes effect from the next
     * transaction on.
     */
    public void durable(boolean full) {
        wantDurable = full;
    }

    /** Applies {@link #durable} between transactions (SQLite refuses to change it inside one; PostgreSQL would undo it with a rollback). */
    private void applyDurability() throws SQLException {
        if (wantDurable == null || wantDurable.equals(durable)) {
            return;
        }
        connection.setAutoCommit(true); // the SQLite driver has begun the next transaction already: end it (empty)
        try (java.sql.Statement s = connection.createStatement()) {
            if (exactSums()) { // SQLite
                s.execute(wantDurable ? "PRAGMA synchronous=NORMAL" : "PRAGMA synchronous=OFF");
            } else {
                s.execute(wantDurable ? "SET synchronous_commit TO DEFAULT" : "SET synchronous_commit TO off");
            }
        } finally {
            connection.setAutoCommit(false);
        }
        durable = wantDurable;
    }

    /**
     * Whether added amounts are summed in Java (read, add, write) rather than by the database: on
     * SQLite, whose arithmetic on an integer of 2^63 or more is floating point (its amount columns are
     * TEXT since migration 10, see ExactAmountsOnSqlite). PostgreSQL's NUMERIC adds exactly.
     */
    boolean exactSums() throws SQLException {
        if (exactSums == null) {
            exactSums = "SQLite".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        }
        return exactSums;
    }

    /** Executes an INSERT/UPDATE/DELETE; returns the number of rows changed. */
    public int update(String sql, Object... params) throws SQLException {
        writing = true;
        if (!queuedTables.isEmpty()) {
            flush(touched(sql, table(sql)));
        }
        PreparedStatement ps = statement(sql);
        bind(ps, params);
        return ps.executeUpdate();
    }

    /**
     * Queues an INSERT of one row into a table whose rows are only ever added (see the class comment);
     * a row that cannot be inserted (e.g. a duplicate key) fails the flush, and so the transaction.
     */
    public void append(String sql, Object... params) throws SQLException {
        writing = true;
        List<Object[]> rows = queued.computeIfAbsent(sql, k -> {
            queuedTables.add(table(k));
            return new ArrayList<>();
        });
        rows.add(params.clone());
        if (rows.size() >= APPEND_BATCH) {
            flush(java.util.Set.of(table(sql)));
        }
    }

    /**
     * How many rows of one INSERT wait at most before they are sent (with the rest of their table's pending rows): a
     * transaction of 10,000 events no longer holds all its rows on the heap until the commit, where every young GC
     * copied them (as it copies anything that lives that long) before they were promoted; sending them earlier changes
     * nothing that any read sees, as a read of the table sends them anyway.
     */
    static final int APPEND_BATCH = 1_000;

    /**
     * The pending change of the one row of {@code table} that {@code where} (equalities on its key,
     * with {@code key} as the values) selects; its columns are set or added to, and the row is written
     * at the next flush. Only for rows whose UPDATE count nobody needs: an UPDATE of a missing row
     * changes nothing, as it would have at once.
     */
    public RowChange change(String table, String where, Object... key) {
        return changes.computeIfAbsent(pendingTable(table), t -> new java.util.LinkedHashMap<>())
                .computeIfAbsent(rowId(where, key), id -> new RowChange(table, where, key.clone()));
    }

    /**
     * The pending sums of one row of {@code table} keyed by {@code keyColumns} = {@code key}, for exact
     * amounts kept as decimal TEXT (SQLite's NUMERIC would round amounts of 2^63 and more): the amounts
     * added to each column are merged in memory; at the next flush the row is read once, the sums are
     * added in Java, and the row is updated — or inserted with the sums when it does not exist yet.
     */
    public TextSums textSums(String table, String[] keyColumns, Object... key) {
        return sums.computeIfAbsent(pendingTable(table), t -> new java.util.LinkedHashMap<>())
                // the key columns by value: callers may pass a new array each time, and one row must have one pending sum
                .computeIfAbsent(rowId(java.util.Arrays.asList(keyColumns), key), id -> new TextSums(table, keyColumns, key.clone()));
    }

    private static final Map<String, String> PENDING_TABLES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Marks {@code table} as having pending rows; returns it. Reads find a table's pending rows by its name in lower case
     * (as {@link #touched} reads it from their SQL), so a name spelled otherwise is refused, once per name.
     */
    private String pendingTable(String table) {
        writing = true;
        queuedTables.add(PENDING_TABLES.computeIfAbsent(table, t -> {
            if (!t.equals(t.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("table names of pending rows are in lower case: " + t);
            }
            return t;
        }));
        return table;
    }

    /** The identity of one pending row of a table: how it is selected (the WHERE text or the key columns) and its key values. */
    private static List<Object> rowId(Object selector, Object[] key) {
        Object[] id = new Object[key.length + 1];
        id[0] = selector;
        System.arraycopy(key, 0, id, 1, key.length);
        return java.util.Arrays.asList(id);
    }

    /** A decimal amount column's value (TEXT or numeric, as the database returns it); NULL is zero. */
    static BigInteger amountOf(Object v) {
        if (v == null) {
            return BigInteger.ZERO;
        }
        String s = v.toString();
        return s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0 ? new BigInteger(s) : new BigDecimal(s).toBigInteger();
    }

    /** Sends the queued rows, one JDBC batch per SQL text, then the merged row changes. */
    public void flush() throws SQLException {
        if (queued.isEmpty() && changes.isEmpty() && sums.isEmpty()) {
            return;
        }
        flush(new java.util.HashSet<>(queuedTables));
    }

    /**
     * Sends the queued rows and merged changes of {@code tables} only (what a read or an update is about to see): the
     * rows of the other tables stay queued and keep growing their batches. Tables are independent (no triggers, no
     * foreign keys), and each table's rows keep their order.
     */
    private void flush(java.util.Set<String> tables) throws SQLException {
        if (tables.isEmpty()) {
            return;
        }
        boolean done = false;
        try {
            for (java.util.Iterator<Map.Entry<String, List<Object[]>>> it = queued.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, List<Object[]>> q = it.next();
                if (!tables.contains(table(q.getKey()))) {
                    continue;
                }
                PreparedStatement ps = statement(q.getKey());
                for (Object[] row : q.getValue()) {
                    bind(ps, row);
                    ps.addBatch();
                }
                ps.executeBatch();
                it.remove();
            }
            // each pending row is a different row: their UPDATEs go as one JDBC batch per SQL text (one round trip on
            // PostgreSQL instead of one per row); on SQLite each reads its row first (exact sums), so they run one by one
            Map<String, List<Object[]>> updates = new java.util.LinkedHashMap<>();
            Map<String, java.util.Optional<MultiRowUpdate>> shapes = new HashMap<>();
            for (String table : tables) {
                Map<List<Object>, RowChange> rows = changes.get(table);
                if (rows == null) {
                    continue;
                }
                for (java.util.Iterator<RowChange> it = rows.values().iterator(); it.hasNext(); ) {
                    RowChange change = it.next();
                    Map.Entry<String, Object[]> u = change.update(this);
                    if (exactSums()) {
                        PreparedStatement ps = statement(u.getKey());
                        bind(ps, u.getValue());
                        ps.executeUpdate();
                    } else {
                        updates.computeIfAbsent(u.getKey(), k -> new ArrayList<>()).add(u.getValue());
                        shapes.computeIfAbsent(u.getKey(), k -> change.shape());
                    }
                    it.remove(); // written: a failure further on must not leave it to be written twice
                }
                changes.remove(table);
            }
            for (Map.Entry<String, List<Object[]>> u : updates.entrySet()) {
                List<Object[]> rows = u.getValue();
                int written = writeMultiRow(u.getKey(), shapes.get(u.getKey()), rows);
                writeEach(u.getKey(), rows.subList(written, rows.size()));
            }
            for (String table : tables) {
                Map<List<Object>, TextSums> rows = sums.remove(table);
                if (rows != null && exactSums()) {
                    for (TextSums t : rows.values()) {
                        t.write(this);
                    }
                } else if (rows != null) {
                    writeSumsTogether(rows.values());
                }
            }
            queuedTables.removeAll(tables);
            done = true;
        } finally {
            if (!done) { // a failed flush fails the transaction: nothing queued may reach it later
                queued.clear();
                changes.clear();
                sums.clear();
                queuedTables.clear();
            }
        }
    }

    private long multiRowUpdates;

    /** How many multi-row UPDATEs this writer has sent (PostgreSQL). */
    long multiRowUpdates() {
        return multiRowUpdates;
    }

    /** Multi-row UPDATE texts by single-row UPDATE text and rows per statement. */
    private final Map<String, String> multiRowSql = new HashMap<>();
    /** Column name to SQL type, per table (PostgreSQL), for the casts of {@link MultiRowUpdate}. */
    private final Map<String, Map<String, String>> columnTypes = new HashMap<>();

    /**
     * On PostgreSQL, writes the leading rows of {@code rows} (the parameters of the single-row UPDATE {@code sql}, each a
     * different row) in multi-row UPDATEs of {@link MultiRowUpdate#CHUNKS} rows; returns how many it wrote (the rest,
     * fewer than the smallest chunk, go as a batch of single-row UPDATEs).
     */
    private int writeMultiRow(String sql, java.util.Optional<MultiRowUpdate> shape, List<Object[]> rows) throws SQLException {
        List<Integer> chunks = MultiRowUpdate.chunks(rows.size());
        if (shape == null || shape.isEmpty() || chunks.isEmpty()) {
            return 0;
        }
        MultiRowUpdate m = shape.get();
        int width = m.width();
        for (Object[] row : rows) {
            if (row.length != width) {
                return 0;
            }
        }
        if (repeatsAKey(rows, width - m.keyCount(), m.keyCount())) { // one row twice would be updated once
            return 0;
        }
        int at = 0;
        for (int chunk : chunks) {
            String key = chunk + "\n" + sql;
            String multi = multiRowSql.get(key);
            if (multi == null) {
                java.util.Optional<String> text = m.sql(chunk, columnTypes(m.table()));
                if (text.isEmpty()) {
                    return at;
                }
                multi = text.get();
                multiRowSql.put(key, multi);
            }
            Object[] params = new Object[chunk * width];
            for (int r = 0; r < chunk; r++) {
                System.arraycopy(rows.get(at + r), 0, params, r * width, width);
            }
            PreparedStatement ps = statement(multi);
            bind(ps, params);
            ps.executeUpdate();
            multiRowUpdates++;
            at += chunk;
        }
        return at;
    }

    /** The single-row statement {@code sql} for each of {@code rows}, as one JDBC batch. */
    private void writeEach(String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        PreparedStatement ps = statement(sql);
        for (Object[] row : rows) {
            bind(ps, row);
            ps.addBatch();
        }
        ps.executeBatch();
    }

    /**
     * Whether two of {@code rows} name one row: the {@code n} values from {@code from} (the key) alike as text — a
     * key given once as a Long and once as an Integer makes two pending entries for one row.
     */
    private static boolean repeatsAKey(List<Object[]> rows, int from, int n) {
        java.util.Set<List<String>> seen = new java.util.HashSet<>();
        for (Object[] row : rows) {
            if (!seen.add(TextSums.keyText(row, from, n))) {
                return true;
            }
        }
        return false;
    }

    /**
     * On PostgreSQL, the pending sums of many rows of one table: per shape (key columns and summed columns), chunks of
     * {@link MultiRowUpdate#CHUNKS} rows are read with one SELECT and written with one multi-row UPDATE (the rows not there
     * yet inserted one by one); the few rows left over go one by one, as on SQLite.
     */
    private void writeSumsTogether(java.util.Collection<TextSums> all) throws SQLException {
        Map<List<String>, List<TextSums>> byShape = new java.util.LinkedHashMap<>();
        for (TextSums t : all) {
            List<String> shape = new ArrayList<>(java.util.Arrays.asList(t.keyColumns));
            shape.add("|");
            shape.addAll(t.add.keySet());
            byShape.computeIfAbsent(shape, k -> new ArrayList<>()).add(t);
        }
        for (List<TextSums> group : byShape.values()) {
            int at = 0;
            for (int chunk : MultiRowUpdate.chunks(group.size())) {
                writeSumsChunk(group.subList(at, at + chunk));
                at += chunk;
            }
            for (TextSums t : group.subList(at, group.size())) {
                t.write(this);
            }
        }
    }

    /** Rows of one shape: one SELECT of their stored sums, then one multi-row UPDATE (and an INSERT per row not there yet). */
    private void writeSumsChunk(List<TextSums> chunk) throws SQLException {
        TextSums first = chunk.get(0);
        List<String> keys = List.of(first.keyColumns);
        List<String> cols = new ArrayList<>(first.add.keySet());
        Map<String, String> types = columnTypes(first.table);
        String select = MultiRowUpdate.select(first.table, keys, cols, chunk.size(), types).orElse(null);
        // a key column of unknown type, or one row twice (its sums must be added in order): one by one
        if (select == null || repeatsAKey(chunk.stream().map(t -> t.key).toList(), 0, keys.size())) {
            for (TextSums t : chunk) {
                t.write(this);
            }
            return;
        }
        Object[] keyParams = new Object[chunk.size() * keys.size()];
        for (int r = 0; r < chunk.size(); r++) {
            System.arraycopy(chunk.get(r).key, 0, keyParams, r * keys.size(), keys.size());
        }
        Map<List<String>, Object[]> stored = new HashMap<>();
        for (Object[] row : queryNow(select, keyParams)) {
            stored.put(TextSums.keyText(row, 0, keys.size()), row);
        }
        List<Object[]> updates = new ArrayList<>();
        for (TextSums t : chunk) {
            Object[] row = stored.get(TextSums.keyText(t.key, 0, keys.size()));
            if (row == null) {
                t.insert(this);
            } else {
                updates.add(t.updateParams(row, keys.size()));
            }
        }
        String single = first.updateSql();
        int written = writeMultiRow(single, MultiRowUpdate.of(first.table, cols, java.util.Collections.nCopies(cols.size(), false),
                first.where()), updates);
        writeEach(single, updates.subList(written, updates.size()));
    }

    private Map<String, String> columnTypes(String table) throws SQLException {
        Map<String, String> types = columnTypes.get(table);
        if (types == null) {
            types = new HashMap<>();
            for (Object[] r : queryNow("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema()"
                    + " AND table_name = ?", table.toLowerCase(java.util.Locale.ROOT))) {
                types.put((String) r[0], (String) r[1]);
            }
            columnTypes.put(table, types);
        }
        return types;
    }

    /** Flushes the queued rows and commits. */
    public void commit() throws SQLException {
        flush();
        connection.commit();
        writing = false;
        applyDurability();
    }

    /** Forgets the queued rows and rolls back. */
    public void rollback() throws SQLException {
        queued.clear();
        changes.clear();
        sums.clear();
        queuedTables.clear();
        writing = false;
        rollbacks++;
        connection.rollback();
    }

    private static final java.util.regex.Pattern READS = java.util.regex.Pattern.compile(
            "\\b(?:FROM|JOIN)\\s+(\\w+)", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** The tables with queued rows or changes that {@code sql} reads (FROM, JOIN) or, {@code target} (may be null), writes. */
    private java.util.Set<String> touched(String sql, String target) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (target != null && queuedTables.contains(target)) {
            out.add(target);
        }
        for (String t : reads(sql)) {
            if (queuedTables.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static final Map<String, List<String>> READ_TABLES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The tables a statement reads (FROM, JOIN), lower case; SQL texts are few and reused, so remembered. */
    private static List<String> reads(String sql) {
        return READ_TABLES.computeIfAbsent(sql, k -> {
            List<String> out = new ArrayList<>();
            java.util.regex.Matcher m = READS.matcher(k);
            while (m.find()) {
                out.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
            }
            return List.copyOf(out);
        });
    }

    private static final Map<String, String> TABLES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The table an INSERT/UPDATE/DELETE writes ("" for anything else); SQL texts are few and reused, so remembered. */
    private static String table(String sql) {
        return TABLES.computeIfAbsent(sql, k -> {
            java.util.regex.Matcher m = TARGET.matcher(k);
            return m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : "";
        });
    }

    /** The rows of a query, each as an Object[] of its columns (queued rows and changes of the tables it reads are flushed first). */
    public List<Object[]> query(String sql, Object... params) throws SQLException {
        if (!queuedTables.isEmpty()) {
            flush(touched(sql, null));
        }
        return queryNow(sql, params);
    }

    /** A query run as is, without flushing (used while flushing). */
    private List<Object[]> queryNow(String sql, Object... params) throws SQLException {
        PreparedStatement ps = statement(sql);
        bind(ps, params);
        List<Object[]> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement ps = prepared.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            prepared.put(sql, ps);
        }
        return ps;
    }

    /**
     * Binds {@code params}. A BigInteger is an exact NUMERIC for PostgreSQL; SQLite's driver binds a BigDecimal as its
     * decimal text anyway, so there it is bound as that text directly (no BigDecimal made per amount).
     */
    private void bind(PreparedStatement ps, Object... params) throws SQLException {
        boolean sqlite = exactSums();
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int at = i + 1;
            if (p == null) {
                ps.setNull(at, Types.NULL);
            } else if (p instanceof BigInteger b) {
                if (sqlite) {
                    ps.setString(at, b.toString());
                } else {
                    ps.setBigDecimal(at, new BigDecimal(b));
                }
            } else if (p instanceof Long l) {
                ps.setLong(at, l);
            } else if (p instanceof Integer n) {
                ps.setInt(at, n);
            } else if (p instanceof Boolean b) {
                ps.setInt(at, b ? 1 : 0);
            } else {
                ps.setString(at, p.toString());
            }
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement ps : prepared.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        prepared.clear();
        if (first != null) {
            throw first;
        }
    }

    /** The merged pending change of one row: per column, a value to set (or none) and an amount to add on top. */
    public static final class RowChange {
        private final String table;
        private final String where;
        private final Object[] key;
        private final Map<String, ColumnChange> columns = new java.util.LinkedHashMap<>();

        /** One column's pending change: a value to set (when {@code set}), then {@code add} on top. */
        private static final class ColumnChange {
            boolean set;
            Object value;
            BigInteger add = BigInteger.ZERO;
        }

        private RowChange(String table, String where, Object[] key) {
            this.table = table;
            this.where = where;
            this.key = key;
        }

        /** Sets {@code column} to {@code value} (replacing what was added before). */
        public RowChange set(String column, Object value) {
            ColumnChange c = new ColumnChange();
            c.set = true;
            c.value = value;
            columns.put(column, c);
            return this;
        }

        /** Adds {@code amount} to {@code column} (on top of a value set before, if any). */
        public RowChange add(String column, BigInteger amount) {
            ColumnChange c = columns.computeIfAbsent(column, k -> new ColumnChange());
            c.add = c.add.add(amount);
            return this;
        }

        /** Adds {@code amount} to {@code column}. */
        public RowChange add(String column, long amount) {
            return add(column, BigInteger.valueOf(amount));
        }

        /** The UPDATE that writes this change, and its parameters (on SQLite after reading the row's current amounts). */
        private Map.Entry<String, Object[]> update(SqlWriter w) throws SQLException {
            Map<String, BigInteger> current = w.exactSums() ? currentOfAdded(w) : Map.of();
            StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
            List<Object> params = new ArrayList<>();
            for (Map.Entry<String, ColumnChange> e : columns.entrySet()) {
                if (params.size() > 0) {
                    sql.append(", ");
                }
                String col = e.getKey();
                ColumnChange c = e.getValue();
                if (c.set) {
                    sql.append(col).append(" = ?");
                    params.add(c.add.signum() == 0 || c.value == null ? c.value : toBig(c.value).add(c.add));
                } else if (current.containsKey(col)) {
                    sql.append(col).append(" = ?"); // added in Java: exact past 2^63 (see exactSums)
                    params.add(current.get(col).add(c.add));
                } else {
                    sql.append(col).append(" = ").append(col).append(" + ?");
                    params.add(c.add);
                }
            }
            sql.append(" WHERE ").append(where);
            params.addAll(java.util.Arrays.asList(key));
            return Map.entry(sql.toString(), params.toArray());
        }

        /** This change as one row of a {@link MultiRowUpdate} (PostgreSQL, where no row is read first: see {@link #update}). */
        private java.util.Optional<MultiRowUpdate> shape() {
            if (columns.isEmpty()) {
                return java.util.Optional.empty();
            }
            List<Boolean> added = new ArrayList<>();
            columns.values().forEach(c -> added.add(!c.set));
            return MultiRowUpdate.of(table, new ArrayList<>(columns.keySet()), added, where);
        }

        /** The stored values of the columns this change only adds to (one SELECT of the row); empty when the row does not exist. */
        private Map<String, BigInteger> currentOfAdded(SqlWriter w) throws SQLException {
            List<String> cols = new ArrayList<>();
            columns.forEach((col, c) -> {
                if (!c.set) {
                    cols.add(col);
                }
            });
            if (cols.isEmpty()) {
                return Map.of();
            }
            List<Object[]> rows = w.queryNow("SELECT " + String.join(", ", cols) + " FROM " + table + " WHERE " + where, key);
            Map<String, BigInteger> out = new HashMap<>();
            if (!rows.isEmpty()) {
                for (int i = 0; i < cols.size(); i++) {
                    out.put(cols.get(i), amountOf(rows.get(0)[i]));
                }
            }
            return out;
        }

        private static BigInteger toBig(Object o) {
            return o instanceof BigInteger b ? b : BigInteger.valueOf(((Number) o).longValue());
        }
    }

    /** The merged pending sums of one row's decimal TEXT columns (see {@link #textSums}). */
    public static final class TextSums {
        private final String table;
        private final String[] keyColumns;
        private final Object[] key;
        private final Map<String, BigInteger> add = new java.util.LinkedHashMap<>();

        private TextSums(String table, String[] keyColumns, Object[] key) {
            this.table = table;
            this.keyColumns = keyColumns.clone();
            this.key = key;
        }

        /** Adds {@code amount} to the decimal TEXT {@code column}. */
        public TextSums add(String column, BigInteger amount) {
            add.merge(column, amount, BigInteger::add);
            return this;
        }

        /** Reads the row, adds the sums in Java and writes it back, or inserts it with the sums when it is not there yet. */
        private void write(SqlWriter w) throws SQLException {
            List<String> cols = new ArrayList<>(add.keySet());
            List<Object[]> rows = w.queryNow("SELECT " + String.join(", ", cols) + " FROM " + table + " WHERE " + where(), key);
            if (rows.isEmpty()) {
                insert(w);
                return;
            }
            PreparedStatement ps = w.statement(updateSql());
            w.bind(ps, updateParams(rows.get(0), 0));
            ps.executeUpdate();
        }

        private String where() {
            return String.join(" = ? AND ", keyColumns) + " = ?";
        }

        /** The UPDATE of this row's summed columns (the new sums, then the key). */
        private String updateSql() {
            return "UPDATE " + table + " SET " + String.join(" = ?, ", add.keySet()) + " = ? WHERE " + where();
        }

        /** The parameters of {@link #updateSql}: the stored values at {@code row[offset…]} plus the sums, then the key. */
        private Object[] updateParams(Object[] row, int offset) {
            List<Object> params = new ArrayList<>();
            int i = 0;
            for (BigInteger sum : add.values()) {
                params.add(amountOf(row[offset + i++]).add(sum).toString());
            }
            params.addAll(java.util.Arrays.asList(key));
            return params.toArray();
        }

        /** Inserts the row with the sums as its values. */
        private void insert(SqlWriter w) throws SQLException {
            List<String> names = new ArrayList<>(java.util.Arrays.asList(keyColumns));
            names.addAll(add.keySet());
            List<Object> params = new ArrayList<>(java.util.Arrays.asList(key));
            for (BigInteger sum : add.values()) {
                params.add(sum.toString());
            }
            String marks = String.join(", ", java.util.Collections.nCopies(names.size(), "?"));
            PreparedStatement ps = w.statement("INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES (" + marks + ")");
            w.bind(ps, params.toArray());
            ps.executeUpdate();
        }

        /**
         * A row's key ({@code n} values from {@code from}) as text, to match the keys a SELECT returned with the ones asked
         * for (a Long and a BIGINT alike).
         */
        private static List<String> keyText(Object[] values, int from, int n) {
            List<String> out = new ArrayList<>(n);
            for (int i = from; i < from + n; i++) {
                out.add(String.valueOf(values[i]));
            }
            return out;
        }
    }
}
