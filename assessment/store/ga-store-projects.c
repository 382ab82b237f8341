/* ga-store-projects.c: the register of an enterprise's green-retrofit
 * projects (绿色化改造项目)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A project belongs to an enterprise. It is checked as a whole (every bad
 * field one line of the message, as an enterprise is) and saved in one
 * transaction; db check reads every row with the same checks.
 */
#include "config.h"

#include "ga-store-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

static const GaProjectType project_types[] = {
  { "energy", "节能", "Energy saving" },
  { "water", "节水", "Water saving" },
  { "pollution", "减污", "Pollution reduction" },
  { "carbon", "降碳", "Carbon reduction" },
  { "digital", "数字化", "Digitalisation" },
  { NULL, NULL, NULL },
};

static const struct {
  const char *id;
  const char *label_zh;
  const char *label_en;
} progresses[] = {
  [GA_PROJECT_PLANNED] = { "planned", "计划", "Planned" },
  [GA_PROJECT_IN_PROGRESS] = { "in-progress", "在建", "In progress" },
  [GA_PROJECT_DONE] = { "done", "已完成", "Completed" },
};

const GaProjectType *
ga_project_types (void)
{
  return project_types;
}

const GaProjectType *
ga_project_find_type (const char *id)
{
  for (guint i = 0; id != NULL && project_types[i].id != NULL; i++)
    if (strcmp (project_types[i].id, id) == 0 || strcmp (project_types[i].label_zh, id) == 0
        || g_ascii_strcasecmp (project_types[i].label_en, id) == 0)
      return &project_types[i];
  return NULL;
}

const char *
ga_project_progress_to_string (GaProjectProgress progress)
{
  g_return_val_if_fail (progress <= GA_PROJECT_DONE, NULL);
  return progresses[progress].id;
}

gboolean
ga_project_progress_from_string (const char        *text,
                                 GaProjectProgress *progress)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (progresses); i++)
    if (strcmp (progresses[i].id, text) == 0 || strcmp (progresses[i].label_zh, text) == 0
        || g_ascii_strcasecmp (progresses[i].label_en, text) == 0)
      {
        *progress = (GaProjectProgress) i;
        return TRUE;
      }
  return FALSE;
}

const char *
ga_project_progress_label (GaProjectProgress  progress,
                           const char        *language)
{
  g_return_val_if_fail (progress <= GA_PROJECT_DONE, NULL);
  return language != NULL && g_str_has_prefix (language, "en") ? progresses[progress].label_en
                                                               : progresses[progress].label_zh;
}

GaProject *
ga_project_new (void)
{
  GaProject *p = g_new0 (GaProject, 1);

  p->investment = NAN;
  p->energy_saving = NAN;
  p->co2_cut = NAN;
  p->water_saving = NAN;
  p->progress = GA_PROJECT_PLANNED;
  return p;
}

GaProject *
ga_project_copy (const GaProject *src)
{
  GaProject *p;

  if (src == NULL)
    return NULL;
  p = g_memdup2 (src, sizeof *src);
  p->uuid = g_strdup (src->uuid);
  p->name = g_strdup (src->name);
  p->type = g_strdup (src->type);
  p->content = g_strdup (src->content);
  p->start_on = g_strdup (src->start_on);
  p->end_on = g_strdup (src->end_on);
  p->note = g_strdup (src->note);
  p->created_at = g_strdup (src->created_at);
  p->updated_at = g_strdup (src->updated_at);
  return p;
}

void
ga_project_free (GaProject *p)
{
  if (p == NULL)
    return;
  g_free (p->uuid);
  g_free (p->name);
  g_free (p->type);
  g_free (p->content);
  g_free (p->start_on);
  g_free (p->end_on);
  g_free (p->note);
  g_free (p->created_at);
  g_free (p->updated_at);
  g_free (p);
}

/* ------------------------------------------------------------------ */
/* Checks                                                              */

