/* test-formula.c: the formula language, table-driven
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every evaluation case runs against the same environment (see ENV below),
 * so a case is one line: formula and expected result. Expected results are
 * written as
 *   "n:7"          a number (compared to 15 significant digits)
 *   "t:abc"        a text
 *   "b:TRUE"       a boolean
 *   "blank", "na"  blank, not applicable
 *   "e:#DIV/0!"    an error with that code
 *   "p:7:frag"     a parse error at column 7 whose message contains frag
 */

#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ga-formula.h"
#include "ga-formula-build.h"

/* Names bound for every evaluation case. Single quotes stand for double
 * quotes so the table stays readable. */
static const char *ENV =
  "{"
  "'x': 3, 'y': 4, 'z': 0, 'half': 0.5, 'big': 1e300,"
  "'s': '4', 'sp': ' 2.5 ', 'w': 'abc', 'emp': '', 'txtna': 'n/a', 'k': 'k1',"
  "'t': true, 'f': false,"
  "'bl': null, 'bl2': null, 'na': {'na': true}, 'na2': {'na': true},"
  "'e': {'error': '#DIV/0!', 'message': 'from e'}, 'e2': {'error': '#NUM!'},"
  "'r.x': [1, 2, null, 't', true, {'na': true}, ''],"
  "'r.y': [2, 3, 4, 5, 6, 7, 8],"
  "'r.z': [1, 2],"
  "'r.e': [1, {'error': '#NUM!'}, {'error': '#REF!'}],"
  "'r.empty': []"
  "}";

typedef struct {
  GaValue *values;
  guint    n_values;
} Binding;

static GHashTable *env_table;  /* name -> Binding* */

static char *
unquote (const char *json)
{
  char *copy = g_strdup (json);
  for (char *p = copy; *p != '\0'; p++)
    if (*p == '\'')
      *p = '"';
  return copy;
}

static void
binding_free (gpointer data)
{
  Binding *binding = data;
  for (guint i = 0; i < binding->n_values; i++)
    ga_value_clear (&binding->values[i]);
  g_free (binding->values);
  g_free (binding);
}

static void
load_env (void)
{
  g_autofree char *json = unquote (ENV);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  env_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, binding_free);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);
      Binding *binding = g_new0 (Binding, 1);

      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          binding->n_values = json_array_get_length (array);
          binding->values = g_new0 (GaValue, MAX (binding->n_values, 1));
          for (guint i = 0; i < binding->n_values; i++)
            {
              g_assert_true (ga_value_from_json (json_array_get_element (array, i),
                                                 &binding->values[i], &error));
              g_assert_no_error (error);
            }
        }
      else
        {
          binding->n_values = 1;
          binding->values = g_new0 (GaValue, 1);
          g_assert_true (ga_value_from_json (node, &binding->values[0], &error));
          g_assert_no_error (error);
        }
      g_hash_table_insert (env_table, g_strdup (l->data), binding);
    }
}

/* References are bound once per formula, by index, as the engine does. */
typedef struct {
  Binding **by_index;
  guint     n;
  guint     lookups;
} Bound;

static const GaValue blank_value = GA_VALUE_INIT;

static const GaValue *
get_ref_cb (gpointer user_data,
            guint    index)
{
  Bound *bound = user_data;
  g_assert_cmpuint (index, <, bound->n);
  if (bound->by_index[index] == NULL || bound->by_index[index]->n_values == 0)
    return &blank_value;
  return &bound->by_index[index]->values[0];
}

static gboolean
get_range_cb (gpointer        user_data,
              guint           index,
              const GaValue **values,
              guint          *n_values)
{
  Bound *bound = user_data;
  g_assert_cmpuint (index, <, bound->n);
  if (bound->by_index[index] == NULL)
    return FALSE;
  *values = bound->by_index[index]->values;
  *n_values = bound->by_index[index]->n_values;
  return TRUE;
}

/* A made-up lookup table for the tests: demo.v has k1 -> 2.5, k2 -> "two",
 * and the number 7 -> 70. Another column of demo is reported the way a
 * callback that knows its tables may do it: an error value and TRUE. */
static gboolean
lookup_cb (gpointer       user_data,
           const char    *table,
           const GaValue *key,
           const char    *column,
           GaValue       *out)
{
  Bound *bound = user_data;

  bound->lookups++;
  if (strcmp (table, "demo") == 0 && strcmp (column, "v") != 0)
    {
      ga_value_set_error (out, GA_ERROR_CODE_REF, "table 'demo' has no column '%s'", column);
      return TRUE;
    }
  if (strcmp (table, "demo") != 0)
    return FALSE;
  if (key->kind == GA_VALUE_TEXT && strcmp (key->u.text, "k1") == 0)
    ga_value_set_number (out, 2.5);
  else if (key->kind == GA_VALUE_TEXT && strcmp (key->u.text, "k2") == 0)
    ga_value_set_text (out, "two");
  else if (key->kind == GA_VALUE_NUMBER && key->u.number == 7)
    ga_value_set_number (out, 70);
  else
    return FALSE;
  return TRUE;
}

static void
bind (GaFormula *formula,
      Bound     *bound)
{
  bound->n = ga_formula_get_n_refs (formula);
  bound->by_index = g_new0 (Binding *, MAX (bound->n, 1));
  bound->lookups = 0;
  for (guint i = 0; i < bound->n; i++)
    bound->by_index[i] = g_hash_table_lookup (env_table, ga_formula_get_ref (formula, i));
}

static char *
describe_result (const GaValue *value)
{
  g_autofree char *display = ga_value_to_display (value);

  switch (value->kind)
    {
    case GA_VALUE_NUMBER:
      return g_strdup_printf ("n:%s", display);
    case GA_VALUE_TEXT:
      return g_strdup_printf ("t:%s", display);
    case GA_VALUE_BOOLEAN:
      return g_strdup_printf ("b:%s", display);
    case GA_VALUE_BLANK:
      return g_strdup ("blank");
    case GA_VALUE_NA:
      return g_strdup ("na");
    case GA_VALUE_ERROR:
      return g_strdup_printf ("e:%s", display);
    default:
      return g_strdup ("?");
    }
}

static void
evaluate_in_env (GaFormula *formula,
                 GaValue   *result)
{
  Bound bound;
  GaFormulaContext context = { get_ref_cb, get_range_cb, lookup_cb, &bound };

  bind (formula, &bound);
  ga_formula_evaluate (formula, &context, result);
  g_free (bound.by_index);
}

typedef struct {
  const char *formula;
  const char *expect;
} EvalCase;

