/* greenassess-cli.c: the command-line tool (same engine as the application, no GTK)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ga-cli.h"

/* The commands. A new command is one line here and a handler in its own
 * file (declared in ga-cli.h). Store and export commands exist only when
 * their libraries are built (see app/meson.build). */
static const GaCliCommand commands[] = {
  { "templates",  N_("List the bundled templates"),                    ga_cli_cmd_templates },
  { "validate",   N_("Check template files and list every problem"),   ga_cli_cmd_validate },
  { "evaluate",   N_("Score a template against an answers file"),      ga_cli_cmd_evaluate },
  { "formula",    N_("Evaluate a formula or show its Excel form"),     ga_cli_cmd_formula },
#ifdef GA_CLI_HAVE_STORE
  { "db",         N_("Create, check, back up or migrate the database"), ga_cli_cmd_db },
  { "enterprise", N_("Add, list, show or edit enterprises"),           ga_cli_cmd_enterprise },
  { "assessment", N_("Start, list, show or score assessments"),        ga_cli_cmd_assessment },
  { "answer",     N_("Set, clear or list the answers of an assessment"), ga_cli_cmd_answer },
  { "evidence",   N_("Attach, list or extract evidence files"),        ga_cli_cmd_evidence },
  { "package",    N_("Write or read an assessment package file"),      ga_cli_cmd_package },
#endif
#ifdef GA_CLI_HAVE_EXPORT
  { "export",     N_("Write the submission workbook of an assessment"), ga_cli_cmd_export },
#endif
};

static void
print_usage (FILE *stream)
{
  guint width = 0;

  fprintf (stream, _("Usage:\n  %s COMMAND [OPTION…] [ARGUMENT…]\n\n"), "greenassess-cli");
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, strlen (commands[i].name));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-*s  %s\n", (int) width, commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n",
           _("Run 'greenassess-cli COMMAND --help' for the options of a command.\n"
             "Exit status: 0 success, 1 invalid input, 2 wrong usage."));
}

static const GaCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* templates                                                                */

int
ga_cli_cmd_templates (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(GStrv) ids = NULL;
  guint widths[5] = { 0, };
  int status = GA_CLI_EXIT_OK;
  int exit_code;
  const char *headers[5] = {
    _("ID"), _("VERSION"), _("STANDARD"), _("TITLE (zh_CN)"), _("TITLE (en)"),
  };

  if (!ga_cli_parse_options (&argc, &argv, NULL,
                             _("Lists the bundled templates (those compiled into the program):\n"
                               "id, version, standard and the titles in both languages."),
                             NULL, NULL, 0, &context, &exit_code))
    return exit_code;
  if (argc > 1)
    return ga_cli_usage_error (context, _("unexpected argument '%s'"), argv[1]);

  ids = ga_template_list_bundled ();
  if (ids == NULL || ids[0] == NULL)
    {
      g_printerr ("%s\n", _("No bundled templates."));
      return GA_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    widths[i] = ga_cli_display_width (headers[i]);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource (ids[i], &error);
      char **row;

      if (tmpl == NULL)
        {
          /* A broken bundled template is a defect of the build: report it,
           * list the others, and fail at the end. */
          ga_cli_print_problem (ids[i], error->message);
          status = GA_CLI_EXIT_INVALID;
          continue;
        }

      row = g_new0 (char *, 6);
      row[0] = g_strdup (ga_template_get_id (tmpl));
      row[1] = g_strdup (ga_template_get_version (tmpl));
      row[2] = g_strdup (ga_template_get_standard (tmpl) != NULL
                         ? ga_template_get_standard (tmpl) : "-");
      row[3] = g_strdup (ga_text_get (ga_template_get_title (tmpl), "zh_CN"));
      row[4] = g_strdup (ga_text_get (ga_template_get_title (tmpl), "en"));
      for (guint c = 0; c < 5; c++)
        {
          if (row[c] == NULL)
            row[c] = g_strdup ("-");
          widths[c] = MAX (widths[c], ga_cli_display_width (row[c]));
        }
      g_ptr_array_add (rows, row);
    }

  if (rows->len > 0)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      for (guint c = 0; c < 5; c++)
        {
          if (c < 4)
            {
              ga_cli_append_padded (out, headers[c], widths[c]);
              g_string_append (out, "  ");
            }
          else
            g_string_append (out, headers[c]);
        }
      g_string_append_c (out, '\n');

      for (guint r = 0; r < rows->len; r++)
        {
          char **row = g_ptr_array_index (rows, r);

          for (guint c = 0; c < 5; c++)
            {
              if (c < 4)
                {
                  ga_cli_append_padded (out, row[c], widths[c]);
                  g_string_append (out, "  ");
                }
              else
                g_string_append (out, row[c]);
            }
          g_string_append_c (out, '\n');
        }
      fputs (out->str, stdout);
    }

  return status;
}

/* ------------------------------------------------------------------------ */
/* validate                                                                 */

