package dev.sqlitejvm.jdbc;

import dev.sqlitejvm.runtime.ColumnMetadata;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What SQLite is and holds, the JDBC way. SQLite has no catalogs or schemas in the JDBC sense:
 * both are reported as null, and the tables are those of the main database.
 */
final class SqliteDatabaseMetaData implements DatabaseMetaData, SelfWrapper {
    private final SqliteConnection connection;
    private final MetadataQueries queries;

    SqliteDatabaseMetaData(SqliteConnection connection) {
        this.connection = connection;
        this.queries = new MetadataQueries(connection);
    }

    private ResultSet result(String[] labels, List<Object[]> rows) {
        return new ListResultSet(labels, rows, connection.dates(), null);
    }

    private ResultSet empty(String... labels) throws SQLException {
        connection.checkOpen();
        return result(labels, new ArrayList<>());
    }

    // ---- tables and columns ----

    private static final String[] TABLE_LABELS = {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS",
        "TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION"};

    private static String tableType(String name, String type) {
        if (name.startsWith("sqlite_")) {
            return "SYSTEM TABLE";
        }
        return type.equals("view") ? "VIEW" : "TABLE";
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        List<String> wanted = types == null ? null : Arrays.asList(types);
        List<Object[]> rows = new ArrayList<>();
        for (Object[] table : queries.tables(tableNamePattern)) {
            String name = (String) table[0];
            String type = tableType(name, (String) table[1]);
            if (wanted == null || wanted.contains(type)) {
                rows.add(new Object[] {null, null, name, type, null, null, null, null, null, null});
            }
        }
        rows.sort(Comparator.comparing((Object[] r) -> (String) r[3]).thenComparing(r -> (String) r[2]));
        return result(TABLE_LABELS, rows);
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        connection.checkOpen();
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"SYSTEM TABLE"});
        rows.add(new Object[] {"TABLE"});
        rows.add(new Object[] {"VIEW"});
        return result(new String[] {"TABLE_TYPE"}, rows);
    }

    private static final String[] COLUMN_LABELS = {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
        "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE",
        "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION",
        "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE", "SOURCE_DATA_TYPE", "IS_AUTOINCREMENT",
        "IS_GENERATEDCOLUMN"};
    /** The size reported for types without a declared size, as xerial does. */
    private static final long UNBOUNDED = 2_000_000_000L;

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
                                String columnNamePattern) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (Object[] table : queries.tables(tableNamePattern)) {
            String tableName = (String) table[0];
            List<Object[]> columns = queries.rows(
                    "SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?) "
                            + "WHERE name LIKE ? ESCAPE '\\' ORDER BY cid",
                    tableName, MetadataQueries.pattern(columnNamePattern));
            int position = 0;
            for (Object[] column : columns) {
                position++;
                String name = (String) column[1];
                String declared = (String) column[2];
                boolean notNull = ((Long) column[3]) != 0;
                long hidden = (Long) column[6];
                if (hidden == 1) {
                    continue; // a virtual table's hidden column
                }
                int jdbcType = declared == null || declared.isEmpty() ? Types.VARCHAR : ColumnTypes.fromDeclared(declared);
                int precision = ColumnTypes.precision(declared);
                ColumnMetadata metadata = "view".equals(table[1]) ? null : queries.column(tableName, name);
                boolean autoIncrement = metadata != null && metadata.autoIncrement;
                String typeName = declared == null || declared.isEmpty() ? "" : declared.replaceAll("\\(.*", "").trim();
                rows.add(new Object[] {null, null, tableName, name, (long) jdbcType, typeName,
                    precision > 0 ? (long) precision : UNBOUNDED, UNBOUNDED, (long) ColumnTypes.scale(declared), 10L,
                    (long) (notNull ? columnNoNulls : columnNullable), null, column[4], null, null, UNBOUNDED,
                    (long) position, notNull ? "NO" : "YES", null, null, null, null,
                    autoIncrement ? "YES" : "NO", hidden >= 2 ? "YES" : "NO"});
            }
        }
        return result(COLUMN_LABELS, rows);
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (Object[] column : queries.rows("SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", table)) {
            rows.add(new Object[] {null, null, table, column[0], column[1], null});
        }
        rows.sort(Comparator.comparing(r -> (String) r[3]));
        return result(new String[] {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"}, rows);
    }

    // ---- foreign keys ----

    private static final String[] KEY_LABELS = {"PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME",
        "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE", "DELETE_RULE",
        "FK_NAME", "PK_NAME", "DEFERRABILITY"};

    /** The foreign keys declared by one table, as rows in KEY_LABELS form. */
    private List<Object[]> foreignKeysOf(String table) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> definition = queries.rows(
                "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ? COLLATE NOCASE", table);
        List<String> names = ForeignKeyNames.inDeclarationOrder(
                definition.isEmpty() ? null : (String) definition.get(0)[0]);
        for (Object[] key : queries.rows("SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete "
                + "FROM pragma_foreign_key_list(?) ORDER BY id, seq", table)) {
            String parent = (String) key[2];
            String parentColumn = (String) key[4];
            long seq = (Long) key[1];
            if (parentColumn == null) { // REFERENCES parent: the parent's primary key, in order
                List<Object[]> pk = queries.rows("SELECT name FROM pragma_table_info(?) WHERE pk = ?",
                        parent, Long.toString(seq + 1));
                parentColumn = pk.isEmpty() ? null : (String) pk.get(0)[0];
            }
            rows.add(new Object[] {null, null, parent, parentColumn, null, null, table, key[3], seq + 1,
                (long) rule((String) key[5]), (long) rule((String) key[6]),
                ForeignKeyNames.forPragmaId(names, ((Long) key[0]).intValue()), null,
                (long) importedKeyNotDeferrable});
        }
        return rows;
    }

    private static int rule(String action) {
        switch (action == null ? "" : action.toUpperCase(Locale.ROOT)) {
            case "CASCADE":
                return importedKeyCascade;
            case "RESTRICT":
                return importedKeyRestrict;
            case "SET NULL":
                return importedKeySetNull;
            case "SET DEFAULT":
                return importedKeySetDefault;
            default:
                return importedKeyNoAction;
        }
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        List<Object[]> rows = foreignKeysOf(table);
        rows.sort(Comparator.comparing((Object[] r) -> (String) r[2]).thenComparing(r -> (Long) r[8]));
        return result(KEY_LABELS, rows);
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (Object[] child : queries.tables(null)) {
            if (!"table".equals(child[1])) {
                continue;
            }
            for (Object[] key : foreignKeysOf((String) child[0])) {
                if (table.equalsIgnoreCase((String) key[2])) {
                    rows.add(key);
                }
            }
        }
        rows.sort(Comparator.comparing((Object[] r) -> (String) r[6]).thenComparing(r -> (Long) r[8]));
        return result(KEY_LABELS, rows);
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
                                       String foreignCatalog, String foreignSchema, String foreignTable)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (Object[] key : foreignKeysOf(foreignTable)) {
            if (parentTable == null || parentTable.equalsIgnoreCase((String) key[2])) {
                rows.add(key);
            }
        }
        rows.sort(Comparator.comparing((Object[] r) -> (String) r[6]).thenComparing(r -> (Long) r[8]));
        return result(KEY_LABELS, rows);
    }

    // ---- indexes ----

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (Object[] index : queries.rows("SELECT name, \"unique\", partial FROM pragma_index_list(?)", table)) {
            boolean isUnique = ((Long) index[1]) != 0;
            if (unique && !isUnique) {
                continue;
            }
            String indexName = (String) index[0];
            for (Object[] column : queries.rows(
                    "SELECT seqno, name, \"desc\" FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno", indexName)) {
                rows.add(new Object[] {null, null, table, isUnique ? 0L : 1L, null, indexName, (long) tableIndexOther,
                    (Long) column[0] + 1, column[1], ((Long) column[2]) != 0 ? "D" : "A", 0L, 0L, null});
            }
        }
        rows.sort(Comparator.comparing((Object[] r) -> (Long) r[3]).thenComparing(r -> (String) r[5])
                .thenComparing(r -> (Long) r[7]));
        return result(new String[] {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE", "INDEX_QUALIFIER",
            "INDEX_NAME", "TYPE", "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC", "CARDINALITY", "PAGES",
            "FILTER_CONDITION"}, rows);
    }

    // ---- types, schemas, catalogs ----

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        connection.checkOpen();
        List<Object[]> rows = new ArrayList<>();
        rows.add(typeRow("NULL", Types.NULL, 0));
        rows.add(typeRow("INTEGER", Types.INTEGER, 19));
        rows.add(typeRow("REAL", Types.REAL, 17));
        rows.add(typeRow("TEXT", Types.VARCHAR, 0));
        rows.add(typeRow("BLOB", Types.BLOB, 0));
        rows.sort(Comparator.comparing(r -> (Long) r[1]));
        return result(new String[] {"TYPE_NAME", "DATA_TYPE", "PRECISION", "LITERAL_PREFIX", "LITERAL_SUFFIX",
            "CREATE_PARAMS", "NULLABLE", "CASE_SENSITIVE", "SEARCHABLE", "UNSIGNED_ATTRIBUTE", "FIXED_PREC_SCALE",
            "AUTO_INCREMENT", "LOCAL_TYPE_NAME", "MINIMUM_SCALE", "MAXIMUM_SCALE", "SQL_DATA_TYPE",
            "SQL_DATETIME_SUB", "NUM_PREC_RADIX"}, rows);
    }

    private static Object[] typeRow(String name, int type, long precision) {
        boolean text = type == Types.VARCHAR;
        return new Object[] {name, (long) type, precision, text ? "'" : null, text ? "'" : null, null,
            (long) typeNullable, text ? 1L : 0L, (long) typeSearchable, 0L, 0L, type == Types.INTEGER ? 1L : 0L,
            null, 0L, 0L, 0L, 0L, 10L};
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        return empty("TABLE_SCHEM", "TABLE_CATALOG");
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        return getSchemas();
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        return empty("TABLE_CAT");
    }

    // ---- things SQLite does not have: empty results with the JDBC columns ----

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
            throws SQLException {
        return empty("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "RESERVED1", "RESERVED2", "RESERVED3",
                "REMARKS", "PROCEDURE_TYPE", "SPECIFIC_NAME");
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
                                         String columnNamePattern) throws SQLException {
        return empty("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "COLUMN_NAME", "COLUMN_TYPE", "DATA_TYPE",
                "TYPE_NAME", "PRECISION", "LENGTH", "SCALE", "RADIX", "NULLABLE", "REMARKS", "COLUMN_DEF",
                "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE",
                "SPECIFIC_NAME");
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern)
            throws SQLException {
        return empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE",
                "IS_GRANTABLE");
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        return empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE", "IS_GRANTABLE");
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
            throws SQLException {
        return empty("SCOPE", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH",
                "DECIMAL_DIGITS", "PSEUDO_COLUMN");
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        return empty("SCOPE", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH",
                "DECIMAL_DIGITS", "PSEUDO_COLUMN");
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types)
            throws SQLException {
        return empty("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "CLASS_NAME", "DATA_TYPE", "REMARKS", "BASE_TYPE");
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
        return empty("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SUPERTYPE_CAT", "SUPERTYPE_SCHEM", "SUPERTYPE_NAME");
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        return empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "SUPERTABLE_NAME");
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
                                   String attributeNamePattern) throws SQLException {
        return empty("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "ATTR_NAME", "DATA_TYPE", "ATTR_TYPE_NAME", "ATTR_SIZE",
                "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE", "REMARKS", "ATTR_DEF", "SQL_DATA_TYPE",
                "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE", "SCOPE_CATALOG",
                "SCOPE_SCHEMA", "SCOPE_TABLE", "SOURCE_DATA_TYPE");
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        return empty("NAME", "MAX_LEN", "DEFAULT_VALUE", "DESCRIPTION");
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
            throws SQLException {
        return empty("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "REMARKS", "FUNCTION_TYPE", "SPECIFIC_NAME");
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
                                        String columnNamePattern) throws SQLException {
        return empty("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "COLUMN_NAME", "COLUMN_TYPE", "DATA_TYPE",
                "TYPE_NAME", "PRECISION", "LENGTH", "SCALE", "RADIX", "NULLABLE", "REMARKS", "CHAR_OCTET_LENGTH",
                "ORDINAL_POSITION", "IS_NULLABLE", "SPECIFIC_NAME");
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
                                      String columnNamePattern) throws SQLException {
        return empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "COLUMN_SIZE",
                "DECIMAL_DIGITS", "NUM_PREC_RADIX", "COLUMN_USAGE", "REMARKS", "CHAR_OCTET_LENGTH", "IS_NULLABLE");
    }

    // ---- product and driver ----

    @Override
    public String getDatabaseProductName() {
        return "SQLite";
    }

    @Override
    public String getDatabaseProductVersion() throws SQLException {
        return connection.extensions().libVersion();
    }

    @Override
    public int getDatabaseMajorVersion() {
        return SqliteDriver.MAJOR_VERSION;
    }

    @Override
    public int getDatabaseMinorVersion() {
        return SqliteDriver.MINOR_VERSION;
    }

    @Override
    public String getDriverName() {
        return "SQLite JDBC";
    }

    @Override
    public String getDriverVersion() {
        return SqliteDriver.VERSION;
    }

    @Override
    public int getDriverMajorVersion() {
        return SqliteDriver.MAJOR_VERSION;
    }

    @Override
    public int getDriverMinorVersion() {
        return SqliteDriver.MINOR_VERSION;
    }

    @Override
    public int getJDBCMajorVersion() {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() {
        return 3;
    }

    @Override
    public String getURL() {
        return connection.url();
    }

    @Override
    public String getUserName() {
        return null;
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return connection.isReadOnly();
    }

    // ---- SQL dialect ----

    @Override
    public String getIdentifierQuoteString() {
        return "\"";
    }

    @Override
    public String getSQLKeywords() {
        return "ABORT,ACTION,AFTER,ANALYZE,ATTACH,AUTOINCREMENT,CONFLICT,DATABASE,DETACH,EXCLUSIVE,EXPLAIN,FAIL,"
                + "GLOB,IGNORE,INDEX,INDEXED,INSTEAD,ISNULL,KEY,LIMIT,NOTNULL,OFFSET,PLAN,PRAGMA,QUERY,RAISE,"
                + "REGEXP,REINDEX,RENAME,REPLACE,TEMP,VACUUM,VIRTUAL";
    }

    @Override
    public String getNumericFunctions() {
        return "abs,acos,asin,atan,atan2,ceil,cos,degrees,exp,floor,ln,log,log10,log2,max,min,mod,pi,pow,power,"
                + "radians,random,round,sign,sin,sqrt,tan,trunc";
    }

    @Override
    public String getStringFunctions() {
        return "char,concat,concat_ws,format,glob,hex,instr,length,like,lower,ltrim,octet_length,printf,quote,"
                + "replace,rtrim,soundex,substr,substring,trim,unhex,unicode,upper";
    }

    @Override
    public String getSystemFunctions() {
        return "changes,coalesce,ifnull,iif,last_insert_rowid,nullif,sqlite_version,total_changes,typeof";
    }

    @Override
    public String getTimeDateFunctions() {
        return "date,time,datetime,julianday,strftime,unixepoch,timediff";
    }

    @Override
    public String getSearchStringEscape() {
        return "\\";
    }

    @Override
    public String getExtraNameCharacters() {
        return "";
    }

    @Override
    public String getSchemaTerm() {
        return "schema";
    }

    @Override
    public String getProcedureTerm() {
        return "procedure";
    }

    @Override
    public String getCatalogTerm() {
        return "catalog";
    }

    @Override
    public String getCatalogSeparator() {
        return ".";
    }

    @Override
    public int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_SERIALIZABLE;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getSQLStateType() {
        return sqlStateSQL;
    }

    @Override
    public RowIdLifetime getRowIdLifetime() {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    // ---- limits: 0 means no limit or unknown ----

    @Override
    public int getMaxBinaryLiteralLength() {
        return 0;
    }

    @Override
    public int getMaxCharLiteralLength() {
        return 0;
    }

    @Override
    public int getMaxColumnNameLength() {
        return 0;
    }

    @Override
    public int getMaxColumnsInGroupBy() {
        return 0;
    }

    @Override
    public int getMaxColumnsInIndex() {
        return 0;
    }

    @Override
    public int getMaxColumnsInOrderBy() {
        return 0;
    }

    @Override
    public int getMaxColumnsInSelect() {
        return 0;
    }

    @Override
    public int getMaxColumnsInTable() {
        return 0;
    }

    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public int getMaxCursorNameLength() {
        return 0;
    }

    @Override
    public int getMaxIndexLength() {
        return 0;
    }

    @Override
    public int getMaxSchemaNameLength() {
        return 0;
    }

    @Override
    public int getMaxProcedureNameLength() {
        return 0;
    }

    @Override
    public int getMaxCatalogNameLength() {
        return 0;
    }

    @Override
    public int getMaxRowSize() {
        return 0;
    }

    @Override
    public int getMaxStatementLength() {
        return 0;
    }

    @Override
    public int getMaxStatements() {
        return 0;
    }

    @Override
    public int getMaxTableNameLength() {
        return 0;
    }

    @Override
    public int getMaxTablesInSelect() {
        return 0;
    }

    @Override
    public int getMaxUserNameLength() {
        return 0;
    }

    // ---- what SQLite supports ----

    @Override
    public boolean allProceduresAreCallable() {
        return false;
    }

    @Override
    public boolean allTablesAreSelectable() {
        return true;
    }

    @Override
    public boolean nullsAreSortedHigh() {
        return false;
    }

    @Override
    public boolean nullsAreSortedLow() {
        return true; // NULL is smaller than any value
    }

    @Override
    public boolean nullsAreSortedAtStart() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtEnd() {
        return false;
    }

    @Override
    public boolean usesLocalFiles() {
        return true;
    }

    @Override
    public boolean usesLocalFilePerTable() {
        return false;
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesUpperCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesLowerCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() {
        return true;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() {
        return true;
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() {
        return true;
    }

    @Override
    public boolean supportsColumnAliasing() {
        return true;
    }

    @Override
    public boolean nullPlusNonNullIsNull() {
        return true;
    }

    @Override
    public boolean supportsConvert() {
        return false;
    }

    @Override
    public boolean supportsConvert(int fromType, int toType) {
        return false;
    }

    @Override
    public boolean supportsTableCorrelationNames() {
        return true;
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() {
        return false;
    }

    @Override
    public boolean supportsExpressionsInOrderBy() {
        return true;
    }

    @Override
    public boolean supportsOrderByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsGroupBy() {
        return true;
    }

    @Override
    public boolean supportsGroupByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsGroupByBeyondSelect() {
        return true;
    }

    @Override
    public boolean supportsLikeEscapeClause() {
        return true;
    }

    @Override
    public boolean supportsMultipleResultSets() {
        return true;
    }

    @Override
    public boolean supportsMultipleTransactions() {
        return true;
    }

    @Override
    public boolean supportsNonNullableColumns() {
        return true;
    }

    @Override
    public boolean supportsMinimumSQLGrammar() {
        return true;
    }

    @Override
    public boolean supportsCoreSQLGrammar() {
        return true;
    }

    @Override
    public boolean supportsExtendedSQLGrammar() {
        return false;
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() {
        return false;
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() {
        return false;
    }

    @Override
    public boolean supportsANSI92FullSQL() {
        return false;
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility() {
        return true;
    }

    @Override
    public boolean supportsOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsFullOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsLimitedOuterJoins() {
        return true;
    }

    @Override
    public boolean isCatalogAtStart() {
        return false;
    }

    @Override
    public boolean supportsSchemasInDataManipulation() {
        return false;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() {
        return false;
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean supportsPositionedDelete() {
        return false;
    }

    @Override
    public boolean supportsPositionedUpdate() {
        return false;
    }

    @Override
    public boolean supportsSelectForUpdate() {
        return false;
    }

    @Override
    public boolean supportsStoredProcedures() {
        return false;
    }

    @Override
    public boolean supportsSubqueriesInComparisons() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInExists() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInIns() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() {
        return false;
    }

    @Override
    public boolean supportsCorrelatedSubqueries() {
        return true;
    }

    @Override
    public boolean supportsUnion() {
        return true;
    }

    @Override
    public boolean supportsUnionAll() {
        return true;
    }

    @Override
    public boolean supportsOpenCursorsAcrossCommit() {
        return false;
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() {
        return false;
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit() {
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback() {
        return true;
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() {
        return false;
    }

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level == Connection.TRANSACTION_SERIALIZABLE || level == Connection.TRANSACTION_READ_UNCOMMITTED;
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() {
        return true;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() {
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() {
        return false;
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() {
        return false;
    }

    @Override
    public boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean ownUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean updatesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean deletesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean insertsAreDetected(int type) {
        return false;
    }

    @Override
    public boolean supportsBatchUpdates() {
        return true;
    }

    @Override
    public boolean supportsSavepoints() {
        return true;
    }

    @Override
    public boolean supportsNamedParameters() {
        return false;
    }

    @Override
    public boolean supportsMultipleOpenResults() {
        return false;
    }

    @Override
    public boolean supportsGetGeneratedKeys() {
        return true;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public boolean locatorsUpdateCopy() {
        return true;
    }

    @Override
    public boolean supportsStatementPooling() {
        return false;
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() {
        return false;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() {
        return false;
    }

    @Override
    public boolean generatedKeyAlwaysReturned() {
        return false;
    }
}
