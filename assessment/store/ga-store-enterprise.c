/* ga-store-enterprise.c: enterprises — validation, adding, editing, listing
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ga-store-private.h"

#include <math.h>
#include <string.h>

#include "ga-answer.h"

/* ------------------------------------------------------------------ */
/* Enterprises                                                         */

GaEnterprise *
ga_enterprise_new (void)
{
  GaEnterprise *e = g_new0 (GaEnterprise, 1);

  e->output_value = NAN;
  e->value_added = NAN;
  e->registered_capital = NAN;
  e->employees = -1;
  return e;
}

static const GaOwnership ownerships[] = {
  { "state-owned", "国有", "State-owned" },
  { "collective", "集体", "Collective" },
  { "private", "民营", "Private" },
  { "sino-foreign", "中外合资", "Sino-foreign joint venture" },
  { "hk-macao-taiwan", "港澳台", "Hong Kong, Macao or Taiwan invested" },
  { "foreign", "外商独资", "Wholly foreign-owned" },
  { NULL, NULL, NULL },
};

const GaOwnership *
ga_enterprise_ownerships (void)
{
  return ownerships;
}

const GaOwnership *
ga_enterprise_find_ownership (const char *id)
{
  for (guint i = 0; id != NULL && ownerships[i].id != NULL; i++)
    if (strcmp (ownerships[i].id, id) == 0)
      return &ownerships[i];
  return NULL;
}

GaEnterprise *
ga_enterprise_copy (const GaEnterprise *src)
{
  GaEnterprise *e;

  g_return_val_if_fail (src != NULL, NULL);

  e = g_new0 (GaEnterprise, 1);
  *e = *src;
  e->uuid = g_strdup (src->uuid);
  e->name = g_strdup (src->name);
  e->credit_code = g_strdup (src->credit_code);
  e->industry = g_strdup (src->industry);
  e->region = g_strdup (src->region);
  e->address = g_strdup (src->address);
  e->legal_representative = g_strdup (src->legal_representative);
  e->contact_name = g_strdup (src->contact_name);
  e->contact_phone = g_strdup (src->contact_phone);
  e->contact_email = g_strdup (src->contact_email);
  e->postal_code = g_strdup (src->postal_code);
  e->ownership = g_strdup (src->ownership);
  e->registration_authority = g_strdup (src->registration_authority);
  e->founded_on = g_strdup (src->founded_on);
  e->valid_until = g_strdup (src->valid_until);
  e->legal_representative_phone = g_strdup (src->legal_representative_phone);
  e->contact_department = g_strdup (src->contact_department);
  e->contact_mobile = g_strdup (src->contact_mobile);
  e->fax = g_strdup (src->fax);
  e->main_products = g_strdup (src->main_products);
  e->profile = g_strdup (src->profile);
  e->created_at = g_strdup (src->created_at);
  e->updated_at = g_strdup (src->updated_at);
  return e;
}

void
ga_enterprise_free (GaEnterprise *e)
{
  if (e == NULL)
    return;
  g_free (e->uuid);
  g_free (e->name);
  g_free (e->credit_code);
  g_free (e->industry);
  g_free (e->region);
  g_free (e->address);
  g_free (e->legal_representative);
  g_free (e->contact_name);
  g_free (e->contact_phone);
  g_free (e->contact_email);
  g_free (e->postal_code);
  g_free (e->ownership);
  g_free (e->registration_authority);
  g_free (e->founded_on);
  g_free (e->valid_until);
  g_free (e->legal_representative_phone);
  g_free (e->contact_department);
  g_free (e->contact_mobile);
  g_free (e->fax);
  g_free (e->main_products);
  g_free (e->profile);
  g_free (e->created_at);
  g_free (e->updated_at);
  g_free (e);
}

static gboolean
empty (const char *s)
{
  return s == NULL || *s == '\0';
}