static gboolean
validate_one (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autofree char *data = NULL;
  g_autofree char *shown = g_filename_display_name (path);
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("cannot read the file: %s"), error->message);

      ga_cli_print_problem (path, message);
      return FALSE;
    }

  problems = ga_template_validate_data (data, length, &error);
  if (problems == NULL)
    {
      /* Not JSON at all: the message has the line and column. */
      ga_cli_print_problem (path, error->message);
      return FALSE;
    }

  if (problems->len > 0)
    {
      for (guint i = 0; i < problems->len; i++)
        ga_cli_print_problem (path, g_ptr_array_index (problems, i));
      g_printerr (ngettext ("%s: %u problem\n", "%s: %u problems\n", problems->len),
                  shown, problems->len);
      return FALSE;
    }

  /* No problems: load it for the line that names what was checked. */
  tmpl = ga_template_new_from_data (data, length, shown, &error);
  if (tmpl == NULL)
    {
      ga_cli_print_problem (path, error->message);
      return FALSE;
    }

  g_print (ngettext ("%s: valid (%s %s, %u item)\n", "%s: valid (%s %s, %u items)\n",
                     ga_template_get_items (tmpl)->len),
           shown, ga_template_get_id (tmpl), ga_template_get_version (tmpl),
           ga_template_get_items (tmpl)->len);
  return TRUE;
}

int
ga_cli_cmd_validate (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  gboolean all_valid = TRUE;
  int exit_code;

  if (!ga_cli_parse_options (&argc, &argv, _("FILE…"),
                             _("Checks template files. Every problem is listed with its JSON\n"
                               "path, e.g. sections[2].items[5].score: unknown item 'E9'."),
                             NULL, NULL, GA_CLI_FILE_ARGS_ALL, &context, &exit_code))
    return exit_code;
  if (argc < 2)
    return ga_cli_usage_error (context, _("missing FILE: give at least one template file"));

  for (int i = 1; i < argc; i++)
    if (!validate_one (argv[i]))
      all_valid = FALSE;

  return all_valid ? GA_CLI_EXIT_OK : GA_CLI_EXIT_INVALID;
}

/* ------------------------------------------------------------------------ */
/* evaluate                                                                 */

typedef struct {
  GaEngine   *engine;
  GString    *out;
  const char *lang;
} EvalPrinter;

static void
append_trace (EvalPrinter *p,
              const char  *id,
              guint        indent)
{
  g_autofree char *trace = ga_engine_explain (p->engine, id);
  g_auto(GStrv) lines = NULL;

  if (trace == NULL || trace[0] == '\0')
    return;
  lines = g_strsplit (trace, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      g_string_append_printf (p->out, "%*s%s\n", (int) indent, "", lines[i]);
    }
}

static void
append_score (GString        *out,
              const GaResult *r)
{
  g_autofree char *score = ga_cli_format_number (r->score);
  g_autofree char *max = ga_cli_format_number (r->max);

  /* Translators: a score, e.g. "6.5 of 10" */
  g_string_append_printf (out, _("%s of %s"), score, max);
}

static void
append_item (EvalPrinter  *p,
             const GaItem *item,
             guint         depth)
{
  const GaResult *r = ga_engine_get_item_result (p->engine, item);
  guint indent = 2 + 2 * depth;

  g_string_append_printf (p->out, "%*s%s  %s", (int) indent, "", item->id,
                          ga_text_get (&item->title, p->lang));
  if (r == NULL)
    {
      g_string_append_c (p->out, '\n');
      return;
    }

  g_string_append (p->out, "  [");
  g_string_append (p->out, ga_status_to_display (r->status));
  g_string_append (p->out, "]");

  if (item->kind == GA_ITEM_TABLE)
    {
      guint n = ga_engine_get_n_rows (p->engine, item);

      g_string_append (p->out, "  ");
      g_string_append_printf (p->out, ngettext ("%u row", "%u rows", n), n);
    }
  else if (r->value.kind != GA_VALUE_BLANK)
    {
      /* As the item's "format" says ("0.00", "0.0%"), like the workbook. */
      g_autofree char *value = ga_engine_format_value (p->engine, item->id);

      g_string_append_printf (p->out, "  %s %s", _("value"), value);
      if (item->unit != NULL && r->value.kind == GA_VALUE_NUMBER)
        g_string_append_printf (p->out, " %s", item->unit);
    }

  if (item->veto)
    {
      g_string_append (p->out, "  ");
      if (r->veto_failed)
        g_string_append (p->out, _("veto FAILED"));
      else if (r->status == GA_STATUS_COMPLETE)
        g_string_append (p->out, _("veto met"));
      else if (r->status == GA_STATUS_NA)
        g_string_append (p->out, _("veto not applicable"));
      else
        g_string_append (p->out, _("veto pending"));
    }

  if (!isnan (r->score) || !isnan (r->max))
    {
      g_string_append (p->out, "  ");
      g_string_append (p->out, _("score"));
      g_string_append_c (p->out, ' ');
      append_score (p->out, r);
    }

  if (r->level >= 0)
    {
      if (r->level == 0)
        g_string_append_printf (p->out, "  %s", _("level below III"));
      else
        g_string_append_printf (p->out, "  %s %s", _("level"),
                                r->level == 1 ? "I" : r->level == 2 ? "II" : "III");
    }

  if (item->bonus)
    g_string_append_printf (p->out, "  (%s)", _("bonus"));

  g_string_append_c (p->out, '\n');
  append_trace (p, item->id, indent + 4);
}