static const EvalCase eval_cases[] = {
  /* Literals and syntax */
  { "1", "n:1" },
  { "1.5", "n:1.5" },
  { ".5", "n:0.5" },
  { "1e3", "n:1000" },
  { "1E-3", "n:0.001" },
  { "1.", "n:1" },
  { "=1+1", "n:2" },
  { "  =  1 +\t1\n", "n:2" },
  { "\"text\"", "t:text" },
  { "\"a\"\"b\"", "t:a\"b" },
  { "\"\"", "t:" },
  { "\"绿色工厂\"", "t:绿色工厂" },
  { "TRUE", "b:TRUE" },
  { "false", "b:FALSE" },
  { "True()", "b:TRUE" },
  { "sum(1,2)", "n:3" },
  /* Precedence and associativity (Excel's) */
  { "1+2*3", "n:7" },
  { "(1+2)*3", "n:9" },
  { "-2^2", "n:4" },          /* unary minus binds tighter than ^ */
  { "-(2^2)", "n:-4" },
  { "0-2^2", "n:-4" },
  { "2^3^2", "n:64" },        /* left-associative: (2^3)^2 */
  { "2^(3^2)", "n:512" },
  { "2^-1", "n:0.5" },
  { "10-4-3", "n:3" },
  { "12/3/2", "n:2" },
  { "50%", "n:0.5" },
  { "200%%", "n:0.02" },
  { "-50%", "n:-0.5" },
  { "2*50%", "n:1" },
  { "4^50%", "n:2" },         /* % before ^ */
  { "1+2&3", "t:33" },        /* & below + */
  { "\"a\"&1+1", "t:a2" },
  { "1+1=2", "b:TRUE" },
  { "1<2=TRUE", "b:TRUE" },   /* (1<2)=TRUE */
  { "--3", "n:3" },
  { "+3", "n:3" },
  { "+\"abc\"", "t:abc" },        /* Excel ignores a unary plus */
  { "+\"3\"&\"\"", "t:3" },
  { "3--2", "n:5" },
  { "2*-3", "n:-6" },
  /* Arithmetic coercion */
  { "\"3\"+1", "n:4" },
  { "\" 3 \"*2", "n:6" },
  { "\"1e2\"+0", "n:100" },
  { "\"-2\"*1", "n:-2" },
  { "\"abc\"*2", "e:#VALUE!" },
  { "\"\"+1", "e:#VALUE!" },
  { "\"3 4\"+1", "e:#VALUE!" },
  { "TRUE+1", "n:2" },
  { "FALSE*5", "n:0" },
  { "-\"2\"", "n:-2" },
  { "s+1", "n:5" },
  { "sp*2", "n:5" },
  { "w+1", "e:#VALUE!" },
  { "t+t", "n:2" },
  /* Arithmetic errors */
  { "1/0", "e:#DIV/0!" },
  { "0/0", "e:#DIV/0!" },
  { "x/z", "e:#DIV/0!" },
  { "1e308*10", "e:#NUM!" },
  { "big*big", "e:#NUM!" },
  { "0^0", "e:#NUM!" },
  { "0^-1", "e:#DIV/0!" },
  { "(-8)^(1/3)", "e:#NUM!" },
  { "(-2)^3", "n:-8" },
  { "\"a\"*1+1/0", "e:#VALUE!" },   /* left operand first */
  { "1/0+\"a\"*1", "e:#DIV/0!" },
  /* Concatenation and number formatting */
  { "1/3&\"\"", "t:0.333333333333333" },
  { "1e20&\"\"", "t:1E+20" },
  { "0.5&\"\"", "t:0.5" },
  { "100000&\"\"", "t:100000" },
  { "123456789012345&\"\"", "t:123456789012345" },
  { "1234567890123456&\"\"", "t:1.23456789012346E+15" },
  { "-0.001&\"\"", "t:-0.001" },
  { "1e-10&\"\"", "t:1E-10" },
  { "2/3*10000&\"\"", "t:6666.66666666667" },
  { "TRUE&\"\"", "t:TRUE" },
  { "\"x\"&(1/0)", "e:#DIV/0!" },
  { "x&y", "t:34" },
  /* Comparisons */
  { "0.1+0.2=0.3", "b:TRUE" },      /* agree to 15 significant digits */
  { "0.1+0.2-0.3=0", "b:FALSE" },   /* 5.55E-17 is not 0 */
  { "1=1.0000000000001", "b:FALSE" },
  { "1=1.000000000000001", "b:TRUE" },
  { "1<\"a\"", "b:TRUE" },          /* numbers < text < booleans */
  { "\"a\"<TRUE", "b:TRUE" },
  { "1=\"1\"", "b:FALSE" },
  { "\"abc\"=\"ABC\"", "b:TRUE" },
  { "\"a\"<\"B\"", "b:TRUE" },
  { "\"b\">\"A\"", "b:TRUE" },
  { "FALSE<TRUE", "b:TRUE" },
  { "1<>2", "b:TRUE" },
  { "2>=2", "b:TRUE" },
  { "2<=1", "b:FALSE" },
  { "1/0=1", "e:#DIV/0!" },
  { "1=1/0", "e:#DIV/0!" },
  { "\"Ärger\"=\"äRGER\"", "b:TRUE" },
  /* The strict-reference guard: error, then blank, then N/A */
  { "bl+1", "blank" },
  { "bl&\"x\"", "blank" },
  { "bl=1", "blank" },
  { "-bl", "blank" },
  { "bl%", "blank" },
  { "na+1", "na" },
  { "na&\"x\"", "na" },
  { "na=1", "na" },
  { "-na", "na" },
  { "e+1", "e:#DIV/0!" },
  { "bl+e", "e:#DIV/0!" },           /* errors before blanks */
  { "na+bl", "blank" },              /* blanks before N/A */
  { "e2+e", "e:#NUM!" },             /* first error in order */
  { "emp+1", "blank" },              /* empty text counts as blank */
  { "txtna*2", "na" },               /* the text N/A counts as not applicable */
  { "unbound+1", "blank" },          /* a missing value is blank, never 0 */
  { "IF(TRUE,1,bl)", "blank" },      /* even in a branch not taken */
  { "IFERROR(e,0)", "e:#DIV/0!" },   /* strict: IFERROR catches computed errors only */
  { "ISERROR(e)", "e:#DIV/0!" },
  { "IF(ISBLANK(bl),0,bl)", "blank" },  /* bl is also used outside ISBLANK */
  /* Blank-aware functions */
  { "ISBLANK(bl)", "b:TRUE" },
  { "ISBLANK(emp)", "b:TRUE" },
  { "ISBLANK(na)", "b:FALSE" },
  { "ISBLANK(x)", "b:FALSE" },
  { "ISBLANK(e)", "e:#DIV/0!" },
  { "ISBLANK(x+1)", "b:FALSE" },
  { "ISBLANK(bl+1)", "blank" },      /* only direct references are not strict */
  { "ISNOTAPPLICABLE(na)", "b:TRUE" },
  { "ISNOTAPPLICABLE(txtna)", "b:TRUE" },
  { "ISNOTAPPLICABLE(bl)", "b:FALSE" },
  { "ISNOTAPPLICABLE(x)", "b:FALSE" },
  { "IF(ISNOTAPPLICABLE(na),\"skip\",\"score\")", "t:skip" },
  { "COUNT(x,bl,na,w)", "n:1" },
  { "COUNTA(x,bl,na,w,emp)", "n:3" },
  { "COUNTBLANK(bl)", "n:1" },
  { "COUNTBLANK(x)", "n:0" },
  { "COUNT(e,x)", "n:1" },           /* COUNT skips errors as Excel does */
  { "COUNTA(e)", "n:1" },
  /* Blank and N/A through every function */
  { "ABS(bl)", "blank" },
  { "SQRT(na)", "na" },
  { "INT(bl)", "blank" },
  { "MOD(bl,2)", "blank" },
  { "MOD(2,na)", "na" },
  { "POWER(bl,2)", "blank" },
  { "ROUND(bl,1)", "blank" },
  { "ROUNDUP(na,0)", "na" },
  { "ROUNDDOWN(bl,0)", "blank" },
  { "LEN(bl)", "blank" },
  { "NOT(na)", "na" },
  { "AND(TRUE,bl)", "blank" },
  { "OR(na)", "na" },
  { "IF(bl,1,2)", "blank" },
  { "IFS(na,1)", "na" },
  { "IFERROR(bl,1)", "blank" },
  { "ISNUMBER(bl)", "blank" },
  { "ISTEXT(na)", "na" },
  { "ISLOGICAL(bl)", "blank" },
  { "SUM(bl,1)", "blank" },
  { "AVERAGE(na,1)", "na" },
  { "MIN(bl)", "blank" },
  { "MAX(na)", "na" },
  { "INTERP(bl,0,1,1)", "blank" },
  { "INTERP(0.5,0,1,na)", "na" },
  { "BAND(bl,\">=\",1,1,0)", "blank" },
  { "LEVEL(na,\">=\",1,2,3)", "na" },
  { "FACTOR(\"demo\",bl,\"v\")", "blank" },
  { "CLAMP(bl,0,1)", "blank" },
  { "PCTCHANGE(na,1)", "na" },
  { "SUMPRODUCT(bl)", "blank" },
  { "SUM(r.x)+bl", "blank" },
  /* Ranges: blanks, text, booleans and N/A are skipped, errors propagate */
  { "SUM(r.x)", "n:3" },
  { "AVERAGE(r.x)", "n:1.5" },
  { "MIN(r.x)", "n:1" },
  { "MAX(r.x)", "n:2" },
  { "COUNT(r.x)", "n:2" },
  { "COUNTA(r.x)", "n:5" },          /* 1, 2, "t", TRUE, N/A */
  { "COUNTBLANK(r.x)", "n:2" },      /* null and "" */
  { "SUMPRODUCT(r.x,r.y)", "n:8" },  /* 1*2 + 2*3 */
  { "SUMPRODUCT(r.y)", "n:35" },
  { "SUMPRODUCT(r.x,r.z)", "e:#VALUE!" },
  { "SUM(r.e)", "e:#NUM!" },
  { "MAX(r.e)", "e:#NUM!" },
  { "SUMPRODUCT(r.y,r.e)", "e:#VALUE!" },
  { "COUNT(r.e)", "n:1" },
  { "COUNTA(r.e)", "n:3" },
  { "SUM(r.nope)", "e:#REF!" },
  { "r.x+1", "e:#VALUE!" },
  { "r.x", "e:#VALUE!" },
  { "AVERAGE(r.empty)", "e:#DIV/0!" },
  { "MIN(r.empty)", "n:0" },
  { "MAX(r.empty)", "n:0" },
  { "SUM(r.empty)", "n:0" },
  { "SUM(r.x,10)", "n:13" },
  { "SUM(r.x,r.z)", "n:6" },
  /* Direct arguments are coerced, references are not (as in Excel) */
  { "SUM(\"3\",1)", "n:4" },
  { "SUM(TRUE,1)", "n:2" },
  { "SUM(\"abc\")", "e:#VALUE!" },
  { "SUM(s)", "n:0" },
  { "SUM(s+0)", "n:4" },
  { "AVERAGE(1,2,\"x\")", "e:#VALUE!" },
  { "MIN(3,1,2)", "n:1" },
  { "MAX(-3,-1,-2)", "n:-1" },
  { "AVERAGE(1,2,3,4)", "n:2.5" },
  { "COUNT(1,\"2\",TRUE,\"x\")", "n:3" },
  { "COUNTA(1,\"\",1/0)", "n:3" },
  { "COUNT(1/0,1)", "n:1" },
  /* Logic */
  { "IF(TRUE,1,2)", "n:1" },
  { "IF(FALSE,1)", "b:FALSE" },
  { "IF(0,1,2)", "n:2" },
  { "IF(-1,1,2)", "n:1" },
  { "IF(TRUE,1,1/0)", "n:1" },        /* only the taken branch is evaluated */
  { "IF(\"abc\",1,2)", "e:#VALUE!" },
  { "IF(\"true\",1,2)", "n:1" },
  { "IF(1/0,1,2)", "e:#DIV/0!" },
  { "IFS(FALSE,1,TRUE,2)", "n:2" },
  { "IFS(FALSE,1)", "e:#N/A" },
  { "IFS(1/0,1)", "e:#DIV/0!" },
  { "IFS(x>2,\"big\",TRUE,\"small\")", "t:big" },
  { "AND(TRUE,1)", "b:TRUE" },
  { "AND(TRUE,0)", "b:FALSE" },
  { "AND(FALSE,1/0)", "e:#DIV/0!" },  /* no short circuit, as in Excel */
  { "AND(\"x\")", "e:#VALUE!" },
  { "AND(w)", "e:#VALUE!" },          /* text in a reference is ignored */
  { "AND(w,TRUE)", "b:TRUE" },
  { "OR(FALSE,0)", "b:FALSE" },
  { "OR(FALSE,1)", "b:TRUE" },
  { "XOR(TRUE,FALSE)", "p:1:unknown function 'XOR'" },  /* Excel 2013+: not in the language */
  { "NOT(0)", "b:TRUE" },
  { "NOT(\"FALSE\")", "b:TRUE" },
  { "NOT(w)", "e:#VALUE!" },
  { "IFERROR(1/0,5)", "n:5" },
  { "IFERROR(2,1/0)", "n:2" },
  { "ISERROR(1/0)", "b:TRUE" },
  { "ISERROR(1)", "b:FALSE" },
  { "ISNUMBER(1)", "b:TRUE" },
  { "ISNUMBER(\"1\")", "b:FALSE" },
  { "ISNUMBER(1/0)", "b:FALSE" },
  { "ISTEXT(\"a\")", "b:TRUE" },
  { "ISTEXT(1)", "b:FALSE" },
  { "ISLOGICAL(TRUE)", "b:TRUE" },
  /* Rounding as Excel does it */
  { "ROUND(2.675,2)", "n:2.68" },     /* binary 2.67499999... rounds like decimal 2.675 */
  { "ROUND(-2.5,0)", "n:-3" },
  { "ROUND(2.5,0)", "n:3" },
  { "ROUND(0.5,0)", "n:1" },
  { "ROUND(1234.5,-2)", "n:1200" },
  { "ROUND(1250,-2)", "n:1300" },
  { "ROUND(49,-2)", "n:0" },
  { "ROUND(50,-2)", "n:100" },
  { "ROUND(1.005,2)", "n:1.01" },
  { "ROUND(-1.005,2)", "n:-1.01" },
  { "ROUND(3.14159,3)", "n:3.142" },
  { "ROUND(2.5,0.9)", "n:3" },        /* digits truncated toward zero */
  { "ROUND(1e300,2)", "n:1e300" },
  { "ROUND(0.1+0.2,1)", "n:0.3" },
  { "ROUND(1/3,20)", "n:0.333333333333333" },
  { "ROUNDUP(3.2,0)", "n:4" },
  { "ROUNDUP(-3.2,0)", "n:-4" },
  { "ROUNDUP(0.1+0.2,1)", "n:0.3" },
  { "ROUNDUP(1234,-2)", "n:1300" },
  { "ROUNDDOWN(3.99,0)", "n:3" },
  { "ROUNDDOWN(-3.99,1)", "n:-3.9" },
  { "ROUND(\"2.5\",0)", "n:3" },
  { "ROUND(w,0)", "e:#VALUE!" },
  /* Mathematics */
  { "ABS(-3)", "n:3" },
  { "SQRT(16)", "n:4" },
  { "SQRT(-1)", "e:#NUM!" },
  { "POWER(2,10)", "n:1024" },
  { "POWER(0,0)", "e:#NUM!" },
  { "POWER(0,-1)", "e:#DIV/0!" },
  { "MOD(10,3)", "n:1" },
  { "MOD(-3,2)", "n:1" },             /* sign of the divisor */
  { "MOD(3,-2)", "n:-1" },
  { "MOD(5.5,2)", "n:1.5" },
  { "MOD(5,0)", "e:#DIV/0!" },
  { "INT(-1.5)", "n:-2" },
  { "INT(1.9)", "n:1" },
  { "LEN(\"绿色工厂\")", "n:4" },
  { "LEN(1/3)", "n:17" },
  { "LEN(TRUE)", "n:4" },
  { "LEN(\"\")", "n:0" },
  /* Domain functions */
  { "INTERP(0.75,0.5,1,10)", "n:5" },     /* 10 × (0.25 / 0.5) */
  /* 10 × (0.85−0.8)/(0.9−0.8) in binary is 10 × 0.0499999999999999/0.0999999999999999
   * = 4.999999999999994: Excel computes the same digits from the translation. */
  { "INTERP(0.85,0.8,0.9,10)", "n:4.99999999999999" },
  { "ROUND(INTERP(0.85,0.8,0.9,10),2)", "n:5" },
  { "INTERP(0.95,0.8,0.9,10)", "n:10" },  /* clamped to 1 */
  { "INTERP(0.7,0.8,0.9,10)", "n:0" },    /* clamped to 0 */
  { "INTERP(15,20,10,4)", "n:2" },        /* lower is better: 4 × (-5 / -10) */
  { "INTERP(25,20,10,4)", "n:0" },
  { "INTERP(1,2,2,5)", "e:#DIV/0!" },
  { "INTERP(w,0,1,1)", "e:#VALUE!" },
  { "BAND(0.95,\">=\",0.9,5,0.8,3,0)", "n:5" },
  { "BAND(0.85,\">=\",0.9,5,0.8,3,0)", "n:3" },
  { "BAND(0.5,\">=\",0.9,5,0.8,3,0)", "n:0" },
  { "BAND(5,\"<\",3,1,10,2,9)", "n:2" },
  { "BAND(5,\"<=\",5,7,0)", "n:7" },
  { "BAND(5,\">\",5,7,0)", "n:0" },
  { "BAND(0.3,\">=\",0.1+0.2,1,0)", "n:1" },  /* comparison to 15 digits */
  { "BAND(1,\">=\",1/0,1,0)", "e:#DIV/0!" },
  { "BAND(1,\">=\",0,\"A\",\"B\")", "t:A" },
  { "LEVEL(0.5,\"<=\",0.4,0.6,0.8)", "n:2" },
  { "LEVEL(0.3,\"<=\",0.4,0.6,0.8)", "n:1" },
  { "LEVEL(0.9,\"<=\",0.4,0.6,0.8)", "n:0" },
  { "LEVEL(0.3,\"<=\",\"\",0.6,0.8)", "n:2" },  /* level I not defined */
  { "LEVEL(90,\">=\",95,\"\",80)", "n:3" },
  { "LEVEL(1/0,\">=\",\"\",\"\",\"\")", "n:0" },
  { "LEVEL(x,\">=\",3,2,1)", "n:1" },
  { "FACTOR(\"demo\",\"k1\",\"v\")", "n:2.5" },
  { "FACTOR(\"demo\",k,\"v\")", "n:2.5" },
  { "FACTOR(\"demo\",\"k2\",\"v\")", "t:two" },
  { "FACTOR(\"demo\",3+4,\"v\")", "n:70" },
  { "FACTOR(\"demo\",\"zz\",\"v\")", "e:#N/A" },
  { "FACTOR(\"other\",\"k1\",\"v\")", "e:#N/A" },
  { "FACTOR(\"demo\",1/0,\"v\")", "e:#DIV/0!" },
  { "FACTOR(\"demo\",\"k1\",\"w\")", "e:#REF!" },    /* the callback's own error */
  { "IFERROR(FACTOR(\"demo\",\"k1\",\"w\"),0)", "n:0" },
  /* IFBLANK(value, fallback): value is blank-aware, fallback is strict */
  { "IFBLANK(bl,5)", "n:5" },
  { "IFBLANK(emp,5)", "n:5" },              /* empty text is blank */
  { "IFBLANK(x,5)", "n:3" },
  { "IFBLANK(w,5)", "t:abc" },
  { "IFBLANK(z,5)", "n:0" },                /* 0 is a value, not a gap */
  { "IFBLANK(f,5)", "b:FALSE" },
  { "IFBLANK(na,5)", "na" },                /* N/A stays N/A */
  { "IFBLANK(txtna,5)", "t:n/a" },          /* as IF(x="",5,x) returns it */
  { "IFBLANK(e,5)", "e:#DIV/0!" },          /* errors propagate */
  { "IFBLANK(1/0,5)", "e:#DIV/0!" },
  { "IFBLANK(bl,1/0)", "e:#DIV/0!" },
  { "IFBLANK(x,1/0)", "n:3" },              /* the fallback is not evaluated */
  { "IFBLANK(bl,bl2)", "blank" },           /* bl2 is strict: the guard */
  { "IFBLANK(x,bl)", "blank" },             /* the guard, even with x there */
  { "IFBLANK(x,na)", "na" },
  { "IFBLANK(bl+1,5)", "blank" },           /* only a direct reference is blank-aware */
  { "IFBLANK(bl,IFBLANK(bl2,7))", "n:7" },
  { "IFBLANK(IF(t,\"\",1),5)", "n:5" },     /* a computed empty text */
  { "IFBLANK(bl,FACTOR(\"demo\",k,\"v\"))*2", "n:5" },  /* the default from a table: 2.5 × 2 */
  { "IFBLANK(half,FACTOR(\"demo\",k,\"v\"))*2", "n:1" },  /* a measured 0.5 wins: 0.5 × 2 */
  { "IFBLANK(bl,FACTOR(\"demo\",\"zz\",\"v\"))", "e:#N/A" },
  { "ifblank(bl,5)", "n:5" },
  { "IFBLANK(bl)", "p:1:IFBLANK takes 2 arguments, found 1" },
  { "IFBLANK(bl,1,2)", "p:1:IFBLANK takes 2 arguments, found 3" },
  { "CLAMP(5,0,3)", "n:3" },
  { "CLAMP(-1,0,3)", "n:0" },
  { "CLAMP(2,0,3)", "n:2" },
  { "CLAMP(\"2\",0,3)", "n:2" },
  { "CLAMP(\"x\",0,3)", "e:#VALUE!" },
  { "PCTCHANGE(110,100)", "n:0.1" },
  { "POINTS(12,10)", "n:10" },
  { "POINTS(-1,4)", "n:0" },
  { "POINTS(2.5,4)", "n:2.5" },
  { "POINTS(TRUE,4)", "n:4" },
  { "POINTS(f,4)", "n:0" },
  { "POINTS(w,4)", "e:#VALUE!" },
  { "POINTS(bl,4)", "blank" },
  { "POINTS(na,4)", "na" },
  { "POINTS(IFBLANK(bl,3),4)", "n:3" },
  { "PCTCHANGE(90,100)", "n:-0.1" },
  { "PCTCHANGE(1,0)", "e:#DIV/0!" },
  /* PV: 121 received at the end of each of 2 years at 10 %: 121/1.1 + 121/1.21
   * = 110 + 100 = 210, negative as Excel's (money received). */
  { "PV(0.1,2,121)", "n:-210" },
  { "PV(0.1,2,-121)", "n:210" },
  { "PV(0,5,-10)", "n:50" },            /* no discount: 5 × 10 */
  { "PV(-1,5,10)", "e:#NUM!" },
  { "PV(bl,5,10)", "blank" },
  /* RATE: 210 invested returning 121 a year for 2 years: 121/(1+r) +
   * 121/(1+r)² = 210 at r = 0.1 (above); 3 years of 1 331 for 3 310:
   * 1 210 + 1 100 + 1 000 at r = 0.1; 2 years of 40 for 112.5: 40 × 1.25 +
   * 40 × 1.25² = 50 + 62.5 = 112.5 at 1/(1+r) = 1.25, r = −0.2 (a loss). */
  { "RATE(2,121,-210)", "n:0.1" },
  { "RATE(3,1331,-3310)", "n:0.1" },
  { "RATE(2,40,-112.5)", "n:-0.2" },
  { "RATE(1,110,-100)", "n:0.1" },
  { "RATE(2,121,210)", "e:#NUM!" },     /* no sign change: no rate */
  { "RATE(0,121,-210)", "e:#NUM!" },
  { "RATE(2,0,-210)", "e:#NUM!" },
  /* A realistic score formula */
  { "ROUND(INTERP(x/y,0.8,0.7,6),2)", "n:3" },  /* 0.75 is halfway from 0.8 to 0.7: 6 × 0.5 */
  /* Parse errors: column and message */
  { "", "p:1:expected a value" },
  { "=", "p:2:found end of formula" },
  { "1+", "p:3:found end of formula" },
  { "(1", "p:3:expected ')' to close the '(' at column 1" },
  { "=SUM(1", "p:7:expected ')' to close the arguments of SUM, found end of formula" },
  { "1+SUMM(2)", "p:3:unknown function 'SUMM'" },
  { "FOO(1)", "p:1:unknown function 'FOO'" },
  { "IF(1,2,3,4)", "p:1:IF takes 2 or 3 arguments, found 4" },
  { "NOT()", "p:1:NOT takes 1 argument, found 0" },
  { "TRUE(1)", "p:1:TRUE takes 0 arguments, found 1" },
  { "SUM()", "p:1:SUM takes at least 1 argument, found 0" },
  { "IFS(1,2,3)", "p:1:IFS takes pairs" },
  { "LEVEL(1,\">=\",1,2)", "p:1:LEVEL takes 5 arguments, found 4" },
  { "BAND(1,\">=\",1,2)", "p:1:found 4" },
  { "BAND(1,\"=\",1,2,3)", "p:8:comparators" },
  { "LEVEL(1,x,1,2,3)", "p:9:comparators" },
  { "FACTOR(w,\"k\",\"v\")", "p:8:table name of FACTOR" },
  { "FACTOR(\"demo\",\"k\",w)", "p:19:column name of FACTOR" },
  { "COUNTBLANK(1)", "p:12:needs a reference" },
  { "1)", "p:2:no matching '('" },
  { "\"abc", "p:1:expected '\"' to end the text" },
  { "1 2", "p:3:expected an operator or the end of the formula, found number 2" },
  { "ab cd", "p:4:found name 'cd'" },
  { "SUM(1,,2)", "p:7:expected an argument of SUM, found ','" },
  { "SUM(1 2)", "p:7:expected ',' or ')' after an argument of SUM" },
  { "1+（2）", "p:3:type '(' instead" },
  { "1；2", "p:2:type ',' instead" },
  { "SUM(1;2)", "p:6:separated by ','" },
  { "'a'", "p:1:double quotes" },
  { "绿色+1", "p:1:names use only" },
  { "x+绿色", "p:3:names use only" },
  { "1 # 2", "p:3:unexpected character '#'" },
  { "a.1", "p:3:expected a column name" },
  { "a.b.c", "p:4:a range is written table.column" },
  { "1e", "p:3:exponent" },
  { "1e999", "p:1:number 1e999 is larger than the largest number (1.7976931348623157E+308)" },
  { "1.8E308", "p:1:number 1.8E308 is larger than the largest number" },
  { "1.79769313486232E+308", "p:1:larger than the largest number (1.7976931348623157E+308)" },
  { "1.7976931348623157E+308*0", "n:0" },   /* the largest number itself is fine */
  { "*2", "p:1:expected a value" },
  { "(", "p:2:found end of formula" },
  { "\"绿\"+", "p:5:found end of formula" },     /* columns count characters */
};