static void
check_text (GString    *problems,
            const char *field,
            const char *value,
            glong       max_chars,
            gboolean    multiline)
{
  if (value == NULL)
    return;
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_string_append_printf (problems, _("The %s is not valid UTF-8 text\n"), field);
      return;
    }
  if (g_utf8_strlen (value, -1) > max_chars)
    g_string_append_printf (problems, _("The %s is longer than %ld characters\n"), field, max_chars);
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_iscntrl (ch) && !(multiline && (ch == '\n' || ch == '\t')))
        {
          g_string_append_printf (problems, multiline ? _("The %s holds the control character U+%04X;"
                                               " only line breaks and tabs may be in it\n")
                                             : _("The %s holds the control character U+%04X\n"),
                                  field, ch);
          return;
        }
    }
}

static void
check_figure (GString    *problems,
              const char *field,
              double      value)
{
  if (!isnan (value) && (!isfinite (value) || value < 0))
    g_string_append_printf (problems, _("The %s must be a finite number of at least 0, not %g\n"),
                            field, value);
}

/* YYYY-MM or YYYY-MM-DD, a real date of the years 1900 to 2200. */
static gboolean
valid_month_or_date (const char *text)
{
  gsize n = strlen (text);
  guint year, month, day = 1;

  if ((n != 7 && n != 10) || text[4] != '-' || (n == 10 && text[7] != '-'))
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  if (n == 10)
    day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  return year >= 1900 && year <= 2200 && g_date_valid_dmy (day, month, year);
}

static void
check_dates (GString         *problems,
             const GaProject *p)
{
  gboolean start_ok = p->start_on == NULL || valid_month_or_date (p->start_on);
  gboolean end_ok = p->end_on == NULL || valid_month_or_date (p->end_on);

  if (!start_ok)
    g_string_append_printf (problems, _("The start '%s' is not a month (YYYY-MM) or a date "
                              "(YYYY-MM-DD)\n"), p->start_on);
  if (!end_ok)
    g_string_append_printf (problems, _("The end '%s' is not a month (YYYY-MM) or a date "
                              "(YYYY-MM-DD)\n"), p->end_on);
  /* A month compares with a date by its first seven characters. */
  if (start_ok && end_ok && p->start_on != NULL && p->end_on != NULL
      && (strncmp (p->end_on, p->start_on, 7) < 0
          || (strlen (p->end_on) == 10 && strlen (p->start_on) == 10
              && strcmp (p->end_on, p->start_on) < 0)))
    g_string_append_printf (problems, _("The end %s is before the start %s\n"), p->end_on,
                            p->start_on);
}

/* *@field trimmed, and NULL when nothing is left. */
static void
trim_field (char **field)
{
  if (*field == NULL)
    return;
  g_strstrip (*field);
  if (**field == '\0')
    g_clear_pointer (field, g_free);
}

/* @in with its texts trimmed and empty ones NULL, as it is stored. */
static GaProject *
normalized (const GaProject *in)
{
  GaProject *p = ga_project_copy (in);

  trim_field (&p->name);
  trim_field (&p->type);
  trim_field (&p->content);
  trim_field (&p->start_on);
  trim_field (&p->end_on);
  trim_field (&p->note);
  return p;
}