static void
append_section (EvalPrinter     *p,
                const GaSection *section)
{
  const GaResult *r = ga_engine_get_section_result (p->engine, section);
  guint indent = 2 * section->depth;
  /* Sections that hold only veto items, inputs or tables have no points:
   * "0 of 0" would only be noise there. */
  gboolean scored = r != NULL && ((!isnan (r->max) && r->max != 0)
                                  || (!isnan (r->score) && r->score != 0)
                                  || !isnan (r->weight));

  g_string_append_printf (p->out, "%*s%s  %s", (int) indent, "", section->id,
                          ga_text_get (&section->title, p->lang));
  if (r != NULL)
    {
      g_string_append (p->out, "  [");
      g_string_append (p->out, ga_status_to_display (r->status));
      g_string_append (p->out, "]  ");
      if (scored && (!isnan (r->score) || !isnan (r->max)))
        {
          g_string_append (p->out, _("score"));
          g_string_append_c (p->out, ' ');
          append_score (p->out, r);
          g_string_append (p->out, "  ");
        }
      g_string_append_printf (p->out, _("answered %u of %u"), r->answered, r->total);
    }
  g_string_append_c (p->out, '\n');
  if (scored)
    append_trace (p, section->id, indent + 4);

  for (guint i = 0; section->items != NULL && i < section->items->len; i++)
    append_item (p, g_ptr_array_index (section->items, i), section->depth + 1);
  for (guint i = 0; section->sections != NULL && i < section->sections->len; i++)
    append_section (p, g_ptr_array_index (section->sections, i));
}

static const char *
level_name (int level)
{
  switch (level)
    {
    case 1: return "I";
    case 2: return "II";
    case 3: return "III";
    default: return NULL;
    }
}

static void
append_summary (EvalPrinter *p,
                GaTemplate  *tmpl)
{
  const GaSummary *s = ga_engine_get_summary (p->engine);
  g_autofree char *score = ga_cli_format_number (s->score);
  g_autofree char *max = ga_cli_format_number (s->max);
  g_autofree char *explain = NULL;
  GString *out = p->out;

  g_string_append_printf (out, "%s: %s %s", _("Template"), ga_template_get_id (tmpl),
                          ga_template_get_version (tmpl));
  if (ga_template_get_standard (tmpl) != NULL)
    g_string_append_printf (out, " (%s)", ga_template_get_standard (tmpl));
  g_string_append_c (out, '\n');
  g_string_append_printf (out, "%s: %s\n", _("Title"),
                          ga_text_get (ga_template_get_title (tmpl), p->lang));
  if (!ga_template_get_verified (tmpl))
    g_string_append_printf (out, "%s\n",
                            _("Note: this template has values not verified against the "
                              "official text."));
  g_string_append_printf (out, "%s: ", _("Answered"));
  g_string_append_printf (out, ngettext ("%u of %u item", "%u of %u items", s->total),
                          s->answered, s->total);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, "%s: %s\n", _("Status"), ga_status_to_display (s->status));

  if (ga_template_get_scheme (tmpl) != GA_SCHEME_NONE && !isnan (s->max))
    {
      g_string_append_printf (out, "%s: ", _("Score"));
      g_string_append_printf (out, _("%s of %s"), score, max);
      g_string_append_c (out, '\n');
    }
  if (!isnan (s->bonus) && s->bonus != 0)
    {
      g_autofree char *bonus = ga_cli_format_number (s->bonus);

      g_string_append_printf (out, "%s: %s\n", _("Bonus"), bonus);
    }

  g_string_append_printf (out, "%s: %s", _("Veto"), ga_veto_status_to_display (s->veto));
  if (s->veto_failures != NULL && s->veto_failures->len > 0)
    {
      g_string_append_printf (out, " (%s ", _("not met:"));
      for (guint i = 0; i < s->veto_failures->len; i++)
        {
          const GaItem *item = g_ptr_array_index (s->veto_failures, i);

          if (i > 0)
            g_string_append (out, ", ");
          g_string_append_printf (out, "%s %s", item->id, ga_text_get (&item->title, p->lang));
        }
      g_string_append_c (out, ')');
    }
  g_string_append_c (out, '\n');

  if (s->grade != NULL)
    {
      const char *label = ga_text_get (&s->grade->label, p->lang);

      /* A grade without a label is labelled with its id: show it once. */
      if (label == NULL || label[0] == '\0' || g_strcmp0 (label, s->grade->id) == 0)
        g_string_append_printf (out, "%s: %s\n", _("Grade"), s->grade->id);
      else
        g_string_append_printf (out, "%s: %s %s\n", _("Grade"), s->grade->id, label);
    }

  if (ga_template_get_scheme (tmpl) == GA_SCHEME_CLEAN_PRODUCTION)
    {
      g_autofree char *y1 = ga_cli_format_number (s->index[0]);
      g_autofree char *y2 = ga_cli_format_number (s->index[1]);
      g_autofree char *y3 = ga_cli_format_number (s->index[2]);
      const char *name = level_name (s->level);

      /* -1: the engine is still waiting for an indicator or weight; the
       * summary's explanation below says which. */
      if (s->level < 0)
        name = _("not determined yet");
      else if (name == NULL)
        name = _("below III");
      g_string_append_printf (out, "%s: %s  (Y_I %s, Y_II %s, Y_III %s)\n", _("Level"),
                              name, y1, y2, y3);
    }
  else if (ga_template_get_scheme (tmpl) == GA_SCHEME_POINTS)
    g_string_append_printf (out, "%s: %s\n", _("Passed"), s->passed ? _("yes") : _("no"));

  explain = ga_engine_explain_summary (p->engine);
  if (explain != NULL && explain[0] != '\0')
    {
      g_auto(GStrv) lines = g_strsplit (explain, "\n", -1);

      g_string_append_c (out, '\n');
      for (guint i = 0; lines[i] != NULL; i++)
        if (lines[i][0] != '\0')
          g_string_append_printf (out, "  %s\n", lines[i]);
    }
}