static void
test_eval_case (gconstpointer data)
{
  const EvalCase *c = data;
  g_autoptr(GError) error = NULL;
  guint column = 0;
  g_autoptr(GaFormula) formula = ga_formula_parse (c->formula, &column, &error);
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;

  if (g_str_has_prefix (c->expect, "p:"))
    {
      char *end = NULL;
      guint want_column = (guint) g_ascii_strtoull (c->expect + 2, &end, 10);
      const char *fragment = end + 1;

      g_test_message ("formula: %s", c->formula);
      g_assert_null (formula);
      g_assert_nonnull (error);
      g_assert_true (error->domain == GA_FORMULA_ERROR);
      g_assert_cmpuint (column, ==, want_column);
      if (strstr (error->message, fragment) == NULL)
        g_assert_cmpstr (error->message, ==, fragment);
      {
        g_autofree char *prefix = g_strdup_printf ("column %u: ", want_column);
        g_assert_true (g_str_has_prefix (error->message, prefix));
      }
      return;
    }

  g_assert_no_error (error);
  g_assert_nonnull (formula);
  {
    GaValue result = GA_VALUE_INIT;
    g_autofree char *described = NULL;
    evaluate_in_env (formula, &result);
    described = describe_result (&result);
    got = g_strdup_printf ("%s -> %s", c->formula, described);
    ga_value_clear (&result);
  }
  /* Both sides formatted to 15 significant digits, so numbers compare the
   * way Excel shows them. */
  if (g_str_has_prefix (c->expect, "n:"))
    {
      g_autofree char *number = ga_number_to_string (g_ascii_strtod (c->expect + 2, NULL));
      want = g_strdup_printf ("%s -> n:%s", c->formula, number);
    }
  else
    want = g_strdup_printf ("%s -> %s", c->formula, c->expect);
  g_assert_cmpstr (got, ==, want);
}

/* ---------------------------------------------------------------------- */
/* Excel translation                                                      */

typedef struct {
  const char *formula;
  const char *excel;      /* NULL: translation fails with error_fragment */
  gboolean    with_cells; /* use the cell and lookup callbacks */
  const char *error_fragment;
} ExcelCase;