static gboolean
check_text (const char  *value,
            const char  *field,
            gsize        max_chars,
            GError     **error)
{
  if (value == NULL)
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                   "%s is not valid UTF-8 text", field);
      return FALSE;
    }
  if (g_utf8_strlen (value, -1) > (glong) max_chars)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                   "%s is longer than %" G_GSIZE_FORMAT " characters", field, max_chars);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_figure (double      value,
              const char *field,
              GError    **error)
{
  if (isnan (value))
    return TRUE;   /* not given */
  if (!isfinite (value) || value < 0)
    {
      g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                   "%s must be a finite number of at least 0 (in 万元), not %g", field, value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_phone (const char  *phone,
             const char  *field,
             GError     **error)
{
  if (!check_text (phone, field, 50, error))
    return FALSE;
  for (const char *p = phone; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && strchr (" +-()", *p) == NULL)
      {
        g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                     "%s '%s' may hold only digits, spaces and + - ( )", field, phone);
        return FALSE;
      }
  return TRUE;
}

/* The fields of the report's 基本信息表 that schema 3 added. */
static void
check_registration (const GaEnterprise *in,
                    GPtrArray          *problems)
{
  GError *problem = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

#define COLLECT(call) \
  G_STMT_START { if (!(call)) g_ptr_array_add (problems, g_steal_pointer (&problem)); } G_STMT_END

  if (!empty (in->postal_code)
      && (strlen (in->postal_code) != 6 || strspn (in->postal_code, "0123456789") != 6))
    g_ptr_array_add (problems, g_error_new (GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                                            "The postal code (邮编) '%s' must be six digits",
                                            in->postal_code));
  if (!empty (in->ownership) && ga_enterprise_find_ownership (in->ownership) == NULL)
    g_ptr_array_add (problems, g_error_new (GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                                            "'%s' is not a 单位性质; use state-owned, collective, "
                                            "private, sino-foreign, hk-macao-taiwan or foreign",
                                            in->ownership));
  COLLECT (check_text (in->registration_authority, "The registration authority (注册机关)", 100,
                       &problem));
  COLLECT (check_figure (in->registered_capital, "The registered capital (注册资本)", &problem));
  if (!check_text (in->founded_on, "The founding date (成立日期)", 10, &problem))
    g_ptr_array_add (problems, g_steal_pointer (&problem));
  else if (!empty (in->founded_on)
           && (!ga_answer_is_iso_date (in->founded_on) || strcmp (in->founded_on, today) > 0))
    g_ptr_array_add (problems, g_error_new (GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                                            "The founding date (成立日期) '%s' must be a past "
                                            "date written YYYY-MM-DD", in->founded_on));
  if (!check_text (in->valid_until, "The business term (营业期限)", 10, &problem))
    g_ptr_array_add (problems, g_steal_pointer (&problem));
  else if (!empty (in->valid_until) && strcmp (in->valid_until, "long-term") != 0
           && !ga_answer_is_iso_date (in->valid_until))
    g_ptr_array_add (problems, g_error_new (GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                                            "The business term (营业期限) '%s' must be a date "
                                            "written YYYY-MM-DD, or long-term (长期)",
                                            in->valid_until));
  COLLECT (check_phone (in->legal_representative_phone, "The legal representative's phone",
                        &problem));
  COLLECT (check_text (in->contact_department, "The contact department", 100, &problem));
  COLLECT (check_phone (in->contact_mobile, "The contact mobile", &problem));
  COLLECT (check_phone (in->fax, "The fax", &problem));
  COLLECT (check_text (in->main_products, "The main products (主要产品)", 500, &problem));
  COLLECT (check_text (in->profile, "The profile (单位简介)", 2000, &problem));
#undef COLLECT
}

/* Validates @in and fills the canonical forms of its codes. Every bad
 * field is reported, one per line: a form with three mistakes should not
 * take three attempts. The error has the domain and code of the first. */
static gboolean
normalize_enterprise (const GaEnterprise  *in,
                      char               **credit_code,
                      const char         **industry,
                      const char         **region,
                      GError             **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autofree char *trimmed = in->name != NULL ? g_strstrip (g_strdup (in->name)) : NULL;
  gboolean code_ok = FALSE;
  GError *problem = NULL;

#define COLLECT(call) \
  G_STMT_START { if (!(call)) g_ptr_array_add (problems, g_steal_pointer (&problem)); } G_STMT_END

  *credit_code = NULL;
  *industry = NULL;
  *region = NULL;

  if (!check_text (in->name, "The enterprise name", 200, &problem))
    g_ptr_array_add (problems, g_steal_pointer (&problem));
  else if (empty (trimmed))
    g_ptr_array_add (problems, g_error_new_literal (GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                                                    "The enterprise needs a name (企业名称)"));
  COLLECT (check_text (in->address, "The address", 500, &problem));
  COLLECT (check_text (in->legal_representative, "The legal representative", 100, &problem));
  COLLECT (check_text (in->contact_name, "The contact name", 100, &problem));

  if (!check_text (in->credit_code, "统一社会信用代码", 40, &problem))
    g_ptr_array_add (problems, g_steal_pointer (&problem));
  else if (empty (in->credit_code))
    g_ptr_array_add (problems,
                     g_error_new_literal (GA_CODES_ERROR, GA_CODES_ERROR_CREDIT_CODE,
                                          "The enterprise needs its 统一社会信用代码 (18 "
                                          "characters, printed on the business licence)"));
  else
    {
      *credit_code = ga_credit_code_normalize (in->credit_code);
      code_ok = ga_credit_code_validate (*credit_code, &problem);
      if (!code_ok)
        g_ptr_array_add (problems, g_steal_pointer (&problem));
    }

  if (!empty (in->industry))
    {
      const GaIndustry *ind = ga_industry_validate (in->industry, &problem);
      if (ind == NULL)
        g_ptr_array_add (problems, g_steal_pointer (&problem));
      else
        *industry = ind->code;
    }

  if (!empty (in->region))
    {
      const GaRegion *reg = ga_region_validate (in->region, &problem);
      if (reg == NULL)
        g_ptr_array_add (problems, g_steal_pointer (&problem));
      else
        *region = reg->code;
    }
  else if (code_ok)
    /* The code's characters 3–8 name the registering authority's place,
     * which is where the enterprise is registered. */
    *region = ga_credit_code_get_province (*credit_code);

  COLLECT (check_phone (in->contact_phone, "The contact phone", &problem));

  if (!check_text (in->contact_email, "The contact e-mail", 200, &problem))
    g_ptr_array_add (problems, g_steal_pointer (&problem));
  else if (!empty (in->contact_email)
           && (strchr (in->contact_email, '@') == NULL
               || strchr (in->contact_email, ' ') != NULL))
    g_ptr_array_add (problems,
                     g_error_new (GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                                  "The contact e-mail '%s' is not an e-mail address "
                                  "(name@example.cn)", in->contact_email));

  COLLECT (check_figure (in->output_value, "The output value (工业总产值)", &problem));
  COLLECT (check_figure (in->value_added, "The industrial value added (工业增加值)", &problem));
  if (in->employees < -1)
    g_ptr_array_add (problems,
                     g_error_new (GA_STORE_ERROR, GA_STORE_ERROR_INVALID,
                                  "The number of employees must be 0 or more, not %"
                                  G_GINT64_FORMAT, in->employees));
  check_registration (in, problems);
#undef COLLECT

  if (problems->len > 0)
    {
      const GError *first = g_ptr_array_index (problems, 0);
      g_autoptr(GString) all = g_string_new (NULL);

      for (guint i = 0; i < problems->len; i++)
        {
          const GError *p = g_ptr_array_index (problems, i);

          g_string_append_printf (all, "%s%s", i > 0 ? "\n" : "", p->message);
        }
      g_set_error_literal (error, first->domain, first->code, all->str);
      g_clear_pointer (credit_code, g_free);
      *industry = NULL;
      *region = NULL;
      return FALSE;
    }
  return TRUE;
}

gboolean
ga_enterprise_validate (const GaEnterprise  *enterprise,
                        GError             **error)
{
  g_autofree char *credit_code = NULL;
  const char *industry = NULL, *region = NULL;

  g_return_val_if_fail (enterprise != NULL, FALSE);

  return normalize_enterprise (enterprise, &credit_code, &industry, &region, error);
}

/* The columns an enterprise's editor sets, in the order of the statements
 * below; parameters 1 to N_FIELD_PARAMS. */
#define ENTERPRISE_FIELD_COLUMNS \
  "name, credit_code, industry, region, address, legal_representative, contact_name," \
  " contact_phone, contact_email, output_value, value_added, employees, demo, postal_code," \
  " ownership, registration_authority, registered_capital, founded_on, valid_until," \
  " legal_representative_phone, contact_department, contact_mobile, fax, main_products," \
  " profile, kind"
#define N_FIELD_PARAMS 26

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

static void
bind_enterprise_fields (GaDbStmt           *stmt,
                        const GaEnterprise *in,
                        const char         *credit_code,
                        const char         *industry,
                        const char         *region)
{
  g_autofree char *name = g_strstrip (g_strdup (in->name));

  ga_db_stmt_bind_text (stmt, 1, name, -1);
  ga_db_stmt_bind_text (stmt, 2, credit_code, -1);
  ga_store_bind_text_or_null (stmt, 3, industry);
  ga_store_bind_text_or_null (stmt, 4, region);
  ga_store_bind_text_or_null (stmt, 5, in->address);
  ga_store_bind_text_or_null (stmt, 6, in->legal_representative);
  ga_store_bind_text_or_null (stmt, 7, in->contact_name);
  ga_store_bind_text_or_null (stmt, 8, in->contact_phone);
  ga_store_bind_text_or_null (stmt, 9, in->contact_email);
  bind_figure (stmt, 10, in->output_value);
  bind_figure (stmt, 11, in->value_added);
  if (in->employees < 0)
    ga_db_stmt_bind_null (stmt, 12);
  else
    ga_db_stmt_bind_int64 (stmt, 12, in->employees);
  ga_db_stmt_bind_int64 (stmt, 13, in->demo ? 1 : 0);
  ga_store_bind_text_or_null (stmt, 14, in->postal_code);
  ga_store_bind_text_or_null (stmt, 15, in->ownership);
  ga_store_bind_text_or_null (stmt, 16, in->registration_authority);
  bind_figure (stmt, 17, in->registered_capital);
  ga_store_bind_text_or_null (stmt, 18, in->founded_on);
  ga_store_bind_text_or_null (stmt, 19, in->valid_until);
  ga_store_bind_text_or_null (stmt, 20, in->legal_representative_phone);
  ga_store_bind_text_or_null (stmt, 21, in->contact_department);
  ga_store_bind_text_or_null (stmt, 22, in->contact_mobile);
  ga_store_bind_text_or_null (stmt, 23, in->fax);
  ga_store_bind_text_or_null (stmt, 24, in->main_products);
  ga_store_bind_text_or_null (stmt, 25, in->profile);
  ga_db_stmt_bind_text (stmt, 26, ga_enterprise_kind_to_string (in->kind), -1);
}

static gboolean
refuse_duplicate_code (GaStore     *store,
                       const char  *credit_code,
                       gint64       except_id,
                       GError     **error)
{
  g_autoptr(GaEnterprise) other = ga_store_find_enterprise (store, credit_code, error);

  if (other == NULL)
    return error == NULL || *error == NULL;
  if (other->id == except_id)
    return TRUE;
  g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS,
               "An enterprise with 统一社会信用代码 %s already exists: %s (id %" G_GINT64_FORMAT ")",
               credit_code, other->name, other->id);
  return FALSE;
}