static void
append_outputs (EvalPrinter *p,
                GaTemplate  *tmpl)
{
  GPtrArray *outputs = ga_template_get_outputs (tmpl);

  if (outputs == NULL || outputs->len == 0)
    return;

  g_string_append_printf (p->out, "\n%s\n", _("Outputs"));
  for (guint i = 0; i < outputs->len; i++)
    {
      const GaOutput *o = g_ptr_array_index (outputs, i);
      const GaResult *r = ga_engine_get_output_result (p->engine, o);
      g_autofree char *value = r != NULL ? ga_engine_format_value (p->engine, o->id) : NULL;

      g_string_append_printf (p->out, "  %s  %s  = %s", o->id, ga_text_get (&o->title, p->lang),
                              value != NULL && value[0] != '\0' ? value : _("(blank)"));
      if (o->unit != NULL && r != NULL && r->value.kind == GA_VALUE_NUMBER)
        g_string_append_printf (p->out, " %s", o->unit);
      g_string_append_c (p->out, '\n');
      append_trace (p, o->id, 6);
    }
}

static int
print_json_results (GaEngine   *engine,
                    GaTemplate *tmpl)
{
  g_autoptr(JsonNode) results = ga_engine_results_to_json (engine);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  JsonObject *root;

  /* The results as the engine writes them (docs/template-format.md). They
   * name the template they were computed with; should a future engine leave
   * that out, it is added here, because a result without the template
   * version and hash cannot be reproduced. */
  root = JSON_NODE_HOLDS_OBJECT (results) ? json_node_get_object (results) : NULL;
  if (root != NULL && !json_object_has_member (root, "template"))
    {
      JsonObject *t = json_object_new ();

      json_object_set_string_member (t, "id", ga_template_get_id (tmpl));
      json_object_set_string_member (t, "version", ga_template_get_version (tmpl));
      json_object_set_string_member (t, "content_hash", ga_template_get_content_hash (tmpl));
      json_object_set_object_member (root, "template", t);
    }

  json_generator_set_root (generator, results);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
  return GA_CLI_EXIT_OK;
}

int
ga_cli_cmd_evaluate (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GaAnswerSet) answers = NULL;
  g_autoptr(GaEngine) engine = NULL;
  g_autofree char *lang = NULL;
  gboolean json = FALSE;
  int exit_code;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the results as JSON (template id, version and content hash, summary, "
         "sections, items, outputs)"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("Language of titles and explanations: zh_CN or en (default: the user's language "
         "from LANGUAGE/LC_ALL/LC_MESSAGES/LANG, zh* gives zh_CN, anything else en)"),
      N_("LANG") },
    { NULL }
  };

  if (!ga_cli_parse_options (&argc, &argv, _("TEMPLATE ANSWERS.json"),
                             _("Scores the answers in ANSWERS.json against TEMPLATE (a bundled\n"
                               "template id or a template file) and prints the totals, veto\n"
                               "status, grade or level, every section and item score with the\n"
                               "explanation of how it came about, and the outputs."),
                             _("The answers file is {\"template\": \"ID\", \"answers\": "
                               "{\"ITEM\": value, …}}; see docs/template-format.md."),
                             entries, GA_CLI_FILE_ARGS_ALL, &context, &exit_code))
    return exit_code;
  if (argc < 3)
    return ga_cli_usage_error (context, argc < 2
                               ? _("missing TEMPLATE and ANSWERS.json")
                               : _("missing ANSWERS.json"));
  if (argc > 3)
    return ga_cli_usage_error (context, _("unexpected argument '%s'"), argv[3]);
  if (!ga_cli_set_language (lang, &error))
    return ga_cli_usage_error (context, "--lang: %s", error->message);
  if (lang == NULL)
    lang = g_strdup (ga_cli_default_language ());

  tmpl = ga_cli_open_template (argv[1], &error);
  if (tmpl == NULL)
    {
      ga_cli_print_problem (argv[1], error->message);
      return GA_CLI_EXIT_INVALID;
    }

  if (!g_file_test (argv[2], G_FILE_TEST_EXISTS))
    {
      ga_cli_print_problem (argv[2], _("no such file; give the path of an answers file "
                                       "(JSON, see docs/template-format.md)"));
      return GA_CLI_EXIT_INVALID;
    }
  answers = ga_answer_set_new_from_file (argv[2], tmpl, &error);
  if (answers == NULL)
    {
      ga_cli_print_problem (argv[2], error->message);
      return GA_CLI_EXIT_INVALID;
    }

  engine = ga_engine_new (tmpl);
  ga_engine_set_answers (engine, answers);

  if (json)
    return print_json_results (engine, tmpl);

  {
    g_autoptr(GString) out = g_string_new (NULL);
    EvalPrinter printer = { engine, out, lang };
    GPtrArray *roots = ga_template_get_root_sections (tmpl);

    append_summary (&printer, tmpl);
    g_string_append_printf (out, "\n%s\n", _("Sections and items"));
    for (guint i = 0; i < roots->len; i++)
      append_section (&printer, g_ptr_array_index (roots, i));
    append_outputs (&printer, tmpl);
    fputs (out->str, stdout);
  }

  return GA_CLI_EXIT_OK;
}

/* ------------------------------------------------------------------------ */
/* formula                                                                  */

typedef struct {
  char    *name;
  gboolean used;
  GaValue  scalar;
  GArray  *range;    /* GaValue, for names with a dot (table.column) */
} Binding;

static void
binding_free (gpointer data)
{
  Binding *b = data;

  g_free (b->name);
  ga_value_clear (&b->scalar);
  if (b->range != NULL)
    g_array_unref (b->range);
  g_free (b);
}

static void
clear_value (gpointer data)
{
  ga_value_clear (data);
}