static const ExcelCase excel_cases[] = {
  { "1+2*3", "1+2*3", FALSE, NULL },
  { "(1+2)*3", "(1+2)*3", FALSE, NULL },
  { "2^(3^2)", "2^(3^2)", FALSE, NULL },
  { "(2^3)^2", "2^3^2", FALSE, NULL },
  { "-(2^2)", "-(2^2)", FALSE, NULL },
  { "-2^2", "-2^2", FALSE, NULL },
  { "1-(2-3)", "1-(2-3)", FALSE, NULL },
  { "(1-2)-3", "1-2-3", FALSE, NULL },
  { "1&(2&3)", "1&(2&3)", FALSE, NULL },
  { "(1<2)=TRUE", "1<2=TRUE", FALSE, NULL },
  { "1<(2=TRUE)", "1<(2=TRUE)", FALSE, NULL },
  { "(-50)%", "-50%", FALSE, NULL },
  { "-(50%)", "-(50%)", FALSE, NULL },
  { "(1+2)%", "(1+2)%", FALSE, NULL },
  { "2^-1", "2^-1", FALSE, NULL },
  { "=sum(1, 2)", "SUM(1,2)", FALSE, NULL },
  { "\"a\"\"b\"", "\"a\"\"b\"", FALSE, NULL },
  { "0.1", "0.1", FALSE, NULL },
  { "1/3", "1/3", FALSE, NULL },
  { "1e20", "1E+20", FALSE, NULL },
  { "1.5E-10", "1.5E-10", FALSE, NULL },
  { "0.30000000000000004", "0.30000000000000004", FALSE, NULL },
  { "true", "TRUE", FALSE, NULL },
  { "a+b", "IF(OR(a=\"\",b=\"\"),\"\",IF(OR(a=\"N/A\",b=\"N/A\"),\"N/A\",a+b))", FALSE, NULL },
  { "a*2", "IF(a=\"\",\"\",IF(a=\"N/A\",\"N/A\",a*2))", FALSE, NULL },
  { "a+b",
    "IF(OR('Info'!$B$1=\"\",'Info'!$B$2=\"\"),\"\",IF(OR('Info'!$B$1=\"不适用\","
    "'Info'!$B$2=\"不适用\"),\"不适用\",'Info'!$B$1+'Info'!$B$2))", TRUE, NULL },
  { "SUM(energy.tce)", "SUM(Energy!$F$5:$F$24)", TRUE, NULL },
  { "ISBLANK(a)", "a=\"\"", FALSE, NULL },
  { "IF(ISBLANK(a),0,1)", "IF(a=\"\",0,1)", FALSE, NULL },
  { "ISBLANK(a)+0", "(a=\"\")+0", FALSE, NULL },
  { "ISNOTAPPLICABLE(a)", "a=\"N/A\"", FALSE, NULL },
  { "NOT(ISNOTAPPLICABLE(a))", "NOT('Info'!$B$1=\"不适用\")", TRUE, NULL },
  { "IFS(1,2,3,4)", "IF(1,2,IF(3,4,NA()))", FALSE, NULL },
  /* IFBLANK: the value is not in the guard, the fallback is */
  { "IFBLANK(a,0)", "IF(a=\"\",0,a)", FALSE, NULL },
  { "IFBLANK(a,b)", "IF(b=\"\",\"\",IF(b=\"N/A\",\"N/A\",IF(a=\"\",b,a)))", FALSE, NULL },
  { "IFBLANK(1+1,2)*3", "IF(1+1=\"\",2,1+1)*3", FALSE, NULL },
  { "IFBLANK(a,FACTOR(\"demo\",\"k1\",\"v\"))*2",
    "IF('Info'!$B$1=\"\",INDEX(demo!$C:$C,MATCH(\"k1\",demo!$A:$A,0)),'Info'!$B$1)*2", TRUE, NULL },
  { "INTERP(x,0.8,0.9,10)",
    "IF(x=\"\",\"\",IF(x=\"N/A\",\"N/A\",10*MAX(0,MIN(1,(x-0.8)/(0.9-0.8)))))", FALSE, NULL },
  { "INTERP(1,2,3,4)+1", "4*MAX(0,MIN(1,(1-2)/(3-2)))+1", FALSE, NULL },
  { "2^INTERP(1,2,3,4)", "2^(4*MAX(0,MIN(1,(1-2)/(3-2))))", FALSE, NULL },
  { "INTERP(1+1,2-1,3,4+1)", "(4+1)*MAX(0,MIN(1,(1+1-(2-1))/(3-(2-1))))", FALSE, NULL },
  { "BAND(0.5,\">=\",0.9,5,0.8,3,0)", "IF(0.5>=0.9,5,IF(0.5>=0.8,3,0))", FALSE, NULL },
  { "LEVEL(0.5,\"<=\",0.4,0.6,0.8)", "IF(0.5<=0.4,1,IF(0.5<=0.6,2,IF(0.5<=0.8,3,0)))",
    FALSE, NULL },
  { "LEVEL(0.5,\"<=\",\"\",0.6,\"\")", "IF(0.5<=0.6,2,0)", FALSE, NULL },
  { "LEVEL(0.5,\"<=\",\"\",\"\",\"\")", "0", FALSE, NULL },
  { "FACTOR(\"demo\",\"k1\",\"v\")", "FACTOR(\"demo\",\"k1\",\"v\")", FALSE, NULL },
  { "FACTOR(\"demo\",\"k1\",\"v\")*2",
    "INDEX(demo!$C:$C,MATCH(\"k1\",demo!$A:$A,0))*2", TRUE, NULL },
  { "CLAMP(x,0,1)", "IF(x=\"\",\"\",IF(x=\"N/A\",\"N/A\",MAX(0,MIN(1,x+0))))", FALSE, NULL },
  { "CLAMP(1+1,\"0\",1)", "MAX(\"0\"+0,MIN(1,1+1))", FALSE, NULL },
  { "POINTS(x*2,10)",
    "IF(x=\"\",\"\",IF(x=\"N/A\",\"N/A\",IF(ISNUMBER(x*2),MAX(0,MIN(10,x*2)),"
    "IF(ISLOGICAL(x*2),IF(x*2,10,0),#VALUE!))))", FALSE, NULL },
  { "PCTCHANGE(110,100)", "(110-100)/100", FALSE, NULL },
  { "PCTCHANGE(1,2+3)^2", "((1-(2+3))/(2+3))^2", FALSE, NULL },
  { "PV(0.1,2,-121)-210", "PV(0.1,2,-121)-210", FALSE, NULL },
  { "RATE(2,121,-210)", "RATE(2,121,-210)", FALSE, NULL },
  { "COUNTA(energy.tce)", "(ROWS(energy.tce)-COUNTBLANK(energy.tce))", FALSE, NULL },
  { "COUNTA(a,1,2)", "(1-COUNTBLANK(a))+COUNTA(1,2)", FALSE, NULL },
  { "COUNTA(1,2)", "COUNTA(1,2)", FALSE, NULL },
  { "COUNT(a)+COUNTBLANK(b)", "COUNT(a)+COUNTBLANK(b)", FALSE, NULL },
  { "ROUND(2.675,2)", "ROUND(2.675,2)", FALSE, NULL },
  { "IF(a>1,\"yes\")", "IF(a=\"\",\"\",IF(a=\"N/A\",\"N/A\",IF(a>1,\"yes\")))", FALSE, NULL },
  { "\"" /* 256 characters */
    "0123456789012345678901234567890123456789012345678901234567890123456789012345678901"
    "2345678901234567890123456789012345678901234567890123456789012345678901234567890123"
    "4567890123456789012345678901234567890123456789012345678901234567890123456789012345"
    "6789012345\"", NULL, FALSE, "Excel allows 255" },
  { "unknown+1", NULL, TRUE, "has no cell" },
};

/* The exporter's side, for the tests: items in column B of sheet Info,
 * ranges in sheet Energy, lookups with INDEX/MATCH. */
static char *
ref_to_cell_cb (gpointer    user_data,
                guint       index,
                const char *name)
{
  if (strcmp (name, "a") == 0)
    return g_strdup ("'Info'!$B$1");
  if (strcmp (name, "b") == 0)
    return g_strdup ("'Info'!$B$2");
  if (strcmp (name, "energy.tce") == 0)
    return g_strdup ("Energy!$F$5:$F$24");
  return NULL;
}

static char *
lookup_to_excel_cb (gpointer    user_data,
                    const char *table,
                    const char *key_expr,
                    const char *column)
{
  return g_strdup_printf ("INDEX(%s!$C:$C,MATCH(%s,%s!$A:$A,0))", table, key_expr, table);
}

static void
test_excel_case (gconstpointer data)
{
  const ExcelCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GaFormula) formula = ga_formula_parse (c->formula, NULL, &error);
  GaExcelContext context = { ref_to_cell_cb, lookup_to_excel_cb, "不适用", NULL };
  g_autofree char *excel = NULL;

  g_assert_no_error (error);
  excel = ga_formula_to_excel (formula, c->with_cells ? &context : NULL, &error);
  if (c->excel == NULL)
    {
      g_assert_null (excel);
      g_assert_error (error, GA_FORMULA_ERROR, error->code);
      g_assert_nonnull (strstr (error->message, c->error_fragment));
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpstr (excel, ==, c->excel);
}

/* Every translation parses back in our own language, which shares Excel's
 * grammar, and computes the same (guards aside): a check on precedence. */
static void
test_excel_round_trip (void)
{
  static const char * const formulas[] = {
    "-2^2", "2^3^2", "1-(2-3)*4", "-(50%)^2", "(1+2)%*3", "2^-1^2", "1<2=FALSE",
    "\"a\"&1+2&\"b\"", "INTERP(0.85,0.8,0.9,10)", "PCTCHANGE(3,2)^2", "BAND(2,\"<\",1,2,3)",
    "LEVEL(2,\">=\",3,\"\",1)", "CLAMP(7,1,5)", "ROUND(-(2.5),0)", "-(-(3))", "--3%",
    "IFS(FALSE,1,TRUE,2)", "IFBLANK(\"\",2)", "IFBLANK(3,2)*2", "IFBLANK(1/0,2)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (formulas); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GaFormula) original = ga_formula_parse (formulas[i], NULL, &error);
      g_autoptr(GaFormula) translated = NULL;
      g_autofree char *excel = NULL;
      GaValue a = GA_VALUE_INIT, b = GA_VALUE_INIT;
      g_autofree char *da = NULL, *db = NULL;

      g_assert_no_error (error);
      excel = ga_formula_to_excel (original, NULL, &error);
      g_assert_no_error (error);
      /* NA() is Excel's; map it to an IFS with no match, which is #N/A too. */
      if (strstr (excel, "NA()") != NULL)
        continue;
      translated = ga_formula_parse (excel, NULL, &error);
      g_assert_no_error (error);
      ga_formula_evaluate (original, NULL, &a);
      ga_formula_evaluate (translated, NULL, &b);
      da = describe_result (&a);
      db = describe_result (&b);
      g_test_message ("%s -> %s", formulas[i], excel);
      g_assert_cmpstr (da, ==, db);
      ga_value_clear (&a);
      ga_value_clear (&b);
    }
}

/* ---------------------------------------------------------------------- */
/* Static checks                                                          */