gint64
ga_store_add_enterprise (GaStore             *store,
                         const GaEnterprise  *enterprise,
                         GError             **error)
{
  g_autofree char *credit_code = NULL;
  g_autofree char *now = NULL;
  g_autofree char *uuid = NULL;
  const char *industry = NULL, *region = NULL;
  GaDbStmt *stmt;
  gint64 id;

  g_return_val_if_fail (GA_IS_STORE (store), 0);
  g_return_val_if_fail (enterprise != NULL, 0);

  if (!normalize_enterprise (enterprise, &credit_code, &industry, &region, error))
    return 0;

  if (!ga_store_begin (store, error))
    return 0;
  if (!refuse_duplicate_code (store, credit_code, 0, error))
    goto fail;

  stmt = ga_store_stmt_insert (store,
                               "INSERT INTO enterprises (" ENTERPRISE_FIELD_COLUMNS ", uuid,"
                               " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                               " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "id",
                               error);
  if (stmt == NULL)
    goto fail;
  now = ga_store_now ();
  uuid = empty (enterprise->uuid) ? ga_store_new_uuid () : g_strdup (enterprise->uuid);
  bind_enterprise_fields (stmt, enterprise, credit_code, industry, region);
  ga_db_stmt_bind_text (stmt, N_FIELD_PARAMS + 1, uuid, -1);
  ga_db_stmt_bind_text (stmt, N_FIELD_PARAMS + 2, now, -1);
  ga_db_stmt_bind_text (stmt, N_FIELD_PARAMS + 3, now, -1);
  if (!ga_store_stmt_run (store, stmt, "Adding the enterprise", error))
    goto fail;
  id = ga_db_stmt_get_insert_id (stmt);
  if (!ga_store_commit_changed (store, "Adding the enterprise", 0, error))
    return 0;
  return id;

fail:
  ga_store_rollback (store);
  return 0;
}

