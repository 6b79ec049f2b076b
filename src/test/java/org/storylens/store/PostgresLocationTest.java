package org.storylens.store;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresLocationTest {

    private static final Map<String, String> NO_ENV = Map.of();

    @Test
    void readsUserPasswordHostPortAndDatabaseFromAPostgresqlUrl() {
        PostgresLocation where = PostgresLocation.parse("postgresql://ana:p%40ss@db.example.org:6543/news", NO_ENV);
        assertThat(where.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.org:6543/news");
        assertThat(where.user()).isEqualTo("ana");
        assertThat(where.password()).isEqualTo("p@ss");
        assertThat(where.shown()).isEqualTo("postgresql://ana@db.example.org:6543/news").doesNotContain("p@ss");
        assertThat(where.toString()).doesNotContain("ss");
    }

    @Test
    void readsAJdbcUrlTakingUserAndPasswordOutOfItsParametersAndKeepingTheRest() {
        PostgresLocation where = PostgresLocation.parse(
                "jdbc:postgresql://localhost/news?user=ana&password=secret&sslmode=require", NO_ENV);
        assertThat(where.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/news?sslmode=require");
        assertThat(where.user()).isEqualTo("ana");
        assertThat(where.password()).isEqualTo("secret");
        assertThat(where.shown()).doesNotContain("secret");
    }

    @Test
    void takesUserAndPasswordFromTheVariablesWhenTheUrlHasNone() {
        PostgresLocation where = PostgresLocation.parse("postgres://localhost:5432/news",
                Map.of("STORYLENS_DB_USER", "svc", "STORYLENS_DB_PASSWORD", "from-env"));
        assertThat(where.user()).isEqualTo("svc");
        assertThat(where.password()).isEqualTo("from-env");
        assertThat(where.shown()).isEqualTo("postgresql://svc@localhost:5432/news");
        // the URL's own user wins
        assertThat(PostgresLocation.parse("postgresql://ana@localhost/news", Map.of("STORYLENS_DB_USER", "svc"))
                .user()).isEqualTo("ana");
    }

    @Test
    void tellsPostgresqlUrlsFromSqliteFiles() {
        assertThat(PostgresLocation.isPostgres("postgresql://h/db")).isTrue();
        assertThat(PostgresLocation.isPostgres("JDBC:PostgreSQL://h/db")).isTrue();
        assertThat(PostgresLocation.isPostgres("storylens-data/storylens.db")).isFalse();
        assertThat(PostgresLocation.isPostgres("postgresql.db")).isFalse();
    }

    @Test
    void aUrlWithoutHostOrDatabaseIsRefusedNamingItWithoutItsPassword() {
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql://ana:secret@db.example.org", NO_ENV))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgresql://ana:***@db.example.org").hasMessageContaining("no database name")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql:///news?password=secret", NO_ENV))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no host")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql:news", NO_ENV))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("postgresql:news");
    }

    @Test
    void storesOpensABadUrlAsAStoreErrorNamingIt() {
        assertThatThrownBy(() -> Stores.open("postgresql://ana:secret@db.example.org", NO_ENV, n -> { },
                Stores.LOCK_WAIT))
                .isInstanceOf(StoreException.class).hasMessageContaining("not a PostgreSQL URL")
                .hasMessageNotContaining("secret");
    }
}