typedef struct {
  GaFormula  *formula;
  Binding   **by_ref;       /* one per reference of the formula, NULL when unbound */
  GaTemplate *tmpl;         /* for FACTOR(), may be NULL */
  GaValue     blank;
} FormulaEnv;

static const GaValue *
env_get_ref (gpointer user_data,
             guint    index)
{
  FormulaEnv *env = user_data;

  if (env->by_ref[index] == NULL || env->by_ref[index]->range != NULL)
    return &env->blank;
  return &env->by_ref[index]->scalar;
}

static gboolean
env_get_range (gpointer        user_data,
               guint           index,
               const GaValue **values,
               guint          *n_values)
{
  FormulaEnv *env = user_data;
  Binding *b = env->by_ref[index];

  if (b == NULL)
    return FALSE;
  if (b->range == NULL)
    {
      /* A single value given for a range is a one-row column. */
      *values = &b->scalar;
      *n_values = 1;
      return TRUE;
    }
  *values = (const GaValue *) (gpointer) b->range->data;
  *n_values = b->range->len;
  return TRUE;
}

static gboolean
env_lookup (gpointer       user_data,
            const char    *table_id,
            const GaValue *key,
            const char    *column,
            GaValue       *out)
{
  FormulaEnv *env = user_data;
  GaLookupTable *table;
  g_autofree char *key_text = NULL;
  const GaValue *cell;
  gboolean has_column = FALSE;

  /* Only a key that is not in the table is #N/A (return FALSE); a table or
   * column that does not exist is a wrong reference, #REF!, stored in @out
   * (see GaFormulaContext in ga-formula.h). */
  if (env->tmpl == NULL)
    {
      ga_value_set_error (out, GA_ERROR_CODE_REF, "no lookup tables: pass --template with a "
                          "template that has table '%s'", table_id);
      return TRUE;
    }
  table = ga_template_find_table (env->tmpl, table_id);
  if (table == NULL)
    {
      GPtrArray *tables = ga_template_get_tables (env->tmpl);
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; tables != NULL && i < tables->len; i++)
        g_string_append_printf (names, "%s'%s'", i > 0 ? ", " : "",
                                ((GaLookupTable *) g_ptr_array_index (tables, i))->id);
      ga_value_set_error (out, GA_ERROR_CODE_REF, "no lookup table '%s' in template %s (%s%s)",
                          table_id, ga_template_get_id (env->tmpl),
                          names->len > 0 ? "tables: " : "it has no lookup tables",
                          names->str);
      return TRUE;
    }
  for (guint c = 1; c < table->columns->len && !has_column; c++)
    has_column = g_str_equal (g_ptr_array_index (table->columns, c), column);
  if (!has_column)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint c = 1; c < table->columns->len; c++)
        g_string_append_printf (names, "%s'%s'", c > 1 ? ", " : "",
                                (const char *) g_ptr_array_index (table->columns, c));
      ga_value_set_error (out, GA_ERROR_CODE_REF, "table '%s' has no column '%s' (columns: %s)",
                          table_id, column, names->str);
      return TRUE;
    }
  key_text = ga_value_to_display (key);
  cell = ga_lookup_table_get (table, key_text, column);
  if (cell == NULL)
    return FALSE;
  ga_value_copy (cell, out);
  return TRUE;
}

static gboolean
valid_binding_name (const char *name)
{
  gboolean dot_seen = FALSE;
  gboolean start = TRUE;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '.' && !dot_seen && !start)
        {
          dot_seen = TRUE;
          start = TRUE;
          continue;
        }
      if (g_ascii_isalpha (*p) || *p == '_' || (!start && g_ascii_isdigit (*p)))
        {
          start = FALSE;
          continue;
        }
      return FALSE;
    }
  return !start;
}

/* A --set value. Text in double quotes is written as in a formula: ""
 * inside stands for one ", so '"say ""hi"""' is the text say "hi". The
 * other forms are those of ga_cli_parse_value(). */
static void
parse_set_value (const char *text,
                 GaValue    *out)
{
  gsize len = strlen (text);

  if (len >= 2 && text[0] == '"' && text[len - 1] == '"')
    {
      GString *inner = g_string_sized_new (len);

      for (gsize i = 1; i + 1 < len; i++)
        {
          g_string_append_c (inner, text[i]);
          if (text[i] == '"' && i + 2 < len && text[i + 1] == '"')
            i++;
        }
      ga_value_take_text (out, g_string_free (inner, FALSE));
      return;
    }
  ga_cli_parse_value (text, out);
}

/* Splits a table.column list at the commas that are not inside double
 * quotes, so that '"a,b",c' is two values; spaces around each are dropped. */
static GPtrArray *
split_set_list (const char *text)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  GString *part = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; ; p++)
    {
      if (*p == '\0' || (*p == ',' && !quoted))
        {
          g_ptr_array_add (parts, g_strdup (g_strstrip (part->str)));
          g_string_truncate (part, 0);
          if (*p == '\0')
            break;
          continue;
        }
      if (*p == '"')
        quoted = !quoted;
      g_string_append_c (part, *p);
    }
  g_string_free (part, TRUE);
  return parts;
}