static gboolean
resolve_ref_cb (gpointer      user_data,
                const char   *name,
                gboolean     *is_range,
                GaStaticType *type)
{
  static const struct {
    const char  *name;
    gboolean     is_range;
    GaStaticType type;
  } known[] = {
    { "x", FALSE, GA_STATIC_NUMBER },
    { "y", FALSE, GA_STATIC_ANY },
    { "t", FALSE, GA_STATIC_TEXT },
    { "b", FALSE, GA_STATIC_BOOLEAN },
    { "energy", TRUE, GA_STATIC_ANY },
    { "energy.tce", TRUE, GA_STATIC_NUMBER },
    { "energy.qty", TRUE, GA_STATIC_NUMBER },
    { "odd.col", FALSE, GA_STATIC_NUMBER },  /* a resolver that disagrees with the syntax */
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (strcmp (known[i].name, name) == 0)
      {
        *is_range = known[i].is_range;
        *type = known[i].type;
        return TRUE;
      }
  return FALSE;
}

static gboolean
resolve_lookup_cb (gpointer    user_data,
                   const char *table,
                   const char *column,
                   char      **message)
{
  if (strcmp (table, "demo") != 0)
    {
      *message = g_strdup_printf ("unknown lookup table \"%s\"", table);
      return FALSE;
    }
  if (strcmp (column, "v") != 0)
    {
      *message = g_strdup_printf ("lookup table \"demo\" has no column \"%s\"", column);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  const char *formula;
  const char *problem;  /* NULL: no problem; else "column N: fragment" prefix + fragment */
} CheckCase;

static const CheckCase check_cases[] = {
  { "x+1", NULL },
  { "SUM(energy.tce)*x", NULL },
  { "SUMPRODUCT(energy.tce,energy.qty)", NULL },
  { "IF(b,t,\"none\")", NULL },
  { "\"3\"*2", NULL },
  { "FACTOR(\"demo\",t,\"v\")", NULL },
  { "COUNTA(energy.tce)+COUNTBLANK(x)", NULL },
  { "SUM(t)", NULL },  /* a reference inside SUM is skipped when it is text */
  { "zz+1", "column 1: unknown reference 'zz'" },
  { "x+energy.nope", "column 3: unknown range 'energy.nope'" },
  { "energy.tce+1", "column 1: the range energy.tce can only be used inside SUM" },
  { "ROUND(energy.tce,1)", "column 7: the range energy.tce can only be used" },
  { "SUMPRODUCT(x,energy.tce)", "column 12: SUMPRODUCT needs ranges" },
  { "\"abc\"*2", "column 1: the text \"abc\" is used as a number" },
  { "1+-\"abc\"", "column 4: the text \"abc\" is used as a number" },
  { "SUM(\"abc\",1)", "column 5: the text \"abc\" is used as a number" },
  { "ROUND(\"a\",1)", "column 7: the text \"a\" is used as a number" },
  { "t*2", "column 1: t holds text and is used as a number" },
  { "FACTOR(\"nope\",x,\"v\")", "column 1: unknown lookup table \"nope\"" },
  { "1+FACTOR(\"demo\",x,\"w\")", "column 3: lookup table \"demo\" has no column \"w\"" },
  { "SUM(x.y)", "column 5: unknown range 'x.y'" },
  { "SUM(odd.col)", "column 5: 'odd.col' is not a column of a repeatable table" },
  { "energy+1", "column 1: 'energy' is a table" },
  { "IFBLANK(x,FACTOR(\"demo\",t,\"v\"))", NULL },
  { "IFBLANK(zz,1)", "column 9: unknown reference 'zz'" },
  { "IFBLANK(x,zz)", "column 11: unknown reference 'zz'" },
  { "IFBLANK(energy.tce,0)", "column 9: the range energy.tce can only be used inside SUM" },
  { "IFBLANK(x,\"abc\")*2", NULL },  /* text fallback: only literal operands are checked */
  /* Text either way is text: not a condition. */
  { "IF(IFBLANK(t,\"none\"),1,2)", "column 4: this gives text and is used as a condition" },
  { "IF(IFBLANK(x,0),1,2)", NULL },
};

static void
test_check_case (gconstpointer data)
{
  const CheckCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GaFormula) formula = ga_formula_parse (c->formula, NULL, &error);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  GaFormulaResolver resolver = { resolve_ref_cb, resolve_lookup_cb, NULL };
  gboolean ok;

  g_assert_no_error (error);
  ok = ga_formula_check (formula, &resolver, problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s: %s", c->formula, (const char *) problems->pdata[i]);
  if (c->problem == NULL)
    {
      g_assert_true (ok);
      g_assert_cmpuint (problems->len, ==, 0);
      return;
    }
  g_assert_false (ok);
  g_assert_cmpuint (problems->len, >=, 1);
  {
    gboolean found = FALSE;
    for (guint i = 0; i < problems->len; i++)
      found |= g_str_has_prefix (problems->pdata[i], c->problem);
    if (!found)
      g_assert_cmpstr (problems->pdata[0], ==, c->problem);
  }
}

static void
test_check_without_resolver (void)
{
  g_autoptr(GaFormula) formula = ga_formula_parse ("\"abc\"*2+anything", NULL, NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  /* Literal problems are found even without a resolver. */
  g_assert_false (ga_formula_check (formula, NULL, problems));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_false (ga_formula_check (formula, NULL, NULL));
}

static void
test_result_type (void)
{
  static const struct {
    const char  *formula;
    GaStaticType type;
  } cases[] = {
    { "1+1", GA_STATIC_NUMBER },
    { "\"a\"&1", GA_STATIC_TEXT },
    { "1<2", GA_STATIC_BOOLEAN },
    { "IF(b,1,2)", GA_STATIC_NUMBER },
    { "IF(b,1,\"a\")", GA_STATIC_ANY },
    { "IF(b,TRUE)", GA_STATIC_BOOLEAN },
    { "t", GA_STATIC_TEXT },
    { "x", GA_STATIC_NUMBER },
    { "y", GA_STATIC_ANY },
    { "FACTOR(\"demo\",x,\"v\")", GA_STATIC_ANY },
    { "SUM(energy.tce)", GA_STATIC_NUMBER },
    { "ISBLANK(x)", GA_STATIC_BOOLEAN },
    { "BAND(x,\">=\",1,\"a\",\"b\")", GA_STATIC_TEXT },
    { "IFERROR(x,0)", GA_STATIC_NUMBER },
    { "IFS(b,1,TRUE,2)", GA_STATIC_NUMBER },
    { "LEVEL(x,\">=\",1,2,3)", GA_STATIC_NUMBER },
    /* IFBLANK gives x or the fallback: their type when both have it. */
    { "IFBLANK(x,0)", GA_STATIC_NUMBER },
    { "IFBLANK(t,\"none\")", GA_STATIC_TEXT },
    { "IFBLANK(b,FALSE)", GA_STATIC_BOOLEAN },
    { "IFBLANK(x,1+1)", GA_STATIC_NUMBER },
    { "IFBLANK(x,\"none\")", GA_STATIC_ANY },
    { "IFBLANK(y,1)", GA_STATIC_ANY },
    { "IFBLANK(x,FACTOR(\"demo\",t,\"v\"))", GA_STATIC_ANY },
  };
  GaFormulaResolver resolver = { resolve_ref_cb, resolve_lookup_cb, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GaFormula) formula = ga_formula_parse (cases[i].formula, NULL, NULL);
      g_assert_nonnull (formula);
      g_test_message ("%s", cases[i].formula);
      g_assert_cmpint (ga_formula_result_type (formula, &resolver), ==, cases[i].type);
    }
  {
    g_autoptr(GaFormula) formula = ga_formula_parse ("x", NULL, NULL);
    g_assert_cmpint (ga_formula_result_type (formula, NULL), ==, GA_STATIC_ANY);
  }
}

/* ---------------------------------------------------------------------- */
/* References, lookups, limits and API                                    */

static void
test_refs (void)
{
  g_autoptr(GaFormula) formula =
    ga_formula_parse ("a+b+a+SUM(r.x)+ISBLANK(c)+COUNT(a)+COUNT(d)+ISBLANK(d+1)", NULL, NULL);

  g_assert_nonnull (formula);
  g_assert_cmpuint (ga_formula_get_n_refs (formula), ==, 5);
  g_assert_cmpstr (ga_formula_get_ref (formula, 0), ==, "a");
  g_assert_cmpstr (ga_formula_get_ref (formula, 1), ==, "b");
  g_assert_cmpstr (ga_formula_get_ref (formula, 2), ==, "r.x");
  g_assert_cmpstr (ga_formula_get_ref (formula, 3), ==, "c");
  g_assert_cmpstr (ga_formula_get_ref (formula, 4), ==, "d");
  g_assert_true (ga_formula_ref_is_strict (formula, 0));
  g_assert_true (ga_formula_ref_is_strict (formula, 1));
  g_assert_false (ga_formula_ref_is_strict (formula, 2));   /* a range */
  g_assert_false (ga_formula_ref_is_strict (formula, 3));   /* only inside ISBLANK */
  g_assert_true (ga_formula_ref_is_strict (formula, 4));    /* d+1 is not a direct argument */
  g_assert_false (ga_formula_ref_is_range (formula, 0));
  g_assert_true (ga_formula_ref_is_range (formula, 2));
  g_assert_cmpuint (ga_formula_ref_column (formula, 0), ==, 1);
  g_assert_cmpuint (ga_formula_ref_column (formula, 1), ==, 3);
  g_assert_cmpuint (ga_formula_ref_column (formula, 2), ==, 11);
  g_assert_cmpstr (ga_formula_get_text (formula), ==,
                   "a+b+a+SUM(r.x)+ISBLANK(c)+COUNT(a)+COUNT(d)+ISBLANK(d+1)");

  /* Columns count characters, not bytes. */
  {
    g_autoptr(GaFormula) cjk = ga_formula_parse ("\"绿色\"&name", NULL, NULL);
    g_assert_cmpuint (ga_formula_ref_column (cjk, 0), ==, 6);
  }
  /* References are case-sensitive. */
  {
    g_autoptr(GaFormula) two = ga_formula_parse ("E1+e1", NULL, NULL);
    g_assert_cmpuint (ga_formula_get_n_refs (two), ==, 2);
  }
}

static void
test_lookups (void)
{
  g_autoptr(GaFormula) formula =
    ga_formula_parse ("x*FACTOR(\"gbt\",carrier,\"kgce\")+FACTOR(\"demo\",1,\"v\")", NULL, NULL);
  const char *table = NULL;
  const char *column = NULL;
  guint at = 0;

  g_assert_nonnull (formula);
  g_assert_cmpuint (ga_formula_get_n_lookups (formula), ==, 2);
  ga_formula_get_lookup (formula, 0, &table, &column, &at);
  g_assert_cmpstr (table, ==, "gbt");
  g_assert_cmpstr (column, ==, "kgce");
  g_assert_cmpuint (at, ==, 3);
  ga_formula_get_lookup (formula, 1, &table, &column, &at);
  g_assert_cmpstr (table, ==, "demo");
  g_assert_cmpuint (at, ==, 32);
  /* carrier is a strict reference (the key), x too. */
  g_assert_cmpuint (ga_formula_get_n_refs (formula), ==, 2);
  g_assert_true (ga_formula_ref_is_strict (formula, 1));
}

static void
test_limits (void)
{
  g_autoptr(GError) error = NULL;
  guint column = 0;
  GString *text = g_string_new (NULL);
  GaFormula *formula;

  /* GA_FORMULA_MAX_LENGTH bytes are accepted, one more is refused. */
  g_string_append (text, "1");
  while (text->len + 2 <= GA_FORMULA_MAX_LENGTH)
    g_string_append (text, "+1");
  g_assert_cmpuint (text->len, <=, GA_FORMULA_MAX_LENGTH);
  formula = ga_formula_parse (text->str, NULL, &error);
  g_assert_no_error (error);
  {
    GaValue result = GA_VALUE_INIT;
    ga_formula_evaluate (formula, NULL, &result);
    g_assert_cmpint (result.kind, ==, GA_VALUE_NUMBER);
    g_assert_cmpfloat (result.u.number, ==, (text->len + 1) / 2);
  }
  ga_formula_unref (formula);
  while (text->len <= GA_FORMULA_MAX_LENGTH)
    g_string_append (text, "+1");
  formula = ga_formula_parse (text->str, &column, &error);
  g_assert_null (formula);
  g_assert_error (error, GA_FORMULA_ERROR, GA_FORMULA_ERROR_TOO_LONG);
  g_clear_error (&error);

  /* GA_FORMULA_MAX_DEPTH levels of parentheses are accepted, one more is not. */
  g_string_truncate (text, 0);
  for (int i = 0; i < GA_FORMULA_MAX_DEPTH; i++)
    g_string_append_c (text, '(');
  g_string_append_c (text, '1');
  for (int i = 0; i < GA_FORMULA_MAX_DEPTH; i++)
    g_string_append_c (text, ')');
  formula = ga_formula_parse (text->str, NULL, &error);
  g_assert_no_error (error);
  ga_formula_unref (formula);
  g_string_prepend_c (text, '(');
  g_string_append_c (text, ')');
  formula = ga_formula_parse (text->str, &column, &error);
  g_assert_null (formula);
  g_assert_error (error, GA_FORMULA_ERROR, GA_FORMULA_ERROR_TOO_DEEP);
  g_assert_cmpuint (column, ==, GA_FORMULA_MAX_DEPTH + 1);
  g_clear_error (&error);

  /* Nested calls and chains of signs count too. */
  g_string_truncate (text, 0);
  for (int i = 0; i <= GA_FORMULA_MAX_DEPTH; i++)
    g_string_append (text, "ABS(");
  g_string_append_c (text, '1');
  for (int i = 0; i <= GA_FORMULA_MAX_DEPTH; i++)
    g_string_append_c (text, ')');
  formula = ga_formula_parse (text->str, NULL, &error);
  g_assert_null (formula);
  g_assert_error (error, GA_FORMULA_ERROR, GA_FORMULA_ERROR_TOO_DEEP);
  g_clear_error (&error);

  g_string_truncate (text, 0);
  for (int i = 0; i <= GA_FORMULA_MAX_DEPTH; i++)
    g_string_append_c (text, '-');
  g_string_append_c (text, '1');
  formula = ga_formula_parse (text->str, NULL, &error);
  g_assert_null (formula);
  g_assert_error (error, GA_FORMULA_ERROR, GA_FORMULA_ERROR_TOO_DEEP);
  g_clear_error (&error);

  /* 10 000 '(' */
  g_string_truncate (text, 0);
  for (int i = 0; i < 10000; i++)
    g_string_append_c (text, '(');
  formula = ga_formula_parse (text->str, NULL, &error);
  g_assert_null (formula);
  g_assert_true (error->code == GA_FORMULA_ERROR_TOO_DEEP
                 || error->code == GA_FORMULA_ERROR_TOO_LONG);
  g_clear_error (&error);

  /* Invalid UTF-8: the column of the bad byte. */
  formula = ga_formula_parse ("\"绿\"&\xff", &column, &error);
  g_assert_null (formula);
  g_assert_error (error, GA_FORMULA_ERROR, GA_FORMULA_ERROR_ENCODING);
  g_assert_cmpuint (column, ==, 5);
  g_clear_error (&error);

  /* Error codes of the other kinds. */
  formula = ga_formula_parse ("SUMM(1)", NULL, &error);
  g_assert_error (error, GA_FORMULA_ERROR, GA_FORMULA_ERROR_UNKNOWN_FUNCTION);
  g_clear_error (&error);
  formula = ga_formula_parse ("IF(1)", NULL, &error);
  g_assert_error (error, GA_FORMULA_ERROR, GA_FORMULA_ERROR_ARGUMENTS);
  g_clear_error (&error);
  formula = ga_formula_parse ("1+", NULL, &error);
  g_assert_error (error, GA_FORMULA_ERROR, GA_FORMULA_ERROR_SYNTAX);
  g_clear_error (&error);
  g_assert_null (formula);

  /* NULL error pointers are fine. */
  g_assert_null (ga_formula_parse ("1+", NULL, NULL));

  g_string_free (text, TRUE);
}

static void
test_ref_counting (void)
{
  GaFormula *formula = ga_formula_parse ("1+1", NULL, NULL);
  GaFormula *again = ga_formula_ref (formula);

  g_assert_true (again == formula);
  ga_formula_unref (formula);
  g_assert_cmpstr (ga_formula_get_text (again), ==, "1+1");
  ga_formula_unref (again);
}

/* Evaluating without any context: references are blank, ranges #REF!,
 * lookups #REF!. */
static void
test_no_context (void)
{
  static const struct {
    const char *formula;
    const char *expect;
  } cases[] = {
    { "a+1", "blank" },
    { "SUM(r.x)", "e:#REF!" },
    { "FACTOR(\"demo\",1,\"v\")", "e:#REF!" },
    { "COUNTBLANK(a)", "n:1" },
    { "ISBLANK(a)", "b:TRUE" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GaFormula) formula = ga_formula_parse (cases[i].formula, NULL, NULL);
      GaValue result = GA_VALUE_INIT;
      g_autofree char *got = NULL;

      ga_formula_evaluate (formula, NULL, &result);
      got = describe_result (&result);
      g_assert_cmpstr (got, ==, cases[i].expect);
      ga_value_clear (&result);
    }
}

/* The result value is cleared first and can be reused. */
static void
test_result_reuse (void)
{
  g_autoptr(GaFormula) text = ga_formula_parse ("\"a\"&\"b\"", NULL, NULL);
  g_autoptr(GaFormula) number = ga_formula_parse ("1+1", NULL, NULL);
  GaValue result = GA_VALUE_INIT;

  ga_formula_evaluate (text, NULL, &result);
  g_assert_cmpstr (result.u.text, ==, "ab");
  ga_formula_evaluate (number, NULL, &result);
  g_assert_cmpint (result.kind, ==, GA_VALUE_NUMBER);
  g_assert_cmpfloat (result.u.number, ==, 2);
  ga_formula_evaluate (text, NULL, &result);
  ga_value_clear (&result);
}

static void
test_lookup_called (void)
{
  g_autoptr(GaFormula) formula = ga_formula_parse ("IF(FALSE,FACTOR(\"demo\",\"k1\",\"v\"),1)",
                                                   NULL, NULL);
  Bound bound;
  GaFormulaContext context = { get_ref_cb, get_range_cb, lookup_cb, &bound };
  GaValue result = GA_VALUE_INIT;

  bind (formula, &bound);
  ga_formula_evaluate (formula, &context, &result);
  /* The branch not taken is not evaluated: no lookup. */
  g_assert_cmpuint (bound.lookups, ==, 0);
  g_assert_cmpfloat (result.u.number, ==, 1);
  g_free (bound.by_index);
}

/* FACTOR's messages: a missing key (the callback returns FALSE) is #N/A
 * naming key and table; an error the callback stores is kept as it is
 * (code and message); without lookups at all it is #REF!. Table and key are
 * in single quotes, as in the template checks. */
static void
test_lookup_messages (void)
{
  static const struct {
    const char *formula;
    gboolean    with_context;
    GaErrorCode code;
    const char *message;
  } cases[] = {
    { "FACTOR(\"demo\",\"zz\",\"v\")", TRUE, GA_ERROR_CODE_NA,
      "'zz' is not a key of lookup table 'demo'" },
    { "FACTOR(\"demo\",12.5,\"v\")", TRUE, GA_ERROR_CODE_NA,
      "'12.5' is not a key of lookup table 'demo'" },
    { "FACTOR(\"demo\",\"k1\",\"kgce\")", TRUE, GA_ERROR_CODE_REF,
      "table 'demo' has no column 'kgce'" },
    { "FACTOR(\"demo\",\"k1\",\"v\")", FALSE, GA_ERROR_CODE_REF,
      "lookup table 'demo' is not available" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GaFormula) formula = ga_formula_parse (cases[i].formula, NULL, NULL);
      GaValue result = GA_VALUE_INIT;

      g_test_message ("%s", cases[i].formula);
      g_assert_nonnull (formula);
      if (cases[i].with_context)
        evaluate_in_env (formula, &result);
      else
        ga_formula_evaluate (formula, NULL, &result);
      g_assert_cmpint (result.kind, ==, GA_VALUE_ERROR);
      g_assert_cmpint (result.u.error.code, ==, cases[i].code);
      g_assert_cmpstr (result.u.error.message, ==, cases[i].message);
      ga_value_clear (&result);
    }
}

/* IFBLANK's first argument is blank-aware, its second is not, and a name
 * used in both places is strict (it is used outside the first). */
static void
test_ifblank_refs (void)
{
  g_autoptr(GaFormula) formula = ga_formula_parse ("IFBLANK(a,b)+IFBLANK(c,c)+IFBLANK(d+1,0)",
                                                   NULL, NULL);

  g_assert_nonnull (formula);
  g_assert_cmpuint (ga_formula_get_n_refs (formula), ==, 4);
  g_assert_cmpstr (ga_formula_get_ref (formula, 0), ==, "a");
  g_assert_false (ga_formula_ref_is_strict (formula, 0));
  g_assert_true (ga_formula_ref_is_strict (formula, 1));   /* b, the fallback */
  g_assert_true (ga_formula_ref_is_strict (formula, 2));   /* c, also the fallback */
  g_assert_true (ga_formula_ref_is_strict (formula, 3));   /* d, inside an expression */
  g_assert_true (g_strv_contains (ga_formula_function_names (), "IFBLANK"));
}

static void
test_numeric_helpers (void)
{
  g_assert_cmpfloat (ga_round_half_away (2.675, 2), ==, 2.68);
  g_assert_cmpfloat (ga_round_half_away (-2.5, 0), ==, -3);
  g_assert_cmpfloat (ga_round_half_away (1234.5, -2), ==, 1200);
  g_assert_cmpfloat (ga_round_half_away (0.285, 2), ==, 0.29);
  g_assert_cmpfloat (ga_round_half_away (1.45, 1), ==, 1.5);
  g_assert_cmpfloat (ga_round_half_away (0, 2), ==, 0);
  g_assert_cmpfloat (ga_round_half_away (123.456, 10), ==, 123.456);
  g_assert_cmpfloat (ga_round_half_away (5e-324, 2), ==, 0);
  /* The largest double rounded to 10^300: 179769313 × 10^300, still finite. */
  g_assert_cmpfloat (ga_round_half_away (1.7976931348623157e308, -300), ==, 1.79769313e308);

  g_assert_cmpint (ga_number_compare (0.1 + 0.2, 0.3), ==, 0);
  g_assert_cmpint (ga_number_compare (1, 2), <, 0);
  g_assert_cmpint (ga_number_compare (2, 1), >, 0);
  g_assert_cmpint (ga_number_compare (-0.0, 0.0), ==, 0);
  g_assert_cmpint (ga_number_compare (1e-300, -1e-300), >, 0);
  g_assert_cmpint (ga_number_compare (1e308, 1e308 * (1 + 1e-16)), ==, 0);
  /* 15 nines, next to a power of ten where log10() says 15 or 5: distinct
   * to 15 digits, as in Excel. */
  g_assert_cmpint (ga_number_compare (999999999999999.0, 1e15), <, 0);
  g_assert_cmpint (ga_number_compare (99999.9999999999, 100000), <, 0);
  g_assert_cmpint (ga_number_compare (99999.99999999999, 100000), ==, 0);
  g_assert_cmpfloat (ga_round_half_away (999999999999999.0, -1), ==, 1e15);
  g_assert_cmpfloat (ga_round_half_away (99999.9999999999, 10), ==, 99999.9999999999);
  g_assert_cmpfloat (ga_round_half_away (99999.9999999999, 9), ==, 100000);

  g_assert_cmpint (ga_text_compare ("abc", "ABC"), ==, 0);
  g_assert_cmpint (ga_text_compare ("a", "B"), <, 0);
  g_assert_cmpint (ga_text_compare ("ab", "a"), >, 0);
  g_assert_cmpint (ga_text_compare ("", "a"), <, 0);
  g_assert_cmpint (ga_text_compare ("ÄRGER", "ärger"), ==, 0);
  g_assert_cmpint (ga_text_compare ("绿色", "绿色"), ==, 0);
  g_assert_cmpint (ga_text_compare ("x绿", "X绿"), ==, 0);
}

/* ga_number_to_string() as it was written with printf: the 15 digits of
 * "%.14e", then Excel's General format. */
static char *
number_to_string_by_printf (double number)
{
  char buf[64];
  char digits[32];
  int n_digits = 0;
  int exponent;
  const char *p;
  GString *out;

  if (number == 0)
    return g_strdup ("0");
  out = g_string_new (NULL);
  g_snprintf (buf, sizeof buf, "%.14e", number);
  for (p = buf + (buf[0] == '-' ? 1 : 0); *p != 'e'; p++)
    if (g_ascii_isdigit (*p))
      digits[n_digits++] = *p;
  digits[n_digits] = '\0';
  exponent = atoi (p + 1);
  while (n_digits > 1 && digits[n_digits - 1] == '0')
    digits[--n_digits] = '\0';
  if (buf[0] == '-')
    g_string_append_c (out, '-');
  if (exponent >= 15 || exponent < -9 || (exponent < 0 && (-exponent - 1) + n_digits > 15))
    g_string_append_printf (out, "%c%s%sE%c%02d", digits[0], n_digits > 1 ? "." : "",
                            digits + 1, exponent < 0 ? '-' : '+', ABS (exponent));
  else if (exponent < 0)
    {
      g_string_append (out, "0.");
      for (int i = 0; i < -exponent - 1; i++)
        g_string_append_c (out, '0');
      g_string_append (out, digits);
    }
  else
    {
      for (int i = 0; i <= exponent; i++)
        g_string_append_c (out, i < n_digits ? digits[i] : '0');
      if (n_digits > exponent + 1)
        g_string_append_printf (out, ".%s", digits + exponent + 1);
    }
  return g_string_free (out, FALSE);
}

/* Numbers as text are written without printf: the same text as the C
 * library's correctly rounded conversion gives, for numbers of every size,
 * with 15, 16 and 17 significant digits, next to powers of ten and next to
 * the halfway points of the 15th digit. */
static void
test_number_to_string_digits (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);

  for (guint i = 0; i < 200000; i++)
    {
      int power = g_rand_int_range (rand, -330, 310);
      double x;
      g_autofree char *got = NULL;
      g_autofree char *want = NULL;

      switch (i % 4)
        {
        case 0:   /* anything */
          x = g_rand_double_range (rand, 1, 10) * pow (10, power);
          break;
        case 1:   /* next to a power of ten */
          x = nextafter (pow (10, power), g_rand_boolean (rand) ? INFINITY : 0);
          break;
        case 2:   /* next to the halfway point of the 15th digit */
          x = ((double) g_rand_int_range (rand, 1, 1000000) * 1e9 + 0.5) * pow (10, power % 20);
          x = nextafter (x, g_rand_boolean (rand) ? INFINITY : 0);
          break;
        default:  /* a few decimals, as answers are */
          x = (double) g_rand_int_range (rand, -1000000, 1000000) / pow (10, i % 7);
          break;
        }
      if (!isfinite (x) || x == 0)
        continue;
      got = ga_number_to_string (x);
      want = number_to_string_by_printf (x);
      if (g_strcmp0 (got, want) != 0)
        g_test_message ("%.17g", x);
      g_assert_cmpstr (got, ==, want);
    }
}

static void
test_function_names_documented (void)
{
  const char * const *names = ga_formula_function_names ();
  g_autofree char *path = g_build_filename (GA_SOURCE_DIR, "docs", "formula-language.md", NULL);
  g_autofree char *doc = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_file_get_contents (path, &doc, NULL, &error);
  g_assert_no_error (error);
  for (; names[n] != NULL; n++)
    {
      g_autofree char *mention = g_strdup_printf ("%s(", names[n]);
      g_test_message ("%s", names[n]);
      g_assert_nonnull (strstr (doc, mention));
    }
  g_assert_cmpuint (n, >=, 35);
}

/* The table of parse errors in docs/formula-language.md §2 quotes the real
 * messages: every row "| `FORMULA` | `MESSAGE` ...|" is parsed here and the
 * message must be exactly the one in the document. */
static void
test_documented_parse_errors (void)
{
  g_autofree char *path = g_build_filename (GA_SOURCE_DIR, "docs", "formula-language.md", NULL);
  g_autofree char *doc = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  const char *section;
  const char *end;
  guint n = 0;

  g_file_get_contents (path, &doc, NULL, &error);
  g_assert_no_error (error);
  section = strstr (doc, "## 2. Parse errors");
  g_assert_nonnull (section);
  end = strstr (section, "## 3.");
  g_assert_nonnull (end);
  {
    g_autofree char *part = g_strndup (section, end - section);
    lines = g_strsplit (part, "\n", -1);
  }
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *f1, *f2, *m1, *m2;
      g_autofree char *text = NULL;
      g_autofree char *message = NULL;
      g_autoptr(GaFormula) formula = NULL;
      g_autoptr(GError) parse_error = NULL;

      if (!g_str_has_prefix (line, "| `"))
        continue;
      f1 = line + 3;
      f2 = strstr (f1, "` | `");
      if (f2 == NULL)
        continue;
      m1 = f2 + 5;
      m2 = strchr (m1, '`');
      g_assert_nonnull (m2);
      text = g_strndup (f1, f2 - f1);
      message = g_strndup (m1, m2 - m1);
      g_test_message ("%s", text);
      formula = ga_formula_parse (text, NULL, &parse_error);
      g_assert_null (formula);
      g_assert_nonnull (parse_error);
      g_assert_cmpstr (parse_error->message, ==, message);
      n++;
    }
  g_assert_cmpuint (n, >=, 15);
}

