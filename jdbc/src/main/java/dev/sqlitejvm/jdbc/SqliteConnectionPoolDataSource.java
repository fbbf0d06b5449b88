package dev.sqlitejvm.jdbc;

import java.sql.SQLException;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;

/** Physical connections for a connection pool, configured like {@link SqliteDataSource}. */
public class SqliteConnectionPoolDataSource extends SqliteDataSource implements ConnectionPoolDataSource {
    private static final long serialVersionUID = 1L;

    public SqliteConnectionPoolDataSource() {
    }

    public SqliteConnectionPoolDataSource(String url) {
        super(url);
    }

    @Override
    public PooledConnection getPooledConnection() throws SQLException {
        return new SqlitePooledConnection(SqliteConnection.open(JdbcUrl.parse(getUrl(), properties())));
    }

    @Override
    public PooledConnection getPooledConnection(String user, String password) throws SQLException {
        return getPooledConnection();
    }
}