gboolean
ga_store_update_enterprise (GaStore             *store,
                            const GaEnterprise  *enterprise,
                            GError             **error)
{
  g_autofree char *credit_code = NULL;
  g_autofree char *now = NULL;
  const char *industry = NULL, *region = NULL;
  GaDbStmt *stmt;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);
  g_return_val_if_fail (enterprise != NULL, FALSE);

  if (!normalize_enterprise (enterprise, &credit_code, &industry, &region, error))
    return FALSE;

  if (!ga_store_begin (store, error))
    return FALSE;
  if (!refuse_duplicate_code (store, credit_code, enterprise->id, error)
      || !ga_store_check_kind_change (store, enterprise, error))
    goto fail;

  stmt = ga_store_stmt (store,
                        "UPDATE enterprises SET (" ENTERPRISE_FIELD_COLUMNS ", updated_at) ="
                        " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        " ?, ?, ?) WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  now = ga_store_now ();
  bind_enterprise_fields (stmt, enterprise, credit_code, industry, region);
  ga_db_stmt_bind_text (stmt, N_FIELD_PARAMS + 1, now, -1);
  ga_db_stmt_bind_int64 (stmt, N_FIELD_PARAMS + 2, enterprise->id);
  if (!ga_store_stmt_run_changed (store, stmt, "enterprise", enterprise->id,
                                  "Updating the enterprise", error))
    goto fail;
  return ga_store_commit_changed (store, "Updating the enterprise", 0, error);

