/* ga-template-load.c: JSON -> template structures, with every problem collected
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader never stops at the first problem: a template author fixing a
 * file wants the whole list. Each check reports with the JSON path of the
 * offending field and carries on with a neutral default, so that later
 * checks (references, cycles, sums) still run on what could be read.
 *
 * This file reads the document from the top (template, scoring, sections,
 * outputs) and sorts the problems; the readers of single fields, the lookup
 * tables, the items and their scoring rules each have a file of their own
 * (ga-template-load-*.c).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ga-json.h"
#include "ga-json-doc.h"
#include "ga-template-private.h"

#ifdef G_OS_UNIX
#include <sys/mman.h>
#endif

/* Bounds on the input, so that hostile files fail with a message instead of
 * exhausting the stack or memory. */
#define DEFAULT_MAX_TEMPLATE_BYTES ((gsize) 64 * 1024 * 1024)
#define MAX_JSON_DEPTH       GA_JSON_MAX_DEPTH
#define MAX_PROBLEMS_IN_ERROR 200

/* ------------------------------------------------------------------------ */
/* Ids, dates and policies of sections and of the template                  */

static gboolean
is_section_id (const char *id)
{
  if (id == NULL || !(g_ascii_isalnum (id[0]) || id[0] == '_'))
    return FALSE;
  for (const char *p = id + 1; *p; p++)
    if (!(g_ascii_isalnum (*p) || *p == '_' || *p == '.' || *p == '-'))
      return FALSE;
  return TRUE;
}

static gboolean
is_template_id (const char *id)
{
  if (id == NULL || !(g_ascii_islower (id[0]) || g_ascii_isdigit (id[0])))
    return FALSE;
  for (const char *p = id + 1; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '.' || *p == '_' || *p == '-'))
      return FALSE;
  return TRUE;
}