/* Every odd input in tests/corpus/formula parses or fails cleanly, and what
 * parses evaluates, checks and translates without crashing. */
static void
test_corpus (void)
{
  g_autofree char *dir_path = g_build_filename (GA_SOURCE_DIR, "tests", "corpus", "formula", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_files = 0;
  guint n_parsed = 0;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;
      g_autoptr(GaFormula) formula = NULL;
      guint column = 0;

      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      n_files++;
      g_test_message ("corpus %s (%" G_GSIZE_FORMAT " bytes)", name, length);

      /* The API takes a C string: a NUL byte ends the formula there. */
      formula = ga_formula_parse (contents, &column, &error);
      if (formula == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == GA_FORMULA_ERROR);
          g_assert_cmpuint (column, >=, 1);
          g_assert_true (g_str_has_prefix (error->message, "column "));
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          g_clear_error (&error);
          continue;
        }
      n_parsed++;
      {
        GaValue result = GA_VALUE_INIT;
        g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
        GaFormulaResolver resolver = { resolve_ref_cb, resolve_lookup_cb, NULL };
        GaExcelContext context = { NULL, NULL, NULL, NULL };
        g_autofree char *excel = NULL;
        g_autofree char *display = NULL;

        evaluate_in_env (formula, &result);
        display = ga_value_to_display (&result);
        g_assert_true (g_utf8_validate (display, -1, NULL));
        ga_value_clear (&result);
        ga_formula_evaluate (formula, NULL, &result);
        ga_value_clear (&result);
        ga_formula_check (formula, &resolver, problems);
        ga_formula_result_type (formula, &resolver);
        excel = ga_formula_to_excel (formula, &context, &error);
        g_assert_true ((excel != NULL) == (error == NULL));
        g_clear_error (&error);
      }
    }
  g_test_message ("%u corpus files, %u parsed", n_files, n_parsed);
  g_assert_cmpuint (n_files, >=, 20);
}