static Binding *
parse_binding (const char  *spec,
               char       **message)
{
  const char *eq = strchr (spec, '=');
  Binding *b;

  if (eq == NULL)
    {
      *message = g_strdup_printf (_("--set %s: expected NAME=VALUE, e.g. --set E1=0.85"), spec);
      return NULL;
    }

  b = g_new0 (Binding, 1);
  b->name = g_strndup (spec, eq - spec);
  if (!valid_binding_name (b->name))
    {
      *message = g_strdup_printf (_("--set %s: '%s' is not a reference name; use an item id "
                                    "such as E1, or table.column for a range"),
                                  spec, b->name);
      binding_free (b);
      return NULL;
    }

  if (strchr (b->name, '.') != NULL)
    {
      g_autoptr(GPtrArray) parts = NULL;

      b->range = g_array_new (FALSE, TRUE, sizeof (GaValue));
      g_array_set_clear_func (b->range, clear_value);
      if (eq[1] != '\0')
        {
          parts = split_set_list (eq + 1);
          for (guint i = 0; i < parts->len; i++)
            {
              GaValue v = GA_VALUE_INIT;

              parse_set_value (g_ptr_array_index (parts, i), &v);
              g_array_append_val (b->range, v);
            }
        }
    }
  else
    parse_set_value (eq + 1, &b->scalar);

  return b;
}

static Binding *
find_binding (GPtrArray  *bindings,
              const char *name)
{
  /* Exact spelling first; formulas written by hand often differ in case. */
  for (guint i = 0; i < bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (bindings, i);

      if (strcmp (b->name, name) == 0)
        return b;
    }
  for (guint i = 0; i < bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (bindings, i);

      if (g_ascii_strcasecmp (b->name, name) == 0)
        return b;
    }
  return NULL;
}

/* How an argument of `formula` is read. An expression may start with '-'
 * ("-2^2", "--3", "-E1*2"), and GOption would take any such argument for an
 * option; so only the spellings of the command's own options are options,
 * and everything else is passed to GOption after a "--". */
typedef enum {
  FORMULA_ARG_EXPRESSION,
  FORMULA_ARG_OPTION,             /* -x, --excel, --set=E1=1, -h ... */
  FORMULA_ARG_OPTION_WITH_VALUE,  /* -s, --set, -t, --template: the next argument is the value */
  FORMULA_ARG_UNKNOWN_OPTION,     /* --word that is none of ours: a typo, most likely */
} FormulaArg;

static FormulaArg
classify_formula_arg (const char *a)
{
  static const char * const flags[] = { "--excel", "--help", NULL };
  static const char * const valued[] = { "--set", "--template", NULL };
  const char *eq;
  g_autofree char *name = NULL;

  if (a[0] != '-' || a[1] == '\0')
    return FORMULA_ARG_EXPRESSION;
  if (a[1] == '-')
    {
      /* "--3" and "--(1)" are formulas; "--word" is an option or a typo. */
      if (!g_ascii_isalpha (a[2]))
        return FORMULA_ARG_EXPRESSION;
      eq = strchr (a, '=');
      name = eq != NULL ? g_strndup (a, eq - a) : g_strdup (a);
      if (eq == NULL && g_strv_contains (flags, name))
        return FORMULA_ARG_OPTION;
      if (g_strv_contains (valued, name))
        return eq != NULL ? FORMULA_ARG_OPTION : FORMULA_ARG_OPTION_WITH_VALUE;
      return FORMULA_ARG_UNKNOWN_OPTION;
    }
  if (g_str_equal (a, "-s") || g_str_equal (a, "-t"))
    return FORMULA_ARG_OPTION_WITH_VALUE;
  if (g_str_equal (a, "-x") || g_str_equal (a, "-h"))
    return FORMULA_ARG_OPTION;
  /* Any other "-…" ("-E1*2", "-sqrt(4)") is a formula. */
  return FORMULA_ARG_EXPRESSION;
}

/* Shows the formula with a caret under character @column (1-based). Wide
 * characters take two cells; control characters are shown as spaces so the
 * formula stays on one line; a long formula is cut to a window around the
 * column, marked with "…" at the cut ends. */
static void
print_caret (const char *text,
             guint       column)
{
  const guint before = 40, span = 80;
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autoptr(GString) caret = g_string_new (NULL);
  /* Bytes that are not UTF-8 become U+FFFD, one character each, which is
   * how the parser counts them too. */
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  glong n = g_utf8_strlen (valid, -1);
  glong first = MAX (0, (glong) column - 1 - (glong) before);
  glong last = MIN (n, first + (glong) span);
  const char *p = g_utf8_offset_to_pointer (valid, first);

  if (first > 0)
    {
      g_string_append (shown, "…");
      g_string_append_c (caret, ' ');
    }
  for (glong i = first; i < last; i++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint cells = g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;

      if (g_unichar_iscntrl (c))
        {
          g_string_append_c (shown, ' ');
          cells = 1;
        }
      else
        g_string_append_unichar (shown, c);
      if (i + 1 < (glong) column)
        for (guint k = 0; k < cells; k++)
          g_string_append_c (caret, ' ');
    }
  if (last < n)
    g_string_append (shown, "…");
  g_string_append_c (caret, '^');
  g_printerr ("  %s\n  %s\n", shown->str, caret->str);
}

