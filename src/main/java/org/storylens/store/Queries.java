package org.storylens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads of one text column that several tables make; a failure names the database and what was read. */
final class Queries {

    private Queries() {
    }

    /** The first row's text for the one parameter, or empty when no row is found. */
    static Optional<String> firstString(String database, Connection c, String sql, String parameter, String what)
            throws StoreException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, parameter);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(database + ": cannot " + what + " " + parameter + ": " + e.getMessage(), e);
        }
    }

    /** Every row's text; {@code limit} is bound as the one parameter unless negative. */
    static List<String> strings(String database, Connection c, String sql, int limit, String what) throws StoreException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            if (limit >= 0) {
                p.setInt(1, limit);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException(database + ": cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