static gboolean
validate_normalized (const GaProject  *p,
                     GError          **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  if (p->name == NULL)
    g_string_append (problems, _("The project has no name (项目名称)\n"));
  check_text (problems, _("project name"), p->name, 200, FALSE);
  if (p->type == NULL || ga_project_find_type (p->type) == NULL
      || strcmp (ga_project_find_type (p->type)->id, p->type) != 0)
    {
      g_autoptr(GString) keys = g_string_new (NULL);

      for (const GaProjectType *t = project_types; t->id != NULL; t++)
        g_string_append_printf (keys, "%s%s (%s)", keys->len > 0 ? ", " : "", t->id,
                                t->label_zh);
      g_string_append_printf (problems, _("The type '%s' is not a project type; it is one of %s\n"),
                              p->type != NULL && g_utf8_validate (p->type, -1, NULL)
                              ? p->type : "", keys->str);
    }
  check_text (problems, _("content (建设内容)"), p->content, 2000, TRUE);
  check_text (problems, _("note"), p->note, 500, TRUE);
  check_figure (problems, _("investment (万元)"), p->investment);
  check_figure (problems, _("energy saving (tce a year)"), p->energy_saving);
  check_figure (problems, _("CO2 cut (t a year)"), p->co2_cut);
  check_figure (problems, _("water saving (m³ a year)"), p->water_saving);
  check_dates (problems, p);
  if (p->progress > GA_PROJECT_DONE)
    g_string_append (problems, _("The progress is not planned, in-progress or done\n"));

  if (problems->len == 0)
    return TRUE;
  g_string_truncate (problems, problems->len - 1);
  g_set_error_literal (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID, problems->str);
  return FALSE;
}

gboolean
ga_project_validate (const GaProject  *project,
                     GError          **error)
{
  g_autoptr(GaProject) p = NULL;

  g_return_val_if_fail (project != NULL, FALSE);

  p = normalized (project);
  return validate_normalized (p, error);
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */

#define PROJECT_COLUMNS \
  "id, uuid, enterprise_id, name, type, content, investment, start_on, end_on," \
  " energy_saving, co2_cut, water_saving, progress, note, created_at, updated_at"

static double
column_figure (GaDbStmt *stmt,
               int       column)
{
  return ga_db_stmt_column_is_null (stmt, column) ? NAN : ga_db_stmt_column_double (stmt, column);
}

static GaProject *
project_from_row (GaDbStmt *stmt)
{
  GaProject *p = g_new0 (GaProject, 1);
  GaProjectProgress progress = GA_PROJECT_PLANNED;

  p->id = ga_db_stmt_column_int64 (stmt, 0);
  p->uuid = ga_store_stmt_dup (stmt, 1);
  p->enterprise_id = ga_db_stmt_column_int64 (stmt, 2);
  p->name = ga_store_stmt_dup (stmt, 3);
  p->type = ga_store_stmt_dup (stmt, 4);
  p->content = ga_store_stmt_dup (stmt, 5);
  p->investment = column_figure (stmt, 6);
  p->start_on = ga_store_stmt_dup (stmt, 7);
  p->end_on = ga_store_stmt_dup (stmt, 8);
  p->energy_saving = column_figure (stmt, 9);
  p->co2_cut = column_figure (stmt, 10);
  p->water_saving = column_figure (stmt, 11);
  ga_project_progress_from_string (ga_db_stmt_column_text (stmt, 12), &progress);
  p->progress = progress;
  p->note = ga_store_stmt_dup (stmt, 13);
  p->created_at = ga_store_stmt_dup (stmt, 14);
  p->updated_at = ga_store_stmt_dup (stmt, 15);
  return p;
}

/* The same from SQLite directly, for db check, which also looks at the
 * types SQLite stored (validate_row()). */
static double
sqlite_column_figure (sqlite3_stmt *stmt,
                      int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NAN
                                                           : sqlite3_column_double (stmt, column);
}

static GaProject *
project_from_sqlite_row (sqlite3_stmt *stmt)
{
  GaProject *p = g_new0 (GaProject, 1);
  GaProjectProgress progress = GA_PROJECT_PLANNED;

  p->id = sqlite3_column_int64 (stmt, 0);
  p->uuid = ga_store_column_dup (stmt, 1);
  p->enterprise_id = sqlite3_column_int64 (stmt, 2);
  p->name = ga_store_column_dup (stmt, 3);
  p->type = ga_store_column_dup (stmt, 4);
  p->content = ga_store_column_dup (stmt, 5);
  p->investment = sqlite_column_figure (stmt, 6);
  p->start_on = ga_store_column_dup (stmt, 7);
  p->end_on = ga_store_column_dup (stmt, 8);
  p->energy_saving = sqlite_column_figure (stmt, 9);
  p->co2_cut = sqlite_column_figure (stmt, 10);
  p->water_saving = sqlite_column_figure (stmt, 11);
  ga_project_progress_from_string ((const char *) sqlite3_column_text (stmt, 12), &progress);
  p->progress = progress;
  p->note = ga_store_column_dup (stmt, 13);
  p->created_at = ga_store_column_dup (stmt, 14);
  p->updated_at = ga_store_column_dup (stmt, 15);
  return p;
}

static void
bind_figure (GaDbStmt *stmt,
             int       index,
             double    value)
{
  if (isnan (value))
    ga_db_stmt_bind_null (stmt, index);
  else
    ga_db_stmt_bind_double (stmt, index, value);
}

/* The columns a user gives, in the order bind_fields() binds them. */
#define PROJECT_FIELD_COLUMNS \
  "name, type, content, investment, start_on, end_on, energy_saving, co2_cut, water_saving," \
  " progress, note"
#define N_FIELD_PARAMS 11

/* Binds parameters 1 … 11: the fields a user gives. */
static void
bind_fields (GaDbStmt        *stmt,
             const GaProject *p)
{
  ga_db_stmt_bind_text (stmt, 1, p->name, -1);
  ga_db_stmt_bind_text (stmt, 2, p->type, -1);
  ga_db_stmt_bind_text (stmt, 3, p->content, -1);
  bind_figure (stmt, 4, p->investment);
  ga_db_stmt_bind_text (stmt, 5, p->start_on, -1);
  ga_db_stmt_bind_text (stmt, 6, p->end_on, -1);
  bind_figure (stmt, 7, p->energy_saving);
  bind_figure (stmt, 8, p->co2_cut);
  bind_figure (stmt, 9, p->water_saving);
  ga_db_stmt_bind_text (stmt, 10, ga_project_progress_to_string (p->progress), -1);
  ga_db_stmt_bind_text (stmt, 11, p->note, -1);
}

static gboolean
require_schema (GaStore  *store,
                GError  **error)
{
  if (store->schema_version >= 5)
    return TRUE;
  g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY,
               "The database %s has schema version %d, which has no register of projects; "
               "open it for writing once to upgrade it", store->path, store->schema_version);
  return FALSE;
}