int
ga_cli_cmd_formula (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GaFormula) formula = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GPtrArray) bindings = g_ptr_array_new_with_free_func (binding_free);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GPtrArray) expressions = g_ptr_array_new ();
  g_auto(GStrv) sets = NULL;
  g_auto(GStrv) positional = NULL;
  g_autofree char *template_spec = NULL;
  g_autofree Binding **by_ref = NULL;
  gboolean excel = FALSE;
  gboolean saw_dash = FALSE;
  guint column = 0;
  int exit_code;
  int n_positional;
  const char *text;
  char **parse_argv;
  int parse_argc;
  const GOptionEntry entries[] = {
    { "set", 's', 0, G_OPTION_ARG_STRING_ARRAY, &sets,
      N_("Give reference NAME the VALUE (repeatable). VALUE: a number, TRUE/FALSE, "
         "na (not applicable), empty (blank), \"…\" or other text; for table.column "
         "names a comma-separated list"), N_("NAME=VALUE") },
    { "excel", 'x', 0, G_OPTION_ARG_NONE, &excel,
      N_("Print the Excel translation instead of the value"), NULL },
    /* FILENAME: a template file's name in the file system's own bytes. */
    { "template", 't', 0, G_OPTION_ARG_FILENAME, &template_spec,
      N_("Template (bundled id or file) whose lookup tables FACTOR() reads"), N_("TEMPLATE") },
    /* FILENAME: the bytes as given, so that the parser, not the option
     * parser, reports text that is not UTF-8 (an input error). */
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &positional, NULL, NULL },
    { NULL }
  };

  const char *examples =
    _("Examples:\n"
      "  greenassess-cli formula '1+2*3'\n"
      "  greenassess-cli formula 'INTERP(E1, 0.5, 1.0, 10)' --set E1=0.75\n"
      "  greenassess-cli formula 'SUM(energy.tce)' --set energy.tce=1,2,3\n"
      "  greenassess-cli formula 'IF(A>1, \"high\", \"low\")' --excel\n"
      "  greenassess-cli formula --set x=2 -- '-x'\n"
      "  greenassess-cli formula 'FACTOR(\"gbt2589\", \"raw_coal\", \"kgce\")' "
      "--template energy-audit-gbt17166-2019\n"
      "Text values are written as in a formula: --set 'x=\"say \"\"hi\"\"\"'. When a name "
      "is set twice, the last --set wins.");

  /* Options stay in front; expressions, and everything after a "--" the
   * user gave, go after our own "--" (see classify_formula_arg()). */
  g_ptr_array_add (args, argv[0]);
  for (int i = 1; i < argc; i++)
    {
      const char *a = argv[i];

      if (g_str_equal (a, "--"))
        {
          for (i++; i < argc; i++)
            g_ptr_array_add (expressions, argv[i]);
          break;
        }
      switch (classify_formula_arg (a))
        {
        case FORMULA_ARG_OPTION_WITH_VALUE:
          g_ptr_array_add (args, argv[i]);
          if (i + 1 < argc)
            g_ptr_array_add (args, argv[++i]);
          break;
        case FORMULA_ARG_OPTION:
          g_ptr_array_add (args, argv[i]);
          break;
        case FORMULA_ARG_UNKNOWN_OPTION:
          g_printerr (_("%s: unknown option '%s'; put -- before a formula that starts with "
                        "'-', as in: greenassess-cli formula -- '%s'\n"),
                      g_get_prgname (), a, a);
          g_printerr ("%s\n", _("Run 'greenassess-cli formula --help' for the options."));
          return GA_CLI_EXIT_USAGE;
        case FORMULA_ARG_EXPRESSION:
        default:
          g_ptr_array_add (expressions, argv[i]);
          break;
        }
    }
  g_ptr_array_add (args, (gpointer) "--");
  for (guint i = 0; i < expressions->len; i++)
    g_ptr_array_add (args, g_ptr_array_index (expressions, i));
  g_ptr_array_add (args, NULL);
  parse_argc = args->len - 1;
  parse_argv = (char **) args->pdata;

  if (!ga_cli_parse_options (&parse_argc, &parse_argv, _("'EXPRESSION'"),
                             _("Parses EXPRESSION in the formula language and prints its value,\n"
                               "or with --excel the Excel formula it becomes. References without\n"
                               "a --set value are blank. An EXPRESSION may start with '-' (-2^2);\n"
                               "one that looks like an option (-x) goes after --."),
                             examples, entries, GA_CLI_FILE_ARGS_ALL, &context, &exit_code))
    return exit_code;

  n_positional = positional != NULL ? (int) g_strv_length (positional) : 0;
  for (int i = 1; i < argc; i++)
    saw_dash |= argv[i][0] == '-';
  if (n_positional == 0 && saw_dash)
    return ga_cli_usage_error (context, _("missing EXPRESSION, e.g. '1+2*3' (quote it for the "
                                          "shell); put -- before a formula that starts with "
                                          "'-': greenassess-cli formula -- '-x'"));
  if (n_positional == 0)
    return ga_cli_usage_error (context, _("missing EXPRESSION, e.g. '1+2*3' (quote it for the "
                                          "shell)"));
  if (n_positional > 1)
    return ga_cli_usage_error (context, _("more than one EXPRESSION ('%s' and '%s'); quote the "
                                          "whole formula as one argument"),
                               positional[0], positional[1]);
  text = positional[0];

  for (guint i = 0; sets != NULL && sets[i] != NULL; i++)
    {
      g_autofree char *message = NULL;
      Binding *b = parse_binding (sets[i], &message);

      if (b == NULL)
        return ga_cli_usage_error (context, "%s", message);
      /* The last --set of a name wins, as options do in most programs. */
      for (guint k = 0; k < bindings->len; k++)
        {
          Binding *earlier = g_ptr_array_index (bindings, k);

          if (g_str_equal (earlier->name, b->name))
            {
              g_printerr (_("note: --set %s is given more than once; the last one (%s) is "
                            "used\n"), b->name, sets[i]);
              g_ptr_array_remove_index (bindings, k);
              break;
            }
        }
      g_ptr_array_add (bindings, b);
    }

  formula = ga_formula_parse (text, &column, &error);
  if (formula == NULL)
    {
      g_printerr ("error: %s\n", error->message);
      if (column > 0)
        print_caret (text, column);
      return GA_CLI_EXIT_INVALID;
    }

  if (excel)
    {
      g_autofree char *translated = ga_formula_to_excel (formula, NULL, &error);

      if (translated == NULL)
        {
          g_printerr ("error: %s\n", error->message);
          return GA_CLI_EXIT_INVALID;
        }
      g_print ("=%s\n", translated);
      return GA_CLI_EXIT_OK;
    }

  if (template_spec != NULL)
    {
      tmpl = ga_cli_open_template (template_spec, &error);
      if (tmpl == NULL)
        {
          ga_cli_print_problem (template_spec, error->message);
          return GA_CLI_EXIT_INVALID;
        }
    }

  {
    guint n_refs = ga_formula_get_n_refs (formula);
    FormulaEnv env = { formula, NULL, tmpl, GA_VALUE_INIT };
    GaFormulaContext ctx = { env_get_ref, env_get_range, env_lookup, &env };
    GaValue result = GA_VALUE_INIT;
    g_autofree char *shown = NULL;

    by_ref = g_new0 (Binding *, MAX (n_refs, 1));
    env.by_ref = by_ref;
    for (guint i = 0; i < n_refs; i++)
      {
        const char *name = ga_formula_get_ref (formula, i);

        by_ref[i] = find_binding (bindings, name);
        if (by_ref[i] != NULL)
          by_ref[i]->used = TRUE;
        else if (ga_formula_ref_is_range (formula, i))
          g_printerr (_("note: range '%s' has no values (use --set %s=1,2,3); it gives #REF!\n"),
                      name, name);
        else
          g_printerr (_("note: '%s' has no value (use --set %s=VALUE); it is blank\n"),
                      name, name);
      }
    for (guint i = 0; i < bindings->len; i++)
      {
        Binding *b = g_ptr_array_index (bindings, i);

        if (!b->used)
          g_printerr (_("note: the formula does not use '%s'\n"), b->name);
      }

    ga_formula_evaluate (formula, &ctx, &result);
    shown = ga_value_to_display (&result);
    if (result.kind == GA_VALUE_BLANK)
      g_print ("%s\n", _("(blank)"));
    else
      g_print ("%s\n", shown);
    if (result.kind == GA_VALUE_ERROR && result.u.error.message != NULL)
      g_printerr ("%s: %s\n", shown, result.u.error.message);
    ga_value_clear (&result);
  }

  return GA_CLI_EXIT_OK;
}