static gboolean
lookup_ranges_cb (gpointer     user_data,
                  const char  *table,
                  const char  *column,
                  char       **keys,
                  char       **values)
{
  if (strcmp (table, "demo") != 0)
    return FALSE;
  *keys = g_strdup ("'F'!$A$2:$A$9");
  *values = g_strdup_printf ("'F'!$%s$2:$%s$9", column, column);
  return TRUE;
}

/* With lookup_ranges, the translator writes the INDEX/MATCH itself. */
static void
test_excel_lookup_ranges (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaFormula) formula = ga_formula_parse ("FACTOR(\"demo\",a,\"C\")*2+"
                                                   "FACTOR(\"nope\",a,\"C\")", NULL, &error);
  GaExcelContext context = { ref_to_cell_cb, NULL, "N/A", NULL, lookup_ranges_cb };
  g_autofree char *excel = NULL;

  g_assert_no_error (error);
  excel = ga_formula_to_excel (formula, &context, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (excel, ==, "IF('Info'!$B$1=\"\",\"\",IF('Info'!$B$1=\"N/A\",\"N/A\","
                   "INDEX('F'!$C$2:$C$9,MATCH('Info'!$B$1,'F'!$A$2:$A$9,0))*2+NA()))");
}

/* A tree built by code is the formula its text parses into: the same
 * references in the same order, the same strict ones, the same lookups and
 * the same values, here and in Excel. */
