package dev.sqlitejvm.tck.frameworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate ORM 6 with the community SQLiteDialect, configured the way its users do: a
 * {@code jdbc:sqlite:} URL and {@code org.sqlite.JDBC} as the driver class. Schema generation,
 * identity and table-emulated sequence ids, a one-to-many relation with cascade and orphan removal,
 * HQL joins and aggregates, java.time and BigDecimal columns, optimistic locking, rollback, and
 * constraint violations translated by the dialect.
 */
class HibernateTest {
    @Entity(name = "Author")
    @Table(name = "author")
    public static class Author {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        @Column(nullable = false, unique = true)
        String name;

        @OneToMany(mappedBy = "author", cascade = CascadeType.ALL, orphanRemoval = true)
        List<Book> books = new ArrayList<>();

        @Version
        int version;

        public Author() {
        }

        Author(String name) {
            this.name = name;
        }

        void add(Book book) {
            books.add(book);
            book.author = this;
        }
    }

    @Entity(name = "Book")
    @Table(name = "book")
    public static class Book {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        @Column(nullable = false)
        String title;

        int pages;

        @Column(precision = 10, scale = 2)
        BigDecimal price;

        LocalDate published;

        @ManyToOne(fetch = FetchType.LAZY, optional = false)
        @JoinColumn(name = "author_id")
        Author author;

        public Book() {
        }

        Book(String title, int pages, String price, LocalDate published) {
            this.title = title;
            this.pages = pages;
            this.price = new BigDecimal(price);
            this.published = published;
        }
    }

    /** An id from a table-emulated sequence (SQLite has no sequences). */
    @Entity(name = "Tag")
    @Table(name = "tag")
    public static class Tag {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;

        String label;

        public Tag() {
        }

        Tag(String label) {
            this.label = label;
        }
    }

    @TempDir
    Path dir;
    private String url;
    private SessionFactory factory;

    @BeforeEach
    void open() {
        url = "jdbc:sqlite:" + dir.resolve("hibernate.db");
        factory = new Configuration()
                .addAnnotatedClass(Author.class)
                .addAnnotatedClass(Book.class)
                .addAnnotatedClass(Tag.class)
                .setProperty("hibernate.connection.driver_class", "org.sqlite.JDBC")
                .setProperty("hibernate.connection.url", url)
                .setProperty("hibernate.connection.pool_size", "4")
                .setProperty("hibernate.dialect", "org.hibernate.community.dialect.SQLiteDialect")
                .setProperty("hibernate.hbm2ddl.auto", "create")
                .setProperty("hibernate.show_sql", "false")
                .buildSessionFactory();
    }

    @AfterEach
    void close() {
        if (factory != null) {
            factory.close();
        }
    }

    private long tolkienId() {
        return factory.fromTransaction(session -> {
            Author tolkien = new Author("Tolkien");
            tolkien.add(new Book("The Hobbit", 310, "12.50", LocalDate.of(1937, 9, 21)));
            tolkien.add(new Book("The Fellowship of the Ring", 423, "19.99", LocalDate.of(1954, 7, 29)));
            tolkien.add(new Book("The Two Towers", 352, "18.75", LocalDate.of(1954, 11, 11)));
            session.persist(tolkien);
            Author leGuin = new Author("Le Guin");
            leGuin.add(new Book("A Wizard of Earthsea", 183, "9.10", LocalDate.of(1968, 11, 1)));
            session.persist(leGuin);
            return tolkien.id;
        });
    }

