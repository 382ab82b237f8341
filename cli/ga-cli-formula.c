/* ga-cli-formula.c: greenassess-cli formula
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

/* Puts the options in front and the expressions, and everything after a
 * "--" the user gave, after our own "--" (see classify_formula_arg()), in
 * @args (NULL-terminated). FALSE after saying that an option is unknown. */
static gboolean
arrange_formula_args (int         argc,
                      char      **argv,
                      GPtrArray  *args)
{
  g_autoptr(GPtrArray) expressions = g_ptr_array_new ();

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
          return FALSE;
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
  return TRUE;
}

/* Adds a Binding for each --set in @sets; the last --set of a name wins,
 * as options do in most programs. FALSE with *@message on a bad one. */
static gboolean
add_bindings (GPtrArray  *bindings,
              char      **sets,
              char      **message)
{
  for (guint i = 0; sets != NULL && sets[i] != NULL; i++)
    {
      Binding *b = parse_binding (sets[i], message);

      if (b == NULL)
        return FALSE;
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
  return TRUE;
}

/* Evaluates @formula with the --set values (notes on stderr for names
 * without one and values the formula does not use) and prints the value. */
static void
evaluate_and_print (GaFormula  *formula,
                    GaTemplate *tmpl,
                    GPtrArray  *bindings)
{
  guint n_refs = ga_formula_get_n_refs (formula);
  FormulaEnv env = { formula, NULL, tmpl, GA_VALUE_INIT };
  GaFormulaContext ctx = { env_get_ref, env_get_range, env_lookup, &env };
  GaValue result = GA_VALUE_INIT;
  g_autofree char *shown = NULL;
  g_autofree Binding **by_ref = g_new0 (Binding *, MAX (n_refs, 1));

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
  g_auto(GStrv) sets = NULL;
  g_auto(GStrv) positional = NULL;
  g_autofree char *template_spec = NULL;
  g_autofree char *message = NULL;
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

  if (!arrange_formula_args (argc, argv, args))
    return GA_CLI_EXIT_USAGE;
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

  if (!add_bindings (bindings, sets, &message))
    return ga_cli_usage_error (context, "%s", message);

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

  evaluate_and_print (formula, tmpl, bindings);
  return GA_CLI_EXIT_OK;
}
