package dev.sqlitejvm.tck.frameworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring JDBC on the driver, and a Spring Boot-style data source: only a {@code jdbc:sqlite:} URL,
 * with the driver class left to Spring Boot's detection (which names {@code org.sqlite.JDBC}).
 */
class SpringJdbcTest {
    @TempDir
    Path dir;

    /** What Spring Boot's auto-configuration does with spring.datasource.url alone. */
    @Test
    void springBootStyleDataSourceFromTheUrlAlone() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("boot.db");
        assertEquals(DatabaseDriver.SQLITE, DatabaseDriver.fromJdbcUrl(url));
        assertEquals("org.sqlite.JDBC", DatabaseDriver.fromJdbcUrl(url).getDriverClassName());

        DataSource dataSource = DataSourceBuilder.create().url(url).build();
        assertTrue(dataSource instanceof HikariDataSource, dataSource.getClass().getName());
        HikariDataSource hikari = (HikariDataSource) dataSource;
        try {
            assertEquals("org.sqlite.JDBC", hikari.getDriverClassName(), "detected, not configured");
            JdbcTemplate jdbc = new JdbcTemplate(hikari);
            jdbc.execute("create table greeting(id integer primary key, text text not null)");
            jdbc.update("insert into greeting(text) values (?)", "hello");
            assertEquals("hello", jdbc.queryForObject("select text from greeting where id = 1", String.class));
            assertEquals("3.54.1", jdbc.queryForObject("select sqlite_version()", String.class));
            try (Connection conn = hikari.getConnection()) {
                // Through the pool's proxy, to the xerial class the compat module provides.
                assertTrue(conn.isWrapperFor(org.sqlite.SQLiteConnection.class));
                assertEquals("3.54.1", conn.unwrap(org.sqlite.SQLiteConnection.class).libversion());
            }
        } finally {
            hikari.close();
        }
    }

    @Test
    void jdbcTemplateTransactionsAndExceptionTranslation() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:sqlite:" + dir.resolve("spring.db"));
        dataSource.setDriverClassName("org.sqlite.JDBC");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table person(id integer primary key autoincrement, email text not null unique,"
                + " name text, age integer)");

        SimpleJdbcInsert insert = new SimpleJdbcInsert(jdbc).withTableName("person").usingGeneratedKeyColumns("id");
        Number first = insert.executeAndReturnKey(Map.of("email", "ada@example.org", "name", "Ada", "age", 36));
        Number second = insert.executeAndReturnKey(Map.of("email", "alan@example.org", "name", "Alan", "age", 41));
        assertEquals(1L, first.longValue());
        assertEquals(2L, second.longValue());

        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        named.update("insert into person(email, name, age) values (:email, :name, :age)",
                new MapSqlParameterSource().addValue("email", "grace@example.org").addValue("name", "Grace")
                        .addValue("age", 85), keys, new String[] {"id"});
        assertEquals(3L, keys.getKey().longValue());

        int[][] batch = jdbc.batchUpdate("insert into person(email, name, age) values (?, ?, ?)",
                List.of(new Object[] {"b1@x", "B1", 20}, new Object[] {"b2@x", "B2", 30}, new Object[] {"b3@x", "B3", 40}),
                2, (ps, row) -> {
                    ps.setString(1, (String) row[0]);
                    ps.setString(2, (String) row[1]);
                    ps.setInt(3, (Integer) row[2]);
                });
        assertEquals(2, batch.length);
        assertEquals(6, jdbc.queryForObject("select count(*) from person", Integer.class));

        List<String> older = named.queryForList("select name from person where age > :age order by age",
                Map.of("age", 35), String.class);
        assertEquals(List.of("Ada", "B3", "Alan", "Grace"), older);
        Map<String, Object> ada = jdbc.queryForMap("select * from person where id = ?", 1);
        assertEquals("ada@example.org", ada.get("email"));
        assertEquals(36, ((Number) ada.get("age")).intValue());

        // Spring's translation from the driver's SQLState: a unique violation is a DataIntegrityViolationException.
        DataIntegrityViolationException duplicate = assertThrows(DataIntegrityViolationException.class,
                () -> jdbc.update("insert into person(email) values ('ada@example.org')"));
        assertTrue(duplicate.getMessage().contains("UNIQUE constraint failed: person.email"), duplicate.getMessage());

        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        assertThrows(IllegalStateException.class, () -> tx.executeWithoutResult(status -> {
            jdbc.update("update person set age = age + 1");
            jdbc.update("delete from person where id > 3");
            throw new IllegalStateException("roll back");
        }));
        assertEquals(6, jdbc.queryForObject("select count(*) from person", Integer.class));
        assertEquals(36, jdbc.queryForObject("select age from person where id = 1", Integer.class));

        Integer committed = tx.execute(status -> jdbc.update("update person set age = age + 1 where age < 40"));
        assertEquals(3, committed);
        tx.executeWithoutResult(status -> {
            jdbc.update("insert into person(email) values ('inner@x')");
            status.setRollbackOnly();
        });
        assertEquals(0, jdbc.queryForObject("select count(*) from person where email = 'inner@x'", Integer.class));
        assertEquals(List.of(21, 31, 37), jdbc.queryForList("select age from person where age < 40 order by age", Integer.class));
    }
}
