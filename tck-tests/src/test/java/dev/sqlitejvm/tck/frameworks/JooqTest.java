package dev.sqlitejvm.tck.frameworks;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jOOQ with {@link SQLDialect#SQLITE}, on a connection from DriverManager: DDL from the DSL,
 * INSERT ... RETURNING, batches, upsert (ON CONFLICT), group by / having, a window function,
 * transactions committed and rolled back, and a constraint violation.
 */
class JooqTest {
    private static final Table<Record> ITEM = table(name("item"));
    private static final Field<Long> ID = field(name("id"), SQLDataType.BIGINT.identity(true));
    private static final Field<String> SKU = field(name("sku"), SQLDataType.VARCHAR(20).nullable(false));
    private static final Field<String> CATEGORY = field(name("category"), SQLDataType.VARCHAR(20));
    private static final Field<Integer> QTY = field(name("qty"), SQLDataType.INTEGER.nullable(false));
    private static final Field<BigDecimal> PRICE = field(name("price"), SQLDataType.DECIMAL(10, 2));

    @TempDir
    Path dir;

    @Test
    void dslOnSqlite() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("jooq.db");
        try (Connection conn = DriverManager.getConnection(url)) {
            DSLContext db = DSL.using(conn, SQLDialect.SQLITE);
            db.createTable(ITEM).column(ID).column(SKU).column(CATEGORY).column(QTY).column(PRICE)
                    .constraints(DSL.primaryKey(ID), DSL.unique(SKU)).execute();

            Record inserted = db.insertInto(ITEM, SKU, CATEGORY, QTY, PRICE)
                    .values("A-1", "tools", 3, new BigDecimal("9.99"))
                    .returningResult(ID, SKU).fetchOne();
            assertEquals(1L, inserted.get(ID));
            assertEquals("A-1", inserted.get(SKU));

            int[] batch = db.batch(
                    db.insertInto(ITEM, SKU, CATEGORY, QTY, PRICE).values("A-2", "tools", 5, new BigDecimal("4.50")),
                    db.insertInto(ITEM, SKU, CATEGORY, QTY, PRICE).values("B-1", "paint", 1, new BigDecimal("20.00")),
                    db.insertInto(ITEM, SKU, CATEGORY, QTY, PRICE).values("B-2", "paint", 7, new BigDecimal("3.25")))
                    .execute();
            assertEquals(3, batch.length);

            // Upsert: adds to qty when the sku exists.
            db.insertInto(ITEM, SKU, CATEGORY, QTY).values("A-1", "tools", 10)
                    .onConflict(SKU).doUpdate().set(QTY, QTY.plus(DSL.excluded(QTY))).execute();
            assertEquals(13, db.select(QTY).from(ITEM).where(SKU.eq("A-1")).fetchOne(QTY));

            Result<Record2<String, BigDecimal>> totals = db.select(CATEGORY, sum(QTY))
                    .from(ITEM).groupBy(CATEGORY).having(count().gt(1)).orderBy(CATEGORY).fetch();
            assertEquals(2, totals.size());
            assertEquals("paint", totals.get(0).value1());
            assertEquals(8, totals.get(0).value2().intValue());
            assertEquals(18, totals.get(1).value2().intValue());

            List<Integer> ranks = db.select(DSL.rank().over(DSL.partitionBy(CATEGORY).orderBy(QTY.desc())))
                    .from(ITEM).orderBy(SKU).fetch(0, Integer.class);
            assertEquals(List.of(1, 2, 2, 1), ranks);

            BigDecimal value = db.select(sum(PRICE.times(QTY))).from(ITEM).fetchOne(0, BigDecimal.class);
            assertEquals(0, new BigDecimal("195.12").compareTo(value.setScale(2, java.math.RoundingMode.HALF_UP)), value.toString());

            // Transactions through jOOQ: one commits, one rolls back on an exception.
            db.transaction(cfg -> DSL.using(cfg).update(ITEM).set(QTY, 0).where(SKU.eq("B-1")).execute());
            assertThrows(IllegalStateException.class, () -> db.transaction(cfg -> {
                DSL.using(cfg).deleteFrom(ITEM).execute();
                throw new IllegalStateException("abort");
            }));
            assertEquals(4, db.fetchCount(ITEM));
            assertEquals(0, db.select(QTY).from(ITEM).where(SKU.eq("B-1")).fetchOne(QTY));

            DataAccessException duplicate = assertThrows(DataAccessException.class,
                    () -> db.insertInto(ITEM, SKU, QTY).values("A-2", 1).execute());
            assertTrue(duplicate instanceof IntegrityConstraintViolationException
                    || duplicate.getMessage().contains("UNIQUE constraint failed"), duplicate.toString());
            assertTrue(duplicate.getMessage().contains("UNIQUE constraint failed: item.sku"), duplicate.getMessage());

            assertEquals(List.of("A-1", "A-2", "B-1", "B-2"),
                    db.select(SKU).from(ITEM).orderBy(SKU).fetch(SKU));
            assertEquals("SQLite", conn.getMetaData().getDatabaseProductName());
        }
    }
}