gint64
ga_store_add_project (GaStore          *store,
                      const GaProject  *project,
                      GError          **error)
{
  g_autoptr(GaProject) p = NULL;
  g_autofree char *now = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GaEnterprise) owner = NULL;
  GaDbStmt *stmt;
  gint64 id;

  g_return_val_if_fail (GA_IS_STORE (store), 0);
  g_return_val_if_fail (project != NULL, 0);

  p = normalized (project);
  if (!require_schema (store, error) || !validate_normalized (p, error))
    return 0;
  if (!ga_store_begin (store, error))
    return 0;
  owner = ga_store_get_enterprise (store, p->enterprise_id, error);
  if (owner == NULL)
    goto fail;
  stmt = ga_store_stmt_insert (store,
                               "INSERT INTO projects (" PROJECT_FIELD_COLUMNS ", enterprise_id,"
                               " uuid, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                               " ?, ?, ?, ?, ?, ?)", "id", error);
  if (stmt == NULL)
    goto fail;
  now = ga_store_now ();
  uuid = p->uuid != NULL && g_uuid_string_is_valid (p->uuid) ? g_strdup (p->uuid)
                                                             : ga_store_new_uuid ();
  bind_fields (stmt, p);
  ga_db_stmt_bind_int64 (stmt, N_FIELD_PARAMS + 1, p->enterprise_id);
  ga_db_stmt_bind_text (stmt, N_FIELD_PARAMS + 2, uuid, -1);
  ga_db_stmt_bind_text (stmt, N_FIELD_PARAMS + 3, now, -1);
  ga_db_stmt_bind_text (stmt, N_FIELD_PARAMS + 4, now, -1);
  if (!ga_store_stmt_run (store, stmt, "Adding the project", error))
    goto fail;
  id = ga_db_stmt_get_insert_id (stmt);
  if (!ga_store_commit_changed (store, "Adding the project", 0, error))
    return 0;
  return id;