fail:
  ga_store_rollback (store);
  return FALSE;
}

#define ENTERPRISE_COLUMNS_1 \
  "e.id, e.uuid, e.name, e.credit_code, e.industry, e.region, e.address," \
  " e.legal_representative, e.contact_name, e.contact_phone, e.contact_email, e.output_value," \
  " e.value_added, e.employees, e.demo, e.created_at, e.updated_at"
#define ENTERPRISE_COLUMNS ENTERPRISE_COLUMNS_1 ", e.postal_code," \
  " e.ownership, e.registration_authority, e.registered_capital, e.founded_on, e.valid_until," \
  " e.legal_representative_phone, e.contact_department, e.contact_mobile, e.fax," \
  " e.main_products, e.profile"
/* A database opened for reading at schema 1 or 2 (`db check` before an
 * upgrade) has no columns for the report's details yet. */
#define ENTERPRISE_COLUMNS_BEFORE_3 ENTERPRISE_COLUMNS_1 \
  ", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
/* The kind came with schema 7; every enterprise before it is a factory. */
#define ENTERPRISE_COLUMNS_7 ENTERPRISE_COLUMNS ", e.kind"
#define N_ENTERPRISE_COLUMNS 30
#define SELECT_ENTERPRISES(store, tail) \
  ((store)->schema_version >= 7 ? "SELECT " ENTERPRISE_COLUMNS_7 tail \
   : (store)->schema_version >= 3 ? "SELECT " ENTERPRISE_COLUMNS ", 'factory'" tail \
   : "SELECT " ENTERPRISE_COLUMNS_BEFORE_3 ", 'factory'" tail)