static gboolean
is_iso_date (const char *s)
{
  unsigned y, m, d;
  char tail;

  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  if (sscanf (s, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

static gboolean
parse_na_policy (GaLoader   *l,
                 GaJsonNode *obj,
                 const char *path,
                 GaNaPolicy *out)
{
  g_autofree char *text = NULL;
  g_autofree char *fpath = NULL;

  if (!ga_loader_want_string (l, obj, path, "na_policy", FALSE, &text))
    return FALSE;
  if (g_str_equal (text, "exclude"))
    *out = GA_NA_POLICY_EXCLUDE;
  else if (g_str_equal (text, "renormalise") || g_str_equal (text, "renormalize"))
    *out = GA_NA_POLICY_RENORMALISE;
  else if (g_str_equal (text, "award"))
    *out = GA_NA_POLICY_AWARD;
  else
    {
      fpath = ga_field_path (path, "na_policy");
      ga_loader_problem (l, fpath, "unknown N/A policy '%s' (use exclude, renormalise or award)",
                         text);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Sections                                                                 */

static void
parse_section (GaLoader   *l,
               GaJsonNode *obj,
               const char *path,
               GaSection  *parent,
               GaNaPolicy  inherited)
{
  static const char * const fields[] = {
    "id", "title", "clause", "points", "weight", "applicable", "na_policy", "sections", "items",
    "description", NULL
  };
  GaTemplate *tmpl = l->tmpl;
  GaSection *section = g_new0 (GaSection, 1);
  GaJsonNode *items, *children;
  GaSiteOwner owner = { GA_NODE_SECTION, 0, 0, NULL, NULL };
  GaSiteOwner sa_owner = { GA_NODE_SECTION_APPLICABLE, 0, 0, NULL, NULL };

  section->index = tmpl->sections->len;
  section->parent = parent;
  section->depth = parent != NULL ? parent->depth + 1 : 0;
  section->json_path = g_strdup (path);
  section->points = NAN;
  section->na_policy = inherited;
  section->sections = g_ptr_array_new ();
  section->items = g_ptr_array_new ();
  g_ptr_array_add (tmpl->sections, section);
  if (parent != NULL)
    g_ptr_array_add (parent->sections, section);
  else
    g_ptr_array_add (tmpl->root_sections, section);
  owner.owner_index = section->index;
  sa_owner.owner_index = section->index;

  ga_loader_check_fields (l, obj, path, fields, NULL, NULL);
  if (ga_loader_want_string (l, obj, path, "id", TRUE, &section->id))
    {
      if (!is_section_id (section->id))
        {
          g_autofree char *ip = ga_field_path (path, "id");
          ga_loader_problem (l, ip, "'%s' is not a valid section id (letters, digits, _ . -)",
                             section->id);
        }
      ga_loader_register_symbol (l, section->id, path, GA_SYMBOL_SECTION, section->index, 0);
    }
  else
    section->id = g_strdup_printf ("#section%u", section->index);
  ga_loader_want_text (l, obj, path, "title", TRUE, &section->title);
  ga_loader_want_string (l, obj, path, "clause", FALSE, &section->clause);
  if (ga_loader_want_number (l, obj, path, "points", FALSE, &section->points)
      && section->points < 0)
    {
      g_autofree char *pp = ga_field_path (path, "points");
      ga_loader_problem (l, pp, "points must not be negative");
    }
  section->weight = ga_loader_want_expr (l, obj, path, "weight", FALSE, &owner, GA_STATIC_NUMBER,
                                         FALSE);
  section->applicable = ga_loader_want_expr (l, obj, path, "applicable", FALSE, &sa_owner,
                                             GA_STATIC_BOOLEAN, TRUE);
  parse_na_policy (l, obj, path, &section->na_policy);

  if (section->weight != NULL && tmpl->scheme != GA_SCHEME_CLEAN_PRODUCTION)
    ga_loader_problem (l, path, "\"weight\" is only used by scheme clean-production");
  else if (section->weight != NULL && parent != NULL)
    ga_loader_problem (l, path, "only first-level sections (categories) carry a weight");
  else if (section->weight == NULL && parent == NULL
           && tmpl->scheme == GA_SCHEME_CLEAN_PRODUCTION && ga_member (obj, "weight") == NULL)
    ga_loader_problem (l, path, "missing required field 'weight' (a clean-production category "
                       "needs its weight w_i)");

  items = ga_loader_want_array (l, obj, path, "items", FALSE);
  children = ga_loader_want_array (l, obj, path, "sections", FALSE);
  if ((items == NULL || ga_json_array_get_length (items) == 0)
      && (children == NULL || ga_json_array_get_length (children) == 0)
      && ga_member (obj, "items") == NULL && ga_member (obj, "sections") == NULL)
    ga_loader_problem (l, path, "a section needs \"items\" or \"sections\"");

  for (guint i = 0; items != NULL && i < ga_json_array_get_length (items); i++)
    {
      g_autofree char *ipath = ga_index_path (path, "items", i);
      GaJsonNode *io = ga_loader_element_object (l, ga_json_array_get_element (items, i), ipath);
      if (io != NULL)
        ga_loader_parse_item (l, io, ipath, section);
    }
  for (guint i = 0; children != NULL && i < ga_json_array_get_length (children); i++)
    {
      g_autofree char *cpath = ga_index_path (path, "sections", i);
      GaJsonNode *co = ga_loader_element_object (l, ga_json_array_get_element (children, i), cpath);
      if (co != NULL)
        parse_section (l, co, cpath, section, section->na_policy);
    }
}

/* ------------------------------------------------------------------------ */
/* Top level                                                                */

static int
compare_level_rules (gconstpointer a,
                     gconstpointer b)
{
  const GaLevelRule *ra = *(GaLevelRule * const *) a;
  const GaLevelRule *rb = *(GaLevelRule * const *) b;

  return ra->level - rb->level;
}

static void
parse_scoring (GaLoader   *l,
               GaJsonNode *root)
{
  static const char * const fields[] = {
    "scheme", "max", "pass", "na_policy", "bonus_cap", "grades", "levels", NULL
  };
  static const char * const grade_fields[] = { "id", "min", "label", NULL };
  static const char * const level_fields[] = {
    "level", "label", "min_index", "limiting", "others_min_level", NULL
  };
  GaTemplate *tmpl = l->tmpl;
  GaJsonNode *obj = ga_loader_want_object (l, root, "", "scoring", FALSE);
  g_autofree char *scheme = NULL;
  GaJsonNode *grades, *levels;

  tmpl->scheme = GA_SCHEME_POINTS;
  if (obj == NULL)
    return;
  ga_loader_check_fields (l, obj, "scoring", fields, NULL, NULL);
  if (ga_loader_want_string (l, obj, "scoring", "scheme", FALSE, &scheme))
    {
      if (g_str_equal (scheme, "points"))
        tmpl->scheme = GA_SCHEME_POINTS;
      else if (g_str_equal (scheme, "clean-production"))
        tmpl->scheme = GA_SCHEME_CLEAN_PRODUCTION;
      else if (g_str_equal (scheme, "none"))
        tmpl->scheme = GA_SCHEME_NONE;
      else
        ga_loader_problem (l, "scoring.scheme", "unknown scheme '%s' (use points, "
                           "clean-production or none)", scheme);
    }
  ga_loader_want_number (l, obj, "scoring", "max", FALSE, &tmpl->max_score);
  ga_loader_want_number (l, obj, "scoring", "pass", FALSE, &tmpl->pass_score);
  if (ga_loader_want_number (l, obj, "scoring", "bonus_cap", FALSE, &tmpl->bonus_cap)
      && tmpl->bonus_cap < 0)
    ga_loader_problem (l, "scoring.bonus_cap", "must not be negative");
  parse_na_policy (l, obj, "scoring", &tmpl->na_policy);
  if (!isnan (tmpl->pass_score) && !isnan (tmpl->max_score) && tmpl->pass_score > tmpl->max_score)
    ga_loader_problem (l, "scoring.pass", "the pass mark %g is above the maximum %g",
                       tmpl->pass_score, tmpl->max_score);

  grades = ga_loader_want_array (l, obj, "scoring", "grades", FALSE);
  for (guint i = 0; grades != NULL && i < ga_json_array_get_length (grades); i++)
    {
      g_autofree char *p = g_strdup_printf ("scoring.grades[%u]", i);
      GaJsonNode *go = ga_loader_element_object (l, ga_json_array_get_element (grades, i), p);
      GaGrade *grade;

      if (go == NULL)
        continue;
      ga_loader_check_fields (l, go, p, grade_fields, NULL, NULL);
      grade = g_new0 (GaGrade, 1);
      g_ptr_array_add (tmpl->grades, grade);
      ga_loader_want_string (l, go, p, "id", TRUE, &grade->id);
      ga_loader_want_number (l, go, p, "min", TRUE, &grade->min_score);
      if (!ga_loader_want_text (l, go, p, "label", FALSE, &grade->label) && grade->id != NULL)
        {
          grade->label.zh = g_strdup (grade->id);
          grade->label.en = g_strdup (grade->id);
        }
      if (i > 0 && grade->min_score >= ((GaGrade *) tmpl->grades->pdata[i - 1])->min_score)
        ga_loader_problem (l, p, "grades must be listed from the highest minimum down");
    }

  levels = ga_loader_want_array (l, obj, "scoring", "levels", FALSE);
  if (levels != NULL && tmpl->scheme != GA_SCHEME_CLEAN_PRODUCTION)
    ga_loader_problem (l, "scoring.levels", "levels are only used by scheme clean-production");
  if (levels == NULL && tmpl->scheme == GA_SCHEME_CLEAN_PRODUCTION)
    ga_loader_problem (l, "scoring", "missing required field 'levels' (the level decision table "
                       "of scheme clean-production)");
  for (guint i = 0; levels != NULL && i < ga_json_array_get_length (levels); i++)
    {
      g_autofree char *p = g_strdup_printf ("scoring.levels[%u]", i);
      GaJsonNode *lo = ga_loader_element_object (l, ga_json_array_get_element (levels, i), p);
      GaLevelRule *rule;

      if (lo == NULL)
        continue;
      ga_loader_check_fields (l, lo, p, level_fields, NULL, NULL);
      rule = g_new0 (GaLevelRule, 1);
      if (ga_loader_want_int (l, lo, p, "level", TRUE, 1, 3, &rule->level))
        for (guint k = 0; k < tmpl->level_rules->len; k++)
          if (((GaLevelRule *) tmpl->level_rules->pdata[k])->level == rule->level)
            ga_loader_problem (l, p, "level %d is listed twice", rule->level);
      if (!ga_loader_want_text (l, lo, p, "label", FALSE, &rule->label))
        {
          static const char * const names[] = { "?", "I", "II", "III" };
          rule->label.zh = g_strdup_printf ("%s级", names[CLAMP (rule->level, 0, 3)]);
          rule->label.en = g_strdup_printf ("Level %s", names[CLAMP (rule->level, 0, 3)]);
        }
      if (ga_loader_want_number (l, lo, p, "min_index", TRUE, &rule->min_index)
          && (rule->min_index < 0 || rule->min_index > 100))
        ga_loader_problem (l, p, "min_index must be between 0 and 100");
      ga_loader_want_bool (l, lo, p, "limiting", &rule->limiting_at_level);
      ga_loader_want_int (l, lo, p, "others_min_level", FALSE, 0, 3, &rule->others_min_level);
      if (rule->level != 0)
        g_ptr_array_add (tmpl->level_rules, rule);
      else
        {
          ga_text_clear (&rule->label);
          g_free (rule);
        }
    }
  g_ptr_array_sort (tmpl->level_rules, compare_level_rules);
}

static void
parse_outputs (GaLoader   *l,
               GaJsonNode *root)
{
  static const char * const fields[] = {
    "id", "title", "unit", "value", "format", "description", NULL
  };
  GaTemplate *tmpl = l->tmpl;
  GaJsonNode *outputs = ga_loader_want_array (l, root, "", "outputs", FALSE);

  for (guint i = 0; outputs != NULL && i < ga_json_array_get_length (outputs); i++)
    {
      g_autofree char *p = g_strdup_printf ("outputs[%u]", i);
      GaJsonNode *oo = ga_loader_element_object (l, ga_json_array_get_element (outputs, i), p);
      GaOutput *output;
      GaSiteOwner owner = { GA_NODE_OUTPUT, 0, 0, NULL, NULL };

      if (oo == NULL)
        continue;
      ga_loader_check_fields (l, oo, p, fields, NULL, NULL);
      output = g_new0 (GaOutput, 1);
      owner.owner_index = tmpl->outputs->len;
      g_ptr_array_add (tmpl->outputs, output);
      g_ptr_array_add (tmpl->output_paths, g_strdup (p));
      if (ga_loader_want_string (l, oo, p, "id", TRUE, &output->id))
        {
          if (!ga_is_identifier (output->id))
            {
              g_autofree char *ip = ga_field_path (p, "id");
              ga_loader_problem (l, ip, "'%s' is not a valid id (letters, digits and _, not "
                                 "starting with a digit)", output->id);
            }
          ga_loader_register_symbol (l, output->id, p, GA_SYMBOL_OUTPUT, owner.owner_index, 0);
        }
      else
        output->id = g_strdup_printf ("#output%u", owner.owner_index);
      ga_loader_want_text (l, oo, p, "title", TRUE, &output->title);
      ga_loader_want_string (l, oo, p, "unit", FALSE, &output->unit);
      ga_loader_want_string (l, oo, p, "format", FALSE, &output->format);
      ga_loader_want_text (l, oo, p, "description", FALSE, &output->description);
      output->formula = ga_loader_want_expr (l, oo, p, "value", TRUE, &owner, GA_STATIC_ANY, FALSE);
    }
}

/* "industries": ["30", "31"], the GB/T 4754-2017 divisions (two digits). */
static void
parse_industries (GaLoader   *l,
                  GaJsonNode *root)
{
  GaJsonNode *list = ga_loader_want_array (l, root, "", "industries", FALSE);
  GPtrArray *codes;

  if (list == NULL)
    return;
  codes = g_ptr_array_new ();
  for (guint i = 0; i < ga_json_array_get_length (list); i++)
    {
      GaJsonNode *node = ga_json_array_get_element (list, i);
      const char *code = GA_JSON_NODE_HOLDS_VALUE (node)
                         && ga_json_node_get_value_type (node) == G_TYPE_STRING
                         ? ga_json_node_get_string (node) : NULL;
      g_autofree char *p = g_strdup_printf ("industries[%u]", i);

      if (code == NULL || strlen (code) != 2 || !g_ascii_isdigit (code[0])
          || !g_ascii_isdigit (code[1]))
        ga_loader_problem (l, p, "an industry is a GB/T 4754-2017 division: two digits as text "
                           "(\"30\" for 非金属矿物制品业)");
      else
        g_ptr_array_add (codes, g_strdup (code));
    }
  g_ptr_array_add (codes, NULL);
  l->tmpl->industries = (GStrv) g_ptr_array_free (codes, FALSE);
}

static void
parse_root (GaLoader   *l,
            GaJsonNode *root_node)
{
  static const char * const fields[] = {
    "format", "id", "version", "kind", "title", "description", "standard", "province", "source",
    "verified", "unverified_reason", "scoring", "tables", "sections", "outputs", "based_on",
    "industries", NULL
  };
  static const char * const based_on_fields[] = { "id", "version", "sha256", NULL };
  static const char * const standard_fields[] = { "code", "title", "effective", NULL };
  GaTemplate *tmpl = l->tmpl;
  GaJsonNode *root, *standard;
  GaJsonNode *tables, *sections;
  g_autofree char *kind = NULL;
  int format = 0;

  if (!GA_JSON_NODE_HOLDS_OBJECT (root_node))
    {
      ga_loader_problem (l, "$", "a template is a JSON object, found %s",
                         ga_node_description (root_node));
      return;
    }
  root = ga_json_node_get_object (root_node);
  ga_loader_check_fields (l, root, "", fields, NULL, NULL);

  if (ga_loader_want_int (l, root, "", "format", TRUE, 0, G_MAXINT, &format) && format != 1)
    ga_loader_problem (l, "format", "format %d is not supported (this version reads format 1)",
                       format);
  if (ga_loader_want_string (l, root, "", "id", TRUE, &tmpl->id) && !is_template_id (tmpl->id))
    ga_loader_problem (l, "id", "'%s' is not a valid template id (lower-case letters, digits and "
                       ". _ -, starting with a letter or digit)", tmpl->id);
  ga_loader_want_string (l, root, "", "version", TRUE, &tmpl->version);
  if (ga_loader_want_string (l, root, "", "kind", TRUE, &kind))
    {
      if (!ga_template_kind_from_string (kind, &tmpl->kind))
        {
          g_autofree char *names = ga_template_kind_names ();
          ga_loader_problem (l, "kind", "unknown kind '%s' (use %s)", kind, names);
        }
    }
  ga_loader_want_text (l, root, "", "title", TRUE, &tmpl->title);
  ga_loader_want_text (l, root, "", "description", FALSE, &tmpl->description);
  standard = ga_loader_want_object (l, root, "", "standard", TRUE);
  if (standard != NULL)
    {
      ga_loader_check_fields (l, standard, "standard", standard_fields, NULL, NULL);
      ga_loader_want_string (l, standard, "standard", "code", TRUE, &tmpl->standard);
      ga_loader_want_string (l, standard, "standard", "title", FALSE, &tmpl->standard_title);
      if (ga_loader_want_string (l, standard, "standard", "effective", FALSE, &tmpl->effective)
          && !is_iso_date (tmpl->effective))
        ga_loader_problem (l, "standard.effective", "'%s' is not a date (YYYY-MM-DD)",
                           tmpl->effective);
    }
  ga_loader_want_string (l, root, "", "province", FALSE, &tmpl->province);
  ga_loader_want_string (l, root, "", "source", TRUE, &tmpl->source);
  ga_loader_want_bool (l, root, "", "verified", &tmpl->verified);
  ga_loader_want_string (l, root, "", "unverified_reason", FALSE, &tmpl->unverified_reason);
  if (!tmpl->verified && tmpl->unverified_reason == NULL)
    ga_loader_problem (l, "$", "a template with \"verified\": false needs \"unverified_reason\"");

  if (ga_json_object_has_member (root, "based_on"))
    {
      GaJsonNode *based_on = ga_loader_want_object (l, root, "", "based_on", FALSE);
      if (based_on != NULL)
        {
          ga_loader_check_fields (l, based_on, "based_on", based_on_fields, NULL, NULL);
          ga_loader_want_string (l, based_on, "based_on", "id", TRUE, &tmpl->based_on_id);
          ga_loader_want_string (l, based_on, "based_on", "version", TRUE,
                                 &tmpl->based_on_version);
          ga_loader_want_string (l, based_on, "based_on", "sha256", TRUE, &tmpl->based_on_hash);
        }
    }

  parse_industries (l, root);
  parse_scoring (l, root);

  /* Lookup tables first: choice columns take their options from them. */
  tables = ga_loader_want_array (l, root, "", "tables", FALSE);
  for (guint i = 0; tables != NULL && i < ga_json_array_get_length (tables); i++)
    {
      g_autofree char *p = g_strdup_printf ("tables[%u]", i);
      GaJsonNode *to = ga_loader_element_object (l, ga_json_array_get_element (tables, i), p);
      if (to != NULL)
        ga_loader_parse_lookup_table (l, to, p);
    }

  sections = ga_loader_want_array (l, root, "", "sections", TRUE);
  if (sections != NULL && ga_json_array_get_length (sections) == 0)
    ga_loader_problem (l, "sections", "a template needs at least one section");
  for (guint i = 0; sections != NULL && i < ga_json_array_get_length (sections); i++)
    {
      g_autofree char *p = g_strdup_printf ("sections[%u]", i);
      GaJsonNode *so = ga_loader_element_object (l, ga_json_array_get_element (sections, i), p);
      if (so != NULL)
        parse_section (l, so, p, NULL, tmpl->na_policy);
    }

  parse_outputs (l, root);
}

/* ------------------------------------------------------------------------ */
/* Problems in file order                                                   */

/* The two trees problems are sorted over (json-glib's, for answers files
 * and overlays, and ga-json-doc.h's, for templates), seen by the walker
 * below through two steps: a member by name, giving its position among
 * the members, and an element by index. Each returns NULL when the step
 * does not exist. */
typedef struct {
  gpointer (*member)  (gpointer node, const char *name, gsize len, guint *pos);
  gpointer (*element) (gpointer node, guint64 index);
} TreeSteps;

static gpointer
glib_member (gpointer    node,
             const char *name,
             gsize       len,
             guint      *pos)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  guint k = 0;

  if (!JSON_NODE_HOLDS_OBJECT ((JsonNode *) node))
    return NULL;
  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  for (; json_object_iter_next_ordered (&iter, &key, &value); k++)
    if (strlen (key) == len && memcmp (key, name, len) == 0)
      {
        *pos = k;
        return value;
      }
  return NULL;
}

static gpointer
glib_element (gpointer node,
              guint64  index)
{
  if (!JSON_NODE_HOLDS_ARRAY ((JsonNode *) node)
      || index >= json_array_get_length (json_node_get_array (node)))
    return NULL;
  return json_array_get_element (json_node_get_array (node), (guint) index);
}

static gpointer
doc_member (gpointer    node,
            const char *name,
            gsize       len,
            guint      *pos)
{
  GaJsonObjectIter iter;
  const char *key;
  GaJsonNode *value;
  guint k = 0;

  if (!GA_JSON_NODE_HOLDS_OBJECT ((GaJsonNode *) node))
    return NULL;
  ga_json_object_iter_init (&iter, node);
  for (; ga_json_object_iter_next (&iter, &key, &value); k++)
    if (strlen (key) == len && memcmp (key, name, len) == 0)
      {
        *pos = k;
        return value;
      }
  return NULL;
}

static gpointer
doc_element (gpointer node,
             guint64  index)
{
  if (!GA_JSON_NODE_HOLDS_ARRAY ((GaJsonNode *) node)
      || index >= ga_json_array_get_length (node))
    return NULL;
  return ga_json_array_get_element (node, (guint) index);
}

static const TreeSteps glib_steps = { glib_member, glib_element };
static const TreeSteps doc_steps = { doc_member, doc_element };

/* The position of each step of @path ("sections[2].items[5].score") in the
 * document: member order for objects, the index for lists. Steps that do
 * not exist sort after those that do. */
static GArray *
path_positions (gpointer          root,
                const char       *path,
                const TreeSteps  *steps)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  gpointer node = root;
  const char *p = path;

  if (g_str_equal (path, "$"))
    return out;
  while (*p != '\0')
    {
      const char *name = p;
      gsize len;
      guint pos = G_MAXUINT;

      while (*p != '\0' && *p != '.' && *p != '[')
        p++;
      len = p - name;
      if (len > 0)
        {
          node = node != NULL ? steps->member (node, name, len, &pos) : NULL;
          g_array_append_val (out, pos);
        }
      while (*p == '[')
        {
          guint64 index = g_ascii_strtoull (p + 1, (char **) &p, 10);
          if (*p == ']')
            p++;
          pos = (guint) MIN (index, G_MAXUINT - 1);
          node = node != NULL ? steps->element (node, index) : NULL;
          g_array_append_val (out, pos);
        }
      if (*p == '.')
        p++;
      else if (*p != '\0' && *p != '[')
        break;
    }
  return out;
}

typedef struct {
  GArray *positions;
  guint   seq;
  char   *text;
} SortedProblem;

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const SortedProblem *pa = a, *pb = b;
  guint n = MIN (pa->positions->len, pb->positions->len);

  for (guint i = 0; i < n; i++)
    {
      guint x = g_array_index (pa->positions, guint, i);
      guint y = g_array_index (pb->positions, guint, i);
      if (x != y)
        return x < y ? -1 : 1;
    }
  if (pa->positions->len != pb->positions->len)
    return pa->positions->len < pb->positions->len ? -1 : 1;
  return pa->seq < pb->seq ? -1 : (pa->seq > pb->seq);
}

static void
sort_problems (GPtrArray       *problems,
               gpointer         root,
               const TreeSteps *steps)
{
  g_autoptr(GArray) sorted = NULL;

  if (problems == NULL || problems->len < 2 || root == NULL)
    return;
  sorted = g_array_sized_new (FALSE, FALSE, sizeof (SortedProblem), problems->len);
  for (guint i = 0; i < problems->len; i++)
    {
      char *text = problems->pdata[i];
      const char *colon = strstr (text, ": ");
      g_autofree char *path = colon != NULL ? g_strndup (text, colon - text) : g_strdup ("$");
      SortedProblem sp = { path_positions (root, path, steps), i, text };
      g_array_append_val (sorted, sp);
    }
  g_array_sort (sorted, compare_problems);
  for (guint i = 0; i < sorted->len; i++)
    {
      SortedProblem *sp = &g_array_index (sorted, SortedProblem, i);
      problems->pdata[i] = sp->text;
      g_array_unref (sp->positions);
    }
}

void
ga_problems_sort (GPtrArray *problems,
                  JsonNode  *root)
{
  sort_problems (problems, root, &glib_steps);
}

void
ga_problems_sort_doc (GPtrArray  *problems,
                      GaJsonNode *root)
{
  sort_problems (problems, root, &doc_steps);
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                  */

/* The most bytes a template may have: 64 MB unless the environment
 * variable GREENASSESS_TEMPLATE_MAX_MB says otherwise. The limit keeps a
 * file picked by mistake from taking the memory of the machine; reading
 * takes about 1.5 times the size of the file, plus what the template holds
 * (docs/template-format.md). */
gsize
ga_template_get_max_bytes (void)
{
  const char *env = g_getenv ("GREENASSESS_TEMPLATE_MAX_MB");
  guint64 mb;
  char *end = NULL;

  if (env == NULL || *env == '\0')
    return DEFAULT_MAX_TEMPLATE_BYTES;
  mb = g_ascii_strtoull (env, &end, 10);
  if (end == env || *end != '\0' || mb == 0)
    return DEFAULT_MAX_TEMPLATE_BYTES;
  return (gsize) MIN (mb, G_MAXSIZE / (1024 * 1024)) * 1024 * 1024;
}

static gboolean
check_size (gsize    length,
            GError **error)
{
  gsize max = ga_template_get_max_bytes ();

  if (length <= max)
    return TRUE;
  g_set_error (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_JSON,
               "1:1: the file is %" G_GSIZE_FORMAT " MB (%" G_GSIZE_FORMAT " bytes); templates "
               "are limited to %" G_GSIZE_FORMAT " MB. To read a larger one, set the "
               "environment variable GREENASSESS_TEMPLATE_MAX_MB to a size in MB at least as "
               "large (for example GREENASSESS_TEMPLATE_MAX_MB=%" G_GSIZE_FORMAT ") and try "
               "again",
               (length + 1024 * 1024 - 1) / (1024 * 1024), length, max / (1024 * 1024),
               ((length + 1024 * 1024 - 1) / (1024 * 1024) + 63) / 64 * 64);
  return FALSE;
}

static void
json_error (GError  *local_error,
            GError **error)
{
  if (g_error_matches (local_error, GA_JSON_ERROR, GA_JSON_ERROR_EMPTY))
    g_set_error_literal (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_JSON,
                         "1:1: the file is empty; a template is a JSON object");
  else
    g_set_error_literal (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_JSON,
                         local_error->message);
}

/* The reader of templates (ga-json-doc.h). */
static GaJsonDoc *
parse_doc (const char  *data,
           gsize        length,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GaJsonDoc *doc;

  if (!check_size (length, error))
    return NULL;
  doc = ga_json_doc_parse (data, length, MAX_JSON_DEPTH, &local_error);
  if (doc == NULL)
    json_error (local_error, error);
  return doc;
}

/* json-glib's tree, for the overlays (ga-template-overlay.c merges them as
 * json-glib trees and hands back the merged text). */
static JsonParser *
parse_json (const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonParser *parser;

  if (!check_size (length, error))
    return NULL;
  parser = ga_json_parse_bounded (data, (gssize) length, MAX_JSON_DEPTH, &local_error);
  if (parser == NULL)
    json_error (local_error, error);
  return parser;
}

/* As _ga_template_is_overlay(): the template extends another ("extends")
 * or takes a lookup table from another ("from" in a table). */
static gboolean
is_overlay (GaJsonNode *root)
{
  GaJsonNode *tables;

  if (!GA_JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  if (ga_json_object_has_member (root, "extends"))
    return TRUE;
  tables = ga_json_object_get_member (root, "tables");
  for (guint i = 0; GA_JSON_NODE_HOLDS_ARRAY (tables) && i < ga_json_array_get_length (tables);
       i++)
    {
      GaJsonNode *table = ga_json_array_get_element (tables, i);
      if (GA_JSON_NODE_HOLDS_OBJECT (table) && ga_json_object_has_member (table, "from"))
        return TRUE;
    }
  return FALSE;
}

#ifdef G_OS_UNIX
static void
unmap_copy (gpointer data)
{
  gsize *block = (gsize *) data - 2;

  munmap (block, block[0]);
}
#endif

/* The copy of the bytes kept with the template. A large one gets pages of
 * its own: as one big block of the malloc heap, freeing it makes malloc
 * sweep every small free block of the heap (malloc_consolidate), which
 * took 8 % of loading and freeing a 10 000-item template. */
static GBytes *
copy_bytes (const char *data,
            gsize       len)
{
#ifdef G_OS_UNIX
  if (len >= 1024 * 1024)
    {
      gsize size = len + 2 * sizeof (gsize);
      gsize *block = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
                           0);
      if (block != MAP_FAILED)
        {
          block[0] = size;
          memcpy (block + 2, data, len);
          return g_bytes_new_with_free_func (block + 2, len, unmap_copy, block + 2);
        }
    }
#endif
  return g_bytes_new (data, len);
}

static GaTemplate *load (const char *data, gssize length, const char *origin,
                         GPtrArray **problems_out, GError **error);

/* A template that extends another: its changes applied to the base, read
 * as one template. Problems of the changes name the overlay's own paths;
 * problems of the result say that they are found after the changes. */
static GaTemplate *
load_overlay (JsonParser  *parser,
              GBytes      *bytes,
              const char  *origin,
              GPtrArray  **problems_out,
              GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *merged = _ga_template_expand_overlay (json_parser_get_root (parser), problems,
                                                         0);
  GaTemplate *tmpl;

  if (merged == NULL)
    {
      tmpl = ga_template_alloc ();
      tmpl->bytes = g_bytes_ref (bytes);
      tmpl->origin = g_strdup (origin);
      ga_problems_sort (problems, json_parser_get_root (parser));
      *problems_out = g_steal_pointer (&problems);
      return tmpl;
    }
  tmpl = load (merged, -1, origin, problems_out, error);
  for (guint i = 0; tmpl != NULL && i < (*problems_out)->len; i++)
    {
      char *p = (*problems_out)->pdata[i];

      (*problems_out)->pdata[i] = g_strconcat ("after the changes, ", p, NULL);
      g_free (p);
    }
  return tmpl;
}

/* Loads and validates; returns the template (even with problems) and the
 * problems, or NULL when @data is not JSON. */
static GaTemplate *
load (const char  *data,
      gssize       length,
      const char  *origin,
      GPtrArray  **problems_out,
      GError     **error)
{
  g_autoptr(GaJsonDoc) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GaLoader loader = { 0 };
  GaJsonNode *root;
  gsize len;

  if (data == NULL)
    {
      data = "";
      length = 0;
    }
  len = length < 0 ? strlen (data) : (gsize) length;
  if (!check_size (len, error))
    return NULL;
  /* The copy kept with the template is made first, while the heap holds
   * no small free blocks: a large allocation after the JSON tree was built
   * and freed makes malloc sweep them all (seen as malloc_consolidate in
   * profiles of large templates). */
  bytes = copy_bytes (data, len);
  doc = parse_doc (g_bytes_get_data (bytes, NULL), len, error);
  if (doc == NULL)
    return NULL;
  root = ga_json_doc_get_root (doc);
  if (is_overlay (root))
    {
      g_autoptr(JsonParser) parser = NULL;

      g_clear_pointer (&doc, ga_json_doc_free);
      parser = parse_json (g_bytes_get_data (bytes, NULL), len, error);
      if (parser == NULL)
        return NULL;
      return load_overlay (parser, bytes, origin, problems_out, error);
    }

  loader.tmpl = ga_template_alloc ();
  loader.problems = g_ptr_array_new_with_free_func (g_free);
  loader.id_paths = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  loader.tmpl->bytes = g_steal_pointer (&bytes);
  loader.tmpl->origin = g_strdup (origin);

  parse_root (&loader, root);
  /* Everything is read: the tree goes before validation builds its graph,
   * which keeps the peak memory of a large template lower by the size of
   * the tree (about 430 bytes an item). */
  g_clear_pointer (&doc, ga_json_doc_free);
  ga_template_validate_all (&loader);
  _ga_template_number_items (loader.tmpl);
  /* Checks run field by field and then over the whole template; a person
   * fixing the file reads the problems from top to bottom. Sorting needs
   * the tree again, read once more only then. */
  if (loader.problems->len > 1)
    {
      doc = ga_json_doc_parse (g_bytes_get_data (loader.tmpl->bytes, NULL), len, MAX_JSON_DEPTH,
                               NULL);
      if (doc != NULL)
        ga_problems_sort_doc (loader.problems, ga_json_doc_get_root (doc));
    }

  g_hash_table_unref (loader.id_paths);
  g_clear_pointer (&loader.untyped, g_hash_table_unref);
  *problems_out = loader.problems;
  return loader.tmpl;
}

GaTemplate *
ga_template_new_from_data (const char  *data,
                           gssize       length,
                           const char  *origin,
                           GError     **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  GaTemplate *tmpl;

  tmpl = load (data, length, origin, &problems, error);
  if (tmpl == NULL)
    return NULL;
  if (problems->len > 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);
      guint shown = MIN (problems->len, MAX_PROBLEMS_IN_ERROR);

      for (guint i = 0; i < shown; i++)
        {
          if (i > 0)
            g_string_append_c (message, '\n');
          g_string_append (message, problems->pdata[i]);
        }
      if (shown < problems->len)
        g_string_append_printf (message, "\n… and %u more problem%s", problems->len - shown,
                                problems->len - shown == 1 ? "" : "s");
      g_set_error_literal (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_INVALID, message->str);
      ga_template_unref (tmpl);
      return NULL;
    }
  return tmpl;
}

GPtrArray *
ga_template_validate_data (const char  *data,
                           gssize       length,
                           GError     **error)
{
  GPtrArray *problems = NULL;
  GaTemplate *tmpl;

  tmpl = load (data, length, NULL, &problems, error);
  if (tmpl == NULL)
    return NULL;
  ga_template_unref (tmpl);
  return problems;
}