fail:
  ga_store_rollback (store);
  return 0;
}

gboolean
ga_store_update_project (GaStore          *store,
                         const GaProject  *project,
                         GError          **error)
{
  g_autoptr(GaProject) p = NULL;
  g_autofree char *now = NULL;
  GaDbStmt *stmt;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);
  g_return_val_if_fail (project != NULL, FALSE);

  p = normalized (project);
  if (!require_schema (store, error) || !validate_normalized (p, error))
    return FALSE;
  if (!ga_store_begin (store, error))
    return FALSE;
  stmt = ga_store_stmt (store,
                        "UPDATE projects SET (" PROJECT_FIELD_COLUMNS ", updated_at) ="
                        " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  now = ga_store_now ();
  bind_fields (stmt, p);
  ga_db_stmt_bind_text (stmt, N_FIELD_PARAMS + 1, now, -1);
  ga_db_stmt_bind_int64 (stmt, N_FIELD_PARAMS + 2, p->id);
  if (!ga_store_stmt_run_changed (store, stmt, "project", p->id, "Saving the project", error))
    goto fail;
  return ga_store_commit_changed (store, "Saving the project", 0, error);

fail:
  ga_store_rollback (store);
  return FALSE;
}

GaProject *
ga_store_get_project (GaStore  *store,
                      gint64    id,
                      GError  **error)
{
  GaDbStmt *stmt;
  GaProject *p = NULL;
  GError *local = NULL;
  GaDbStep step;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  if (store->schema_version < 5)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                   "There is no project with id %" G_GINT64_FORMAT, id);
      return NULL;
    }
  stmt = ga_store_stmt (store, "SELECT " PROJECT_COLUMNS " FROM projects WHERE id = ?",
                        error);
  if (stmt == NULL)
    return NULL;
  ga_db_stmt_bind_int64 (stmt, 1, id);
  step = ga_db_stmt_step (stmt, &local);
  if (step == GA_DB_STEP_ROW)
    p = project_from_row (stmt);
  else if (step == GA_DB_STEP_DONE)
    g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                 "There is no project with id %" G_GINT64_FORMAT, id);
  else
    ga_store_fail_db (store, local, "Reading the project", error);
  ga_db_stmt_reset (stmt);
  return p;
}

