package dev.pyplugins.sample.store;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Preference;
import dev.pyplugins.sample.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Users' preferences (table {@code preferences}): a value per user, category and name. */
public final class PreferenceStore {
  private final Database database;

  public PreferenceStore(Database database) {
    this.database = database;
  }

  public Preference get(String userId, String category, String name) {
    return database.queryOne("SELECT * FROM preferences WHERE user_id = ? AND category = ? AND name = ?",
        PreferenceStore::map, userId, category, name).orElseThrow(() -> AppErrorException.notFound(
            "app.preference.get.app_error", "No preference " + category + "/" + name + " for user '" + userId + "'."));
  }

  /** All of the user's preferences, by category and name. */
  public List<Preference> forUser(String userId) {
    return database.query("SELECT * FROM preferences WHERE user_id = ? ORDER BY category, name",
        PreferenceStore::map, userId);
  }

  /** Saves the preferences (all in one transaction); each must belong to {@code userId}. */
  public void save(String userId, List<Preference> preferences) {
    checkOwner(userId, preferences);
    database.transaction(tx -> {
      for (Preference p : preferences) {
        if (p.getCategory().isEmpty() || p.getName().isEmpty() || p.getCategory().length() > 32
            || p.getName().length() > 32) {
          throw AppErrorException.badRequest("model.preference.is_valid.app_error",
              "A preference needs a category and a name of 1 to 32 characters.");
        }
        if (tx.update("UPDATE preferences SET val = ? WHERE user_id = ? AND category = ? AND name = ?", p.getValue(),
            userId, p.getCategory(), p.getName()) == 0) {
          tx.update("INSERT INTO preferences (user_id, category, name, val) VALUES (?, ?, ?, ?)", userId,
              p.getCategory(), p.getName(), p.getValue());
        }
      }
      return null;
    });
  }

  /** Deletes the preferences named (their values do not matter). */
  public void delete(String userId, List<Preference> preferences) {
    checkOwner(userId, preferences);
    database.transaction(tx -> {
      for (Preference p : preferences) {
        tx.update("DELETE FROM preferences WHERE user_id = ? AND category = ? AND name = ?", userId, p.getCategory(),
            p.getName());
      }
      return null;
    });
  }

  private static void checkOwner(String userId, List<Preference> preferences) {
    for (Preference p : preferences) {
      if (!p.getUserId().isEmpty() && !p.getUserId().equals(userId)) {
        throw AppErrorException.badRequest("api.preference.update_preferences.set.app_error",
            "Preference " + p.getCategory() + "/" + p.getName() + " belongs to another user.");
      }
    }
  }

  private static Preference map(ResultSet row) throws SQLException {
    return Preference.newBuilder().setUserId(row.getString("user_id")).setCategory(row.getString("category"))
        .setName(row.getString("name")).setValue(row.getString("val")).build();
  }
}