    @Test
    void entitiesRelationsAndQueries() throws Exception {
        long id = tolkienId();

        factory.inSession(session -> {
            Author tolkien = session.createQuery(
                    "select a from Author a join fetch a.books where a.name = :name", Author.class)
                    .setParameter("name", "Tolkien").getSingleResult();
            assertEquals(id, tolkien.id);
            assertEquals(3, tolkien.books.size());
            Set<Long> ids = new TreeSet<>();
            for (Book book : tolkien.books) {
                assertNotNull(book.id);
                ids.add(book.id);
            }
            assertEquals(3, ids.size(), "generated ids are distinct");

            Book hobbit = session.createQuery("from Book where title = 'The Hobbit'", Book.class).getSingleResult();
            assertEquals(LocalDate.of(1937, 9, 21), hobbit.published);
            assertEquals(0, new BigDecimal("12.50").compareTo(hobbit.price));
            assertEquals("Tolkien", hobbit.author.name); // lazy load through the proxy

            Object[] totals = session.createQuery(
                    "select count(b), sum(b.pages), max(b.published) from Book b where b.author.name = :n", Object[].class)
                    .setParameter("n", "Tolkien").getSingleResult();
            assertEquals(3L, totals[0]);
            assertEquals(1085L, ((Number) totals[1]).longValue());
            assertEquals(LocalDate.of(1954, 11, 11), totals[2]);

            List<Object[]> perAuthor = session.createQuery(
                    "select a.name, count(b) from Author a join a.books b group by a.name order by a.name", Object[].class)
                    .getResultList();
            assertEquals(2, perAuthor.size());
            assertEquals("Le Guin", perAuthor.get(0)[0]);
            assertEquals(1L, perAuthor.get(0)[1]);
            assertEquals(3L, perAuthor.get(1)[1]);

            List<String> since1950 = session.createQuery(
                    "select b.title from Book b where b.published >= :d order by b.published", String.class)
                    .setParameter("d", LocalDate.of(1950, 1, 1)).getResultList();
            assertEquals(List.of("The Fellowship of the Ring", "The Two Towers", "A Wizard of Earthsea"), since1950);
        });

        // Orphan removal and cascade delete, seen in the database through plain JDBC.
        factory.inTransaction(session -> {
            Author tolkien = session.find(Author.class, id);
            tolkien.books.removeIf(b -> b.title.equals("The Two Towers"));
        });
        assertEquals(3, count("select count(*) from book"));
        factory.inTransaction(session -> session.remove(session.find(Author.class, id)));
        assertEquals(1, count("select count(*) from book"));
        assertEquals(1, count("select count(*) from author"));
    }

    @Test
    void transactionsRollBackAndVersionsCheck() throws Exception {
        long id = tolkienId();
        Session session = factory.openSession();
        try {
            session.beginTransaction();
            // The table-emulated sequence runs on a second connection: with a rollback journal it
            // must write before this transaction holds a read lock (as with any SQLite driver).
            session.persist(new Tag("draft"));
            Author tolkien = session.find(Author.class, id);
            tolkien.name = "J.R.R. Tolkien";
            session.flush();
            session.getTransaction().rollback();
        } finally {
            session.close();
        }
        assertEquals("Tolkien", factory.fromSession(s -> s.find(Author.class, id).name));
        assertEquals(0, count("select count(*) from tag"));

        // Optimistic locking: a stale copy fails to update.
        Author stale = factory.fromSession(s -> s.find(Author.class, id));
        factory.inTransaction(s -> s.find(Author.class, id).name = "JRR Tolkien");
        assertThrows(jakarta.persistence.OptimisticLockException.class, () -> factory.inTransaction(s -> {
            stale.name = "lost update";
            s.merge(stale);
        }));
        assertEquals("JRR Tolkien", factory.fromSession(s -> s.find(Author.class, id).name));
        assertEquals(Integer.valueOf(1), factory.fromSession(s -> (Integer) s.find(Author.class, id).version));
    }

    @Test
    void sequenceIdsAndConstraintViolations() throws Exception {
        tolkienId();
        List<Long> ids = factory.fromTransaction(session -> {
            List<Long> made = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Tag tag = new Tag("t" + i);
                session.persist(tag);
                made.add(tag.id);
            }
            return made;
        });
        assertEquals(60, new TreeSet<>(ids).size());
        assertEquals(60, count("select count(distinct id) from tag"));

        // A duplicate unique name: the dialect turns SQLITE_CONSTRAINT into ConstraintViolationException.
        ConstraintViolationException duplicate = assertThrows(ConstraintViolationException.class,
                () -> factory.inTransaction(session -> {
                    session.persist(new Author("Tolkien"));
                    session.flush();
                }));
        assertEquals(19, duplicate.getSQLException().getErrorCode());
        assertEquals(2, count("select count(*) from author"));

        // The schema Hibernate generated is in the file.
        try (Connection conn = DriverManager.getConnection(url);
             ResultSet rs = conn.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            Set<String> tables = new TreeSet<>();
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
            assertTrue(tables.containsAll(Set.of("author", "book", "tag")), tables.toString());
        }
        assertNotEquals(0, count("select count(*) from pragma_index_list('author')"));
    }

    private long count(String sql) throws Exception {
        try (Connection conn = DriverManager.getConnection(url);
             ResultSet rs = conn.createStatement().executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }
}