GPtrArray *
ga_store_list_projects (GaStore  *store,
                        gint64    enterprise_id,
                        GError  **error)
{
  g_autoptr(GPtrArray) list = NULL;
  GaDbStmt *stmt;
  GError *local = NULL;
  GaDbStep step;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_project_free);
  if (store->schema_version < 5)
    return g_steal_pointer (&list);
  stmt = ga_store_stmt (store, "SELECT " PROJECT_COLUMNS " FROM projects"
                        " WHERE enterprise_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  ga_db_stmt_bind_int64 (stmt, 1, enterprise_id);
  while ((step = ga_db_stmt_step (stmt, &local)) == GA_DB_STEP_ROW)
    g_ptr_array_add (list, project_from_row (stmt));
  if (!ga_store_stmt_end (store, stmt, step, local, "Listing the projects", error))
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
ga_store_delete_project (GaStore  *store,
                         gint64    id,
                         GError  **error)
{
  GaDbStmt *stmt;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);

  if (!require_schema (store, error) || !ga_store_begin (store, error))
    return FALSE;
  stmt = ga_store_stmt (store, "DELETE FROM projects WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  ga_db_stmt_bind_int64 (stmt, 1, id);
  if (!ga_store_stmt_run_changed (store, stmt, "project", id, "Removing the project", error))
    goto fail;
  return ga_store_commit_changed (store, "Removing the project", 0, error);

fail:
  ga_store_rollback (store);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* db check                                                            */

/* A stored row as the editor would have written it: typed columns, a UUID,
 * times, the fields passing ga_project_validate() and stored trimmed. */
static void
validate_row (sqlite3_stmt *stmt,
              GPtrArray    *problems)
{
  static const int figures[] = { 6, 9, 10, 11 };
  static const int texts[] = { 3, 4, 5, 7, 8, 13 };
  g_autoptr(GaProject) p = project_from_sqlite_row (stmt);
  g_autoptr(GaProject) n = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *where = NULL;
  const char *progress = (const char *) sqlite3_column_text (stmt, 12);
  GaProjectProgress ignored;

  where = g_strdup_printf ("project %" G_GINT64_FORMAT " (enterprise %" G_GINT64_FORMAT ")",
                           p->id, p->enterprise_id);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    if (sqlite3_column_type (stmt, figures[i]) != SQLITE_NULL
        && sqlite3_column_type (stmt, figures[i]) != SQLITE_FLOAT
        && sqlite3_column_type (stmt, figures[i]) != SQLITE_INTEGER)
      g_ptr_array_add (problems, g_strdup_printf ("%s: %s is not a number", where,
                                                  sqlite3_column_name (stmt, figures[i])));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (sqlite3_column_type (stmt, texts[i]) != SQLITE_NULL
        && sqlite3_column_type (stmt, texts[i]) != SQLITE_TEXT)
      g_ptr_array_add (problems, g_strdup_printf ("%s: %s is not text", where,
                                                  sqlite3_column_name (stmt, texts[i])));
  if (p->uuid == NULL || !g_uuid_string_is_valid (p->uuid))
    g_ptr_array_add (problems, g_strdup_printf ("%s: its UUID is not a UUID", where));
  if (progress == NULL || !ga_project_progress_from_string (progress, &ignored)
      || strcmp (progress, ga_project_progress_to_string (ignored)) != 0)
    g_ptr_array_add (problems, g_strdup_printf ("%s: the progress is not planned, in-progress "
                                                "or done", where));
  for (int col = 14; col <= 15; col++)
    {
      const char *at = (const char *) sqlite3_column_text (stmt, col);
      g_autoptr(GDateTime) time = at != NULL ? g_date_time_new_from_iso8601 (at, NULL) : NULL;

      if (time == NULL)
        g_ptr_array_add (problems, g_strdup_printf ("%s: the %s is not an ISO 8601 time", where,
                                                    col == 14 ? "creation time"
                                                              : "time of the last change"));
    }
  if (!ga_project_validate (p, &local))
    {
      g_auto(GStrv) lines = g_strsplit (local->message, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        g_ptr_array_add (problems, g_strdup_printf ("%s: %s", where, lines[i]));
      return;
    }
  n = normalized (p);
  if (g_strcmp0 (n->name, p->name) != 0 || g_strcmp0 (n->content, p->content) != 0
      || g_strcmp0 (n->start_on, p->start_on) != 0 || g_strcmp0 (n->end_on, p->end_on) != 0
      || g_strcmp0 (n->note, p->note) != 0)
    g_ptr_array_add (problems, g_strdup_printf ("%s: a text is not stored as the editor stores "
                                                "it (trimmed, empty as none)", where));
}

gboolean
ga_store_validate_projects (GaStore    *store,
                            GPtrArray  *problems,
                            GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  guint before = problems->len;
  int rc;

  if (store->schema_version < 5)
    return TRUE;
  rc = sqlite3_prepare_v2 (store->db, "SELECT " PROJECT_COLUMNS " FROM projects ORDER BY id",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      if (problems->len - before < 50)
        validate_row (stmt, problems);
  return ga_store_finalize_done (store, stmt, rc, "Checking the projects", error);
}