static void
test_builder (void)
{
  g_autoptr(GaFormulaBuilder) b = ga_formula_builder_new ();
  g_autoptr(GaFormula) graft = ga_formula_parse ("FACTOR(\"demo\", k, \"v\")*2", NULL, NULL);
  g_autoptr(GaFormula) built = NULL;
  g_autoptr(GaFormula) parsed = NULL;
  g_autoptr(GError) error = NULL;
  GaValue v1 = GA_VALUE_INIT;
  GaValue v2 = GA_VALUE_INIT;
  g_autofree char *x1 = NULL;
  g_autofree char *x2 = NULL;
  GaTerm x, cond, sum, root;

  /* IF(ISBLANK(bl), -x^2, SUM(r.y) + FACTOR("demo",k,"v")*2 - 50%) & "a""b" */
  x = ga_formula_builder_ref (b, "x");
  cond = ga_formula_builder_call (b, GA_FN_ISBLANK, 1, ga_formula_builder_ref (b, "bl"));
  sum = ga_formula_builder_call (b, GA_FN_SUM, 1, ga_formula_builder_range (b, "r.y"));
  sum = ga_formula_builder_op (b, GA_OP_ADD, sum, ga_formula_builder_graft (b, graft));
  sum = ga_formula_builder_op (b, GA_OP_SUB, sum,
                               ga_formula_builder_op (b, GA_OP_PERCENT,
                                                      ga_formula_builder_number (b, 50), 0));
  root = ga_formula_builder_call (b, GA_FN_IF, 3, cond,
                                  ga_formula_builder_op (b, GA_OP_POW,
                                                         ga_formula_builder_op (b, GA_OP_NEG, x,
                                                                                0),
                                                         ga_formula_builder_number (b, 2)),
                                  sum);
  root = ga_formula_builder_op (b, GA_OP_CONCAT, root, ga_formula_builder_text (b, "a\"b"));
  built = ga_formula_builder_finish (b, root);
  g_assert_cmpstr (ga_formula_get_text (built), ==,
                   "IF(ISBLANK(bl),-x^2,SUM(r.y)+FACTOR(\"demo\",k,\"v\")*2-50%)&\"a\"\"b\"");

  parsed = ga_formula_parse (ga_formula_get_text (built), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ga_formula_get_n_refs (built), ==, ga_formula_get_n_refs (parsed));
  for (guint i = 0; i < ga_formula_get_n_refs (built); i++)
    {
      g_assert_cmpstr (ga_formula_get_ref (built, i), ==, ga_formula_get_ref (parsed, i));
      g_assert_cmpint (ga_formula_ref_is_strict (built, i), ==,
                       ga_formula_ref_is_strict (parsed, i));
      g_assert_cmpint (ga_formula_ref_is_range (built, i), ==,
                       ga_formula_ref_is_range (parsed, i));
    }
  g_assert_false (ga_formula_ref_is_strict (built, 0));   /* bl, inside ISBLANK */
  g_assert_cmpuint (ga_formula_get_n_lookups (built), ==, 1);

  evaluate_in_env (built, &v1);
  evaluate_in_env (parsed, &v2);
  g_assert_true (ga_value_equal (&v1, &v2));
  g_assert_cmpint (v1.kind, ==, GA_VALUE_TEXT);
  g_assert_cmpstr (v1.u.text, ==, "9a\"b");
  ga_value_clear (&v1);
  ga_value_clear (&v2);

  x1 = ga_formula_to_excel (built, NULL, &error);
  g_assert_no_error (error);
  x2 = ga_formula_to_excel (parsed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (x1, ==, x2);

  /* The builder's nodes stay usable for another formula. */
  {
    g_autoptr(GaFormula) again = ga_formula_builder_finish (b, x);
    g_assert_cmpstr (ga_formula_get_text (again), ==, "x");
    g_assert_true (ga_formula_ref_is_strict (again, 0));
  }
}

/* A context that counts what it is asked: the value of every reference
 * is 2, or the text "b" for a reference whose name starts with 't'. */
typedef struct {
  GaFormula *formula;
  guint      asked[32];
} Counting;

static const GaValue *
counting_get_ref (gpointer user_data,
                  guint    index)
{
  static GaValue two = { GA_VALUE_NUMBER, { .number = 2 } };
  static GaValue b = { GA_VALUE_TEXT, { .text = (char *) "b" } };
  Counting *c = user_data;

  g_assert_cmpuint (index, <, G_N_ELEMENTS (c->asked));
  c->asked[index]++;
  return ga_formula_get_ref (c->formula, index)[0] == 't' ? &b : &two;
}

/* One evaluation asks the context once for each reference it reads,
 * however often the formula names it, and never for one it does not read;
 * with more references than the evaluator keeps on its stack too. */
static void
test_refs_asked_once (void)
{
  static const struct {
    const char *formula;
    const char *expect;
    const char *asked;   /* per reference, in order */
  } cases[] = {
    { "IF(t=\"a\",1,IF(t=\"b\",2,IF(t=\"c\",3,0)))", "n:2", "1" },
    { "IF(ISBLANK(u),t,t&t&u)", "t:bb2", "1 1" },
    { "IF(x>1,x*y,z)", "n:4", "1 1 1" },
    { "IF(FALSE,ISBLANK(u),1)", "n:1", "0" },
    { "a1+a2+a3+a4+a5+a6+a7+a8+a9+a10+a11+a12+a13+a14+a15+a16+a17+a18+a19+a20+a1+a20",
      "n:44", "1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GaFormula) formula = ga_formula_parse (cases[i].formula, NULL, NULL);
      Counting c = { formula, { 0 } };
      GaFormulaContext context = { counting_get_ref, NULL, NULL, &c };
      GaValue result = GA_VALUE_INIT;
      g_autofree char *got = NULL;
      g_autoptr(GString) asked = g_string_new (NULL);

      g_assert_nonnull (formula);
      for (guint run = 0; run < 2; run++)
        {
          memset (c.asked, 0, sizeof c.asked);
          ga_formula_evaluate (formula, &context, &result);
          g_free (got);
          got = describe_result (&result);
          g_assert_cmpstr (got, ==, cases[i].expect);
        }
      for (guint r = 0; r < ga_formula_get_n_refs (formula); r++)
        g_string_append_printf (asked, "%s%u", r > 0 ? " " : "", c.asked[r]);
      g_assert_cmpstr (asked->str, ==, cases[i].asked);
      ga_value_clear (&result);
    }
}

/* A reference keeps the tag the builder gave it, through a graft too, and
 * an untagged one has none; evaluating with the references' values given
 * asks the context for none of them and gives what evaluating through the
 * context gives: a = 2, b = 2 (counting_get_ref()), t = "b":
 * SUM(a, b) + IF(t = "b", 1, 0) = 2 + 2 + 1 = 5. */
static void
test_bound (void)
{
  static const GaValue two = { GA_VALUE_NUMBER, { .number = 2 } };
  static const GaValue b_text = { GA_VALUE_TEXT, { .text = (char *) "b" } };
  g_autoptr(GaFormulaBuilder) b = ga_formula_builder_new ();
  g_autoptr(GaFormula) inner = NULL;
  g_autoptr(GaFormula) formula = NULL;
  GaTerm sum, test;
  const GaValue *values[3];
  GaValue result = GA_VALUE_INIT;
  Counting c = { NULL, { 0 } };
  GaFormulaContext context = { counting_get_ref, NULL, NULL, &c };

  sum = ga_formula_builder_call (b, GA_FN_SUM, 2, ga_formula_builder_ref_tagged (b, "a", 5),
                                 ga_formula_builder_ref_tagged (b, "b", 7));
  inner = ga_formula_builder_finish (b, sum);
  g_assert_cmpuint (ga_formula_ref_tag (inner, 0), ==, 5);
  g_assert_cmpuint (ga_formula_ref_tag (inner, 1), ==, 7);

  test = ga_formula_builder_call (b, GA_FN_IF, 3,
                                  ga_formula_builder_op (b, GA_OP_EQ, ga_formula_builder_ref (b, "t"),
                                                         ga_formula_builder_text (b, "b")),
                                  ga_formula_builder_number (b, 1),
                                  ga_formula_builder_number (b, 0));
  formula = ga_formula_builder_finish (b, ga_formula_builder_op (b, GA_OP_ADD, ga_formula_builder_graft (b, inner), test));
  g_assert_cmpuint (ga_formula_get_n_refs (formula), ==, 3);
  for (guint r = 0; r < 3; r++)
    {
      const char *name = ga_formula_get_ref (formula, r);
      guint tag = ga_formula_ref_tag (formula, r);

      g_assert_cmpuint (tag, ==, g_str_equal (name, "a") ? 5 : g_str_equal (name, "b") ? 7 : 0);
      values[r] = name[0] == 't' ? &b_text : &two;
    }
  c.formula = formula;
  ga_formula_evaluate (formula, &context, &result);
  g_assert_cmpint (result.kind, ==, GA_VALUE_NUMBER);
  g_assert_cmpfloat (result.u.number, ==, 5);
  memset (c.asked, 0, sizeof c.asked);
  ga_formula_evaluate_bound (formula, values, &context, &result);
  g_assert_cmpint (result.kind, ==, GA_VALUE_NUMBER);
  g_assert_cmpfloat (result.u.number, ==, 5);
  for (guint r = 0; r < 3; r++)
    g_assert_cmpuint (c.asked[r], ==, 0);
  ga_value_clear (&result);
}

/* Many formulas from one builder (as the scoring rules of a template are
 * made) outlive it, each whole, in any order of release; each evaluates
 * as its text parsed does. BAND and LEVEL with each comparator. */
static void
test_builder_many (void)
{
  static const char *comparators[] = { ">=", ">", "<=", "<" };
  GaFormulaBuilder *b = ga_formula_builder_new ();
  g_autoptr(GPtrArray) built = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_formula_unref);

  for (guint i = 0; i < 300; i++)
    {
      const char *cmp = comparators[i % 4];
      GaTerm x, root;

      ga_formula_builder_reset (b);
      x = ga_formula_builder_ref (b, i % 2 ? "x" : "y");
      if (i % 3 == 0)
        root = ga_formula_builder_call (b, GA_FN_LEVEL, 5, x, ga_formula_builder_text (b, cmp),
                                        ga_formula_builder_number (b, i % 7),
                                        ga_formula_builder_text (b, ""),
                                        ga_formula_builder_number (b, 2));
      else if (i % 3 == 1)
        root = ga_formula_builder_call (b, GA_FN_BAND, 5, x, ga_formula_builder_text (b, cmp),
                                        ga_formula_builder_number (b, i % 5),
                                        ga_formula_builder_text (b, "met"),
                                        ga_formula_builder_text (b, "not met"));
      else
        {
          GaTerm test = ga_formula_builder_op (b, GA_OP_EQ, x,
                                               ga_formula_builder_number (b, i % 4));
          GaTerm lookup = ga_formula_builder_call (b, GA_FN_FACTOR, 3,
                                                   ga_formula_builder_text (b, "demo"),
                                                   ga_formula_builder_text (b, "k1"),
                                                   ga_formula_builder_text (b, "v"));
          root = ga_formula_builder_call (b, GA_FN_IF, 3, test,
                                          ga_formula_builder_text (b, "equal"), lookup);
        }
      g_ptr_array_add (built, ga_formula_builder_finish (b, root));
    }
  ga_formula_builder_free (b);

  /* Every other one goes first. */
  for (guint i = built->len; i > 0; i -= 2)
    g_ptr_array_remove_index (built, i - 1);
  for (guint i = 0; i < built->len; i++)
    {
      GaFormula *formula = built->pdata[i];
      g_autoptr(GaFormula) parsed = ga_formula_parse (ga_formula_get_text (formula), NULL, NULL);
      GaValue v1 = GA_VALUE_INIT;
      GaValue v2 = GA_VALUE_INIT;
      const char *table, *column;

      g_assert_nonnull (parsed);
      evaluate_in_env (formula, &v1);
      evaluate_in_env (parsed, &v2);
      g_assert_true (ga_value_equal (&v1, &v2));
      if (ga_formula_get_n_lookups (formula) > 0)
        {
          ga_formula_get_lookup (formula, 0, &table, &column, NULL);
          g_assert_cmpstr (table, ==, "demo");
          g_assert_cmpstr (column, ==, "v");
          g_assert_cmpint (v1.kind, ==, GA_VALUE_NUMBER);
          g_assert_cmpfloat (v1.u.number, ==, 2.5);
        }
      ga_value_clear (&v1);
      ga_value_clear (&v2);
    }
}

/* The export's own sheet formulas come from the translator, spelt as
 * Excel reads them. */
static void
test_excel_sheet_formulas (void)
{
  g_autofree char *sum = ga_formula_excel_sum ("'附件4'!$E$4:$E$9");
  g_autofree char *ratio = ga_formula_excel_ratio ("$K$3", "$E$3");

  g_assert_cmpstr (sum, ==, "SUM('附件4'!$E$4:$E$9)");
  g_assert_cmpstr (ratio, ==,
                   "IF(AND(ISNUMBER($K$3),ISNUMBER($E$3)),IF($E$3>0,$K$3/$E$3,\"\"),\"\")");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
#ifdef GA_TEST_NONFATAL
  g_test_set_nonfatal_assertions ();
#endif
  load_env ();

  for (guint i = 0; i < G_N_ELEMENTS (eval_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ga/formula/eval/%03u", i);
      g_test_add_data_func (path, &eval_cases[i], test_eval_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (excel_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ga/formula/excel/%03u", i);
      g_test_add_data_func (path, &excel_cases[i], test_excel_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (check_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ga/formula/check/%03u", i);
      g_test_add_data_func (path, &check_cases[i], test_check_case);
    }
  g_test_add_func ("/ga/formula/excel-round-trip", test_excel_round_trip);
  g_test_add_func ("/ga/formula/check-without-resolver", test_check_without_resolver);
  g_test_add_func ("/ga/formula/result-type", test_result_type);
  g_test_add_func ("/ga/formula/refs", test_refs);
  g_test_add_func ("/ga/formula/lookups", test_lookups);
  g_test_add_func ("/ga/formula/limits", test_limits);
  g_test_add_func ("/ga/formula/ref-counting", test_ref_counting);
  g_test_add_func ("/ga/formula/no-context", test_no_context);
  g_test_add_func ("/ga/formula/result-reuse", test_result_reuse);
  g_test_add_func ("/ga/formula/lazy-branches", test_lookup_called);
  g_test_add_func ("/ga/formula/numeric-helpers", test_numeric_helpers);
  g_test_add_func ("/ga/formula/number-to-string-digits", test_number_to_string_digits);
  g_test_add_func ("/ga/formula/lookup-messages", test_lookup_messages);
  g_test_add_func ("/ga/formula/documented-parse-errors", test_documented_parse_errors);
  g_test_add_func ("/ga/formula/ifblank-refs", test_ifblank_refs);
  g_test_add_func ("/ga/formula/function-names-documented", test_function_names_documented);
  g_test_add_func ("/ga/formula/corpus", test_corpus);
  g_test_add_func ("/ga/formula/builder", test_builder);
  g_test_add_func ("/ga/formula/builder-many", test_builder_many);
  g_test_add_func ("/ga/formula/refs-asked-once", test_refs_asked_once);
  g_test_add_func ("/ga/formula/bound", test_bound);
  g_test_add_func ("/ga/formula/excel-lookup-ranges", test_excel_lookup_ranges);
  g_test_add_func ("/ga/formula/excel-sheet-formulas", test_excel_sheet_formulas);

  status = g_test_run ();
  g_hash_table_unref (env_table);
  return status;
}