static double
column_figure (GaDbStmt *stmt,
               int       column)
{
  return ga_db_stmt_column_is_null (stmt, column) ? NAN : ga_db_stmt_column_double (stmt, column);
}

static GaEnterprise *
enterprise_from_row (GaDbStmt *stmt,
                     int       first)
{
  GaEnterprise *e = g_new0 (GaEnterprise, 1);

  e->id = ga_db_stmt_column_int64 (stmt, first + 0);
  e->uuid = ga_store_stmt_dup (stmt, first + 1);
  e->name = ga_store_stmt_dup (stmt, first + 2);
  e->credit_code = ga_store_stmt_dup (stmt, first + 3);
  e->industry = ga_store_stmt_dup (stmt, first + 4);
  e->region = ga_store_stmt_dup (stmt, first + 5);
  e->address = ga_store_stmt_dup (stmt, first + 6);
  e->legal_representative = ga_store_stmt_dup (stmt, first + 7);
  e->contact_name = ga_store_stmt_dup (stmt, first + 8);
  e->contact_phone = ga_store_stmt_dup (stmt, first + 9);
  e->contact_email = ga_store_stmt_dup (stmt, first + 10);
  e->output_value = column_figure (stmt, first + 11);
  e->value_added = column_figure (stmt, first + 12);
  e->employees = ga_db_stmt_column_is_null (stmt, first + 13)
                 ? -1 : ga_db_stmt_column_int64 (stmt, first + 13);
  e->demo = ga_db_stmt_column_int64 (stmt, first + 14) != 0;
  e->created_at = ga_store_stmt_dup (stmt, first + 15);
  e->updated_at = ga_store_stmt_dup (stmt, first + 16);
  e->postal_code = ga_store_stmt_dup (stmt, first + 17);
  e->ownership = ga_store_stmt_dup (stmt, first + 18);
  e->registration_authority = ga_store_stmt_dup (stmt, first + 19);
  e->registered_capital = column_figure (stmt, first + 20);
  e->founded_on = ga_store_stmt_dup (stmt, first + 21);
  e->valid_until = ga_store_stmt_dup (stmt, first + 22);
  e->legal_representative_phone = ga_store_stmt_dup (stmt, first + 23);
  e->contact_department = ga_store_stmt_dup (stmt, first + 24);
  e->contact_mobile = ga_store_stmt_dup (stmt, first + 25);
  e->fax = ga_store_stmt_dup (stmt, first + 26);
  e->main_products = ga_store_stmt_dup (stmt, first + 27);
  e->profile = ga_store_stmt_dup (stmt, first + 28);
  if (!ga_enterprise_kind_from_string (ga_db_stmt_column_text (stmt, first + 29), &e->kind))
    e->kind = GA_ENTERPRISE_FACTORY;
  return e;
}

GaEnterprise *
ga_store_get_enterprise (GaStore  *store,
                         gint64    id,
                         GError  **error)
{
  GaDbStmt *stmt;
  GaEnterprise *e = NULL;
  GError *local = NULL;
  GaDbStep step;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  stmt = ga_store_stmt (store, SELECT_ENTERPRISES (store, " FROM enterprises e WHERE id = ?"),
                        error);
  if (stmt == NULL)
    return NULL;
  ga_db_stmt_bind_int64 (stmt, 1, id);
  step = ga_db_stmt_step (stmt, &local);
  if (step == GA_DB_STEP_ROW)
    e = enterprise_from_row (stmt, 0);
  else if (step == GA_DB_STEP_DONE)
    g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                 "There is no enterprise with id %" G_GINT64_FORMAT, id);
  else
    ga_store_fail_db (store, local, "Reading the enterprise", error);
  ga_db_stmt_reset (stmt);
  return e;
}

