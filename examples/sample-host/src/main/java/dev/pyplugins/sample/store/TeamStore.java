package dev.pyplugins.sample.store;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Team;
import dev.pyplugins.protocol.v1.TeamMember;
import dev.pyplugins.sample.db.DataAccessException;
import dev.pyplugins.sample.db.Ids;
import dev.pyplugins.sample.db.ProtoJson;
import dev.pyplugins.sample.db.Rows;
import dev.pyplugins.sample.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Teams and their members (tables {@code teams}, {@code team_members}). */
public final class TeamStore {
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{1,63}");

  private final Sql sql;

  public TeamStore(Sql sql) {
    this.sql = sql;
  }

  /** Saves a new team: a unique URL name (lowercased), a display name, type 'O' (open) unless 'I' is given. */
  public Team create(Team team) {
    long now = System.currentTimeMillis();
    String name = team.getName().toLowerCase(Locale.ROOT);
    if (!NAME.matcher(name).matches()) {
      throw AppErrorException.badRequest("model.team.is_valid.url.app_error", "Team name '" + team.getName()
          + "' must be 2 to 64 characters: lowercase letters, digits, '-' or '_'.");
    }
    Team saved = team.toBuilder().setId(Ids.newId()).setName(name).setCreateAt(now).setUpdateAt(now).setDeleteAt(0)
        .setDisplayName(team.getDisplayName().isEmpty() ? name : team.getDisplayName())
        .setType(team.getType().equals("I") ? "I" : "O").build();
    try {
      sql.update("INSERT INTO teams (id, name, delete_at, data) VALUES (?, ?, ?, ?)", saved.getId(), saved.getName(),
          saved.getDeleteAt(), ProtoJson.write(saved));
    } catch (DataAccessException e) {
      throw e.isUniqueViolation() ? AppErrorException.badRequest("store.sql_team.save_team.existing.app_error",
          "A team named '" + name + "' already exists.") : e;
    }
    return saved;
  }

  public Team get(String id) {
    return sql.queryOne("SELECT data FROM teams WHERE id = ?", TeamStore::map, id)
        .orElseThrow(() -> AppErrorException.notFound("app.team.get.find.app_error", "No team with id '" + id + "'."));
  }

  public Team getByName(String name) {
    return sql.queryOne("SELECT data FROM teams WHERE name = ?", TeamStore::map, name.toLowerCase(Locale.ROOT))
        .orElseThrow(() -> AppErrorException.notFound("app.team.get_by_name.missing.app_error",
            "No team named '" + name + "'."));
  }

  /** Every team that is not deleted, by name. */
  public List<Team> list() {
    return sql.query("SELECT data FROM teams WHERE delete_at = 0 ORDER BY name", TeamStore::map);
  }

  /** The teams {@code userId} is a member of, by name. */
  public List<Team> forUser(String userId) {
    return sql.query("SELECT t.data FROM teams t JOIN team_members m ON m.team_id = t.id "
        + "WHERE m.user_id = ? AND m.delete_at = 0 AND t.delete_at = 0 ORDER BY t.name", TeamStore::map, userId);
  }

  /** Replaces the team's display fields; id, name and create_at stay. */
  public Team update(Team team) {
    Team current = get(team.getId());
    Team saved = team.toBuilder().setName(current.getName()).setCreateAt(current.getCreateAt())
        .setUpdateAt(System.currentTimeMillis()).build();
    sql.update("UPDATE teams SET delete_at = ?, data = ? WHERE id = ?", saved.getDeleteAt(), ProtoJson.write(saved),
        saved.getId());
    return saved;
  }

  /** Archives the team (delete_at = now). */
  public void delete(String id) {
    update(get(id).toBuilder().setDeleteAt(System.currentTimeMillis()).build());
  }

  /** Adds {@code userId} to the team (again, if they had left); the membership and whether it is new. */
  public Joined addMember(String teamId, String userId) {
    get(teamId);
    Optional<TeamMember> existing = findMember(teamId, userId);
    if (existing.isPresent() && existing.get().getDeleteAt() == 0) {
      return new Joined(existing.get(), false);
    }
    TeamMember member = TeamMember.newBuilder().setTeamId(teamId).setUserId(userId).setRoles("team_user")
        .setSchemeUser(true).setCreateAt(System.currentTimeMillis()).build();
    if (existing.isPresent()) {
      sql.update("UPDATE team_members SET delete_at = 0, data = ? WHERE team_id = ? AND user_id = ?",
          ProtoJson.write(member), teamId, userId);
    } else {
      sql.update("INSERT INTO team_members (team_id, user_id, delete_at, data) VALUES (?, ?, 0, ?)", teamId, userId,
          ProtoJson.write(member));
    }
    return new Joined(member, true);
  }

  /** Marks the membership as left (delete_at = now); the membership as it was. */
  public TeamMember removeMember(String teamId, String userId) {
    TeamMember member = getMember(teamId, userId);
    TeamMember left = member.toBuilder().setDeleteAt(System.currentTimeMillis()).build();
    sql.update("UPDATE team_members SET delete_at = ?, data = ? WHERE team_id = ? AND user_id = ?",
        left.getDeleteAt(), ProtoJson.write(left), teamId, userId);
    return left;
  }

  public Optional<TeamMember> findMember(String teamId, String userId) {
    return sql.queryOne("SELECT data FROM team_members WHERE team_id = ? AND user_id = ?", TeamStore::mapMember,
        teamId, userId);
  }

  public TeamMember getMember(String teamId, String userId) {
    return findMember(teamId, userId).filter(m -> m.getDeleteAt() == 0).orElseThrow(() -> AppErrorException.notFound(
        "app.team.get_member.missing.app_error", "User '" + userId + "' is not a member of team '" + teamId + "'."));
  }

  /** A page of the team's current members. */
  public List<TeamMember> members(String teamId, int page, int perPage) {
    return sql.query("SELECT data FROM team_members WHERE team_id = ? AND delete_at = 0 ORDER BY user_id "
        + "LIMIT ? OFFSET ?", TeamStore::mapMember, teamId, perPage, Rows.offset(page, perPage));
  }

  /** The ids of the team's current members. */
  public List<String> memberIds(String teamId) {
    return sql.query("SELECT user_id FROM team_members WHERE team_id = ? AND delete_at = 0", row -> row.getString(1),
        teamId);
  }

  /** A page of the user's current team memberships. */
  public List<TeamMember> membershipsOf(String userId, int page, int perPage) {
    return sql.query("SELECT data FROM team_members WHERE user_id = ? AND delete_at = 0 ORDER BY team_id "
        + "LIMIT ? OFFSET ?", TeamStore::mapMember, userId, perPage, Rows.offset(page, perPage));
  }

  /** A membership and whether this call created it (the hook fires only then). */
  public record Joined(TeamMember member, boolean isNew) {
  }

  private static Team map(ResultSet row) throws SQLException {
    return ProtoJson.merge(row.getString("data"), Team.newBuilder()).build();
  }

  private static TeamMember mapMember(ResultSet row) throws SQLException {
    return ProtoJson.merge(row.getString("data"), TeamMember.newBuilder()).build();
  }
}