/* ------------------------------------------------------------------------ */

int
main (int    argc,
      char **argv)
{
  const GaCliCommand *command;
  g_autofree char *prgname = NULL;
  const char *localedir = LOCALEDIR;
  const char *name;

  setlocale (LC_ALL, "");
  /* In the plain C locale (no LANG, as under cron or in a bare container)
   * the character set is ASCII: Chinese arguments would be refused and
   * Chinese output shown as '?'. Everything this tool reads and writes is
   * UTF-8, so C.UTF-8 is what such a run means. */
  {
    const char *charset = NULL;

    if (!g_get_charset (&charset) && g_strcmp0 (charset, "ANSI_X3.4-1968") == 0)
      setlocale (LC_CTYPE, "C.UTF-8");
  }
#ifdef GA_BUILD_LOCALEDIR
  /* Run from the build tree before installation: the catalogues built in
   * build/po are laid out like an installed locale directory. */
  if (!g_file_test (LOCALEDIR "/zh_CN/LC_MESSAGES/" GETTEXT_PACKAGE ".mo", G_FILE_TEST_EXISTS)
      && g_file_test (GA_BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    localedir = GA_BUILD_LOCALEDIR;
#endif
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("greenassess-cli");
  ga_cli_remember_arguments (argv);

  if (argc < 2)
    {
      g_printerr ("greenassess-cli: %s\n\n", _("missing COMMAND"));
      print_usage (stderr);
      return GA_CLI_EXIT_USAGE;
    }

  name = argv[1];
  if (strcmp (name, "--help") == 0 || strcmp (name, "-h") == 0 || strcmp (name, "help") == 0)
    {
      /* "help COMMAND" is the same as "COMMAND --help". */
      if (strcmp (name, "help") == 0 && argc > 2)
        {
          char *help_argv[] = { argv[2], (char *) "--help", NULL };

          command = find_command (argv[2]);
          if (command == NULL)
            {
              g_printerr (_("greenassess-cli: unknown command '%s'\n\n"), argv[2]);
              print_usage (stderr);
              return GA_CLI_EXIT_USAGE;
            }
          prgname = g_strdup_printf ("greenassess-cli %s", command->name);
          g_set_prgname (prgname);
          return command->handler (2, help_argv);
        }
      print_usage (stdout);
      return GA_CLI_EXIT_OK;
    }
  if (strcmp (name, "--version") == 0)
    {
      g_print ("greenassess-cli %s\n", PACKAGE_VERSION);
      return GA_CLI_EXIT_OK;
    }

  command = find_command (name);
  if (command == NULL)
    {
      if (name[0] == '-')
        g_printerr (_("greenassess-cli: unknown option '%s'\n\n"), name);
      else
        g_printerr (_("greenassess-cli: unknown command '%s'\n\n"), name);
      print_usage (stderr);
      return GA_CLI_EXIT_USAGE;
    }

  /* GOption shows g_get_prgname() in the usage line: "greenassess-cli
   * validate [OPTION…] FILE…". */
  prgname = g_strdup_printf ("greenassess-cli %s", command->name);
  g_set_prgname (prgname);
  return command->handler (argc - 1, argv + 1);
}
