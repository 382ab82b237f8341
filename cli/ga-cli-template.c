/* ga-cli-template.c: greenassess-cli templates, validate and evaluate
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ga-cli.h"
#include "ga-format.h"

/* ------------------------------------------------------------------------ */
/* templates                                                                */

int
ga_cli_cmd_templates (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(GStrv) ids = NULL;
  guint widths[7] = { 0, };
  int status = GA_CLI_EXIT_OK;
  int exit_code;
  const char *headers[7] = {
    _("ID"), _("VERSION"), _("KIND"), _("VERIFIED"), _("STANDARD"), _("TITLE (zh_CN)"),
    _("TITLE (en)"),
  };

  if (!ga_cli_parse_options (&argc, &argv, NULL,
                             _("Lists the bundled templates (those compiled into the program):\n"
                               "id, version, kind, whether every value is verified against the\n"
                               "official text, standard and the titles in both languages."),
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

      row = g_new0 (char *, 8);
      row[0] = g_strdup (ga_template_get_id (tmpl));
      row[1] = g_strdup (ga_template_get_version (tmpl));
      row[2] = g_strdup (ga_template_kind_to_string (ga_template_get_kind (tmpl)));
      row[3] = g_strdup (ga_template_get_verified (tmpl) ? _("yes") : _("no"));
      row[4] = g_strdup (ga_template_get_standard (tmpl) != NULL
                         ? ga_template_get_standard (tmpl) : "-");
      row[5] = g_strdup (ga_text_get (ga_template_get_title (tmpl), "zh_CN"));
      row[6] = g_strdup (ga_text_get (ga_template_get_title (tmpl), "en"));
      for (guint c = 0; c < 7; c++)
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

      for (guint c = 0; c < 7; c++)
        {
          if (c < 6)
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

          for (guint c = 0; c < 7; c++)
            {
              if (c < 6)
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
  g_autofree char *score = ga_format_number_plain (r->score, 2);
  g_autofree char *max = ga_format_number_plain (r->max, 2);

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

static void
append_summary (EvalPrinter *p,
                GaTemplate  *tmpl)
{
  const GaSummary *s = ga_engine_get_summary (p->engine);
  g_autofree char *score = ga_format_number_plain (s->score, 2);
  g_autofree char *max = ga_format_number_plain (s->max, 2);
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
      g_autofree char *bonus = ga_format_number_plain (s->bonus, 2);

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
      g_autofree char *y1 = ga_format_number_plain (s->index[0], 2);
      g_autofree char *y2 = ga_format_number_plain (s->index[1], 2);
      g_autofree char *y3 = ga_format_number_plain (s->index[2], 2);
      const char *name = ga_format_level_numeral (s->level);

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
    lang = g_strdup (ga_format_language ());

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