GaEnterprise *
ga_store_find_enterprise (GaStore     *store,
                          const char  *credit_code,
                          GError     **error)
{
  g_autofree char *code = NULL;
  GaDbStmt *stmt;
  GaEnterprise *e = NULL;
  GError *local = NULL;
  GaDbStep step;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);
  g_return_val_if_fail (credit_code != NULL, NULL);

  code = ga_credit_code_normalize (credit_code);
  stmt = ga_store_stmt (store, SELECT_ENTERPRISES (store, " FROM enterprises e"
                                                          " WHERE credit_code = ?"), error);
  if (stmt == NULL)
    return NULL;
  ga_db_stmt_bind_text (stmt, 1, code, -1);
  step = ga_db_stmt_step (stmt, &local);
  if (step == GA_DB_STEP_ROW)
    e = enterprise_from_row (stmt, 0);
  else if (step == GA_DB_STEP_ERROR)
    ga_store_fail_db (store, local, "Looking up the enterprise", error);
  ga_db_stmt_reset (stmt);
  return e;
}

gboolean
ga_store_delete_enterprise (GaStore  *store,
                            gint64    id,
                            GError  **error)
{
  GaDbStmt *stmt;

  g_return_val_if_fail (GA_IS_STORE (store), FALSE);

  if (!ga_store_begin (store, error))
    return FALSE;
  stmt = ga_store_stmt (store, "DELETE FROM enterprises WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  ga_db_stmt_bind_int64 (stmt, 1, id);
  if (!ga_store_stmt_run_changed (store, stmt, "enterprise", id, "Deleting the enterprise",
                                  error))
    goto fail;
  return ga_store_commit_changed (store, "Deleting the enterprise", 0, error);

fail:
  ga_store_rollback (store);
  return FALSE;
}

void
ga_enterprise_summary_free (GaEnterpriseSummary *summary)
{
  if (summary == NULL)
    return;
  ga_enterprise_free (summary->enterprise);
  ga_assessment_free (summary->latest);
  g_free (summary);
}


GPtrArray *
ga_store_list_enterprises (GaStore  *store,
                           GError  **error)
{
  g_autoptr(GPtrArray) list = NULL;
  GaDbStmt *stmt;
  GError *local = NULL;
  GaDbStep step;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  /* One pass over the enterprises; each latest assessment is one probe of
   * assessments_enterprise (enterprise_id, updated_at, id) from its end,
   * so the list costs O(enterprises · log n) however many assessments
   * there are. */
#define LIST_FROM \
  ", " GA_STORE_ASSESSMENT_COLUMNS "," \
  " (SELECT count(*) FROM assessments c WHERE c.enterprise_id = e.id)" \
  " FROM enterprises e" \
  " LEFT JOIN assessments a ON a.id =" \
  "  (SELECT l.id FROM assessments l WHERE l.enterprise_id = e.id" \
  "   ORDER BY l.updated_at DESC, l.id DESC LIMIT 1)" \
  " ORDER BY e.name, e.id"
  stmt = ga_store_stmt (store, SELECT_ENTERPRISES (store, LIST_FROM), error);
#undef LIST_FROM
  if (stmt == NULL)
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_enterprise_summary_free);
  while ((step = ga_db_stmt_step (stmt, &local)) == GA_DB_STEP_ROW)
    {
      GaEnterpriseSummary *s = g_new0 (GaEnterpriseSummary, 1);

      s->enterprise = enterprise_from_row (stmt, 0);
      if (!ga_db_stmt_column_is_null (stmt, N_ENTERPRISE_COLUMNS))
        s->latest = ga_store_assessment_from_row (stmt, N_ENTERPRISE_COLUMNS);
      s->n_assessments = (int) ga_db_stmt_column_int64 (stmt, N_ENTERPRISE_COLUMNS
                                                        + GA_STORE_N_ASSESSMENT_COLUMNS);
      g_ptr_array_add (list, s);
    }
  if (!ga_store_stmt_end (store, stmt, step, local, "Listing the enterprises", error))
    return NULL;
  return g_steal_pointer (&list);
}
