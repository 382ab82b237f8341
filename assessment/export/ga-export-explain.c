/* ga-export-explain.c: the explanations and the conclusion of the workbook, as formulas
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every sentence of the workbook that states a score reads the cells that
 * hold it, so that it follows a recalculation when a reviewer changes an
 * answer: "总分 "&ROUND(total,2)&" 分…". The sentences are built here, in
 * the workbook's language, from the engine's structured results (how an
 * item scores, why it does not apply), as formula trees that the
 * translator writes like any other (ex_put_built()). The engine's own
 * explanations (ga_engine_explain()) follow the user interface's language
 * and name items by their ids; the workbook does not use them.
 *
 * The trees are lenient (no guard of strict references): a blank cell
 * reads as "" in Excel, and each sentence tests what it reads.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-export-book.h"
#include "ga-scheme.h"

typedef GaFormulaBuilder B;

static GaTerm
text (B          *b,
      const char *t)
{
  return ga_formula_builder_text (b, t);
}

static GaTerm
ref (B          *b,
     const char *name)
{
  return ga_formula_builder_ref (b, name);
}

static GaTerm
cat (B      *b,
     GaTerm  left,
     GaTerm  right)
{
  return ga_formula_builder_op (b, GA_OP_CONCAT, left, right);
}

static GaTerm
eq (B      *b,
    GaTerm  left,
    GaTerm  right)
{
  return ga_formula_builder_op (b, GA_OP_EQ, left, right);
}

static GaTerm
if3 (B      *b,
     GaTerm  cond,
     GaTerm  then,
     GaTerm  other)
{
  return ga_formula_builder_call (b, GA_FN_IF, 3, cond, then, other);
}

/* @value rounded to 2 decimals as the application shows scores, "—" when
 * the cell holds no number. */
static GaTerm
rounded (B          *b,
         const char *name)
{
  return if3 (b, ga_formula_builder_call (b, GA_FN_ISNUMBER, 1, ref (b, name)),
              ga_formula_builder_call (b, GA_FN_ROUND, 2, ref (b, name),
                                       ga_formula_builder_number (b, 2)),
              text (b, "—"));
}

static B *
builder_new (void)
{
  B *b = ga_formula_builder_new ();

  ga_formula_builder_set_lenient (b, TRUE);
  return b;
}

GaSchemeLabels
ex_scheme_labels (Export *ex)
{
  return (GaSchemeLabels) {
    .veto_met = ex_tr (ex, "通过", "pass"),
    .veto_failed = ex_tr (ex, "否决", "veto"),
    .pass = ex_tr (ex, "通过", "pass"),
    .pending = ex_tr (ex, "待定", "pending"),
    .fail = ex_tr (ex, "不通过", "fail"),
    .yes = ex_tr (ex, "是", "yes"),
    .no = ex_tr (ex, "否", "no"),
  };
}

/* ---------------------------------------------------------- not applicable */

/* The first-level-most section above @item that does not apply, or NULL. */
static const GaSection *
na_section (Export       *ex,
            const GaItem *item)
{
  const GaSection *found = NULL;

  for (const GaSection *s = item->section; s != NULL; s = s->parent)
    if (ga_engine_get_section_result (ex->engine, s)->status == GA_STATUS_NA)
      found = s;
  return found;
}

/* Why @item does not apply, in a sentence: "不适用（适用条件不满足）". */
static char *
na_sentence (Export       *ex,
             const GaItem *item)
{
  const GaAnswer *answer = ga_answer_set_get (ga_engine_get_answers (ex->engine), item->id);
  const GaSection *section = na_section (ex, item);
  gboolean na_now = ga_engine_get_item_result (ex->engine, item)->status == GA_STATUS_NA;
  g_autofree char *why = NULL;
  const char *points = "";

  /* An item that applies now reads 不适用 only once a reviewer writes it. */
  if ((answer != NULL && answer->not_applicable) || !na_now)
    why = g_strdup (answer != NULL && answer->na_reason != NULL && *answer->na_reason != '\0'
                    ? ex_tr (ex, "已选不适用，理由见备注", "answered so; the reason is in Remarks")
                    : ex_tr (ex, "已选不适用", "answered so"));
  else if (section != NULL)
    why = ex->zh ? g_strdup_printf ("「%s」不适用", ex_text_of (ex, &section->title))
                 : g_strdup_printf ("\"%s\" does not apply", ex_text_of (ex, &section->title));
  else if (item->applicable != NULL)
    why = g_strdup (ex_tr (ex, "适用条件不满足", "its condition is not met"));
  else
    why = g_strdup (ex_tr (ex, "所依据的数据不适用", "what it is computed from does not apply"));

  if (ex->points && ex_item_is_scored (item))
    {
      GaNaPolicy policy = item->section != NULL ? item->section->na_policy
                                                : GA_NA_POLICY_EXCLUDE;

      if (policy == GA_NA_POLICY_AWARD && !item->bonus)
        points = ex_tr (ex, "；按满分计", "; its points are awarded");
      else if (policy == GA_NA_POLICY_RENORMALISE && !item->bonus)
        points = ex_tr (ex, "；不计入可得分，小计按比例折算",
                        "; its points leave the maximum and the subtotal is scaled");
      else if (!item->bonus)
        points = ex_tr (ex, "；不计入可得分", "; its points leave the maximum");
    }
  return ex->zh ? g_strdup_printf ("不适用（%s）%s", why, points)
                : g_strdup_printf ("Not applicable (%s)%s", why, points);
}

/* ------------------------------------------------------------ explanations */

/* How @item scores, in words. */
static char *
method_sentence (Export       *ex,
                 const GaItem *item)
{
  const GaScoreRule *rule = &item->score;
  g_autofree char *p = ex_excel_number (item->points);

  switch (rule->method)
    {
    case GA_SCORE_COMPLIANCE:
      /* 符合 full points, 不符合 none: only a partial share other than half
       * is worth saying. */
      if (rule->partial_factor != 0.5)
        {
          g_autofree char *part = ex_excel_number (100 * rule->partial_factor);

          return ex->zh ? g_strdup_printf ("部分符合得 %s%%", part)
                        : g_strdup_printf ("partly met: %s %%", part);
        }
      return g_strdup ("");
    case GA_SCORE_YESNO:
      return g_strdup ("");
    case GA_SCORE_OPTIONS:
      return g_strdup (item->kind == GA_ITEM_MULTI
                       ? ex_tr (ex, "按所选各项分值之和计分", "the chosen options' points added up")
                       : ex_tr (ex, "按所选选项计分", "the chosen option's points"));
    case GA_SCORE_POINTS:
      return ex->zh ? g_strdup_printf ("评审酌情给分（0–%s 分）", p)
                    : g_strdup_printf ("the reviewer's points (0–%s)", p);
    case GA_SCORE_INTERP:
      return g_strdup (ex_tr (ex, "按基准值与引领值之间线性插值",
                              "interpolated between the baseline and the leading value"));
    case GA_SCORE_BANDS:
      return g_strdup (ex_tr (ex, "按分档计分", "scored by bands"));
    case GA_SCORE_FORMULA:
      return g_strdup (ex_tr (ex, "按评分公式计分", "scored by its formula"));
    case GA_SCORE_NONE:
    case GA_SCORE_LEVELS:
    default:
      return g_strdup ("");
    }
}

static gboolean
is_cp_indicator (Export       *ex,
                 const GaItem *item)
{
  return ex->has_cp && item->weight != NULL;
}

/* What a cell that is not applicable, blank or not yet known says. */
static GaTerm
unanswered (Export       *ex,
            B            *b,
            const GaItem *item)
{
  return text (b, item->kind == GA_ITEM_COMPUTED
                  ? ex_tr (ex, "数据不完整，暂无结果", "incomplete data, no result yet")
                  : ex_tr (ex, "未回答", "not answered"));
}

GaFormula *
ex_item_explanation (Export       *ex,
                     const GaItem *item)
{
  g_autoptr(GaFormulaBuilder) b = builder_new ();
  g_autofree char *na = na_sentence (ex, item);
  g_autofree char *score_name = g_strconcat (GA_SCHEME_SCORE, item->id, NULL);
  g_autofree char *max_name = g_strconcat (GA_SCHEME_MAX, item->id, NULL);
  gboolean has_cell = g_hash_table_lookup (ex->cells, item->id) != NULL;
  GaSchemeLabels labels = ex_scheme_labels (ex);
  GaTerm x, known;

  if (!has_cell)
    return ga_formula_builder_finish (b, text (b, item->kind == GA_ITEM_TABLE
                                                  ? ex_tr (ex, "不计分，数据见明细表",
                                                           "not scored; the data are on the "
                                                           "tables sheet")
                                                  : ex_tr (ex, "不计分", "not scored")));
  x = ref (b, item->id);

  if (item->veto && g_hash_table_lookup (ex->extra_cells, score_name) != NULL)
    {
      GaTerm s = ref (b, score_name);

      known = if3 (b, eq (b, s, text (b, "")),
                   text (b, ex_tr (ex, "无法判定（所依据的数据不完整或有误）",
                                   "cannot be decided (incomplete or wrong data)")),
                   if3 (b, eq (b, s, text (b, labels.veto_met)),
                        text (b, ex_tr (ex, "符合要求，否决项通过",
                                        "meets the requirement: the veto item passes")),
                        text (b, ex_tr (ex, "不符合要求，一票否决",
                                        "does not meet the requirement: the assessment fails"))));
    }
  else if (ex->points && ex_item_is_scored (item)
           && g_hash_table_lookup (ex->extra_cells, score_name) != NULL)
    {
      g_autofree char *method = method_sentence (ex, item);
      g_autofree char *lead = g_strdup_printf ("%s%s%s", method, *method != '\0'
                                               ? ex_tr (ex, "；", "; ") : "",
                                               item->bonus ? ex_tr (ex, "附加分 ", "bonus ")
                                                           : ex_tr (ex, "得分 ", "score "));

      known = cat (b, cat (b, cat (b, text (b, lead), rounded (b, score_name)),
                           cat (b, text (b, ex_tr (ex, "（满分 ", " (of ")),
                                rounded (b, max_name))),
                   text (b, ex_tr (ex, "）", ")")));
    }
  else if (is_cp_indicator (ex, item))
    {
      g_autofree char *level_name = ga_scheme_cp_name ("level", item->id);
      GaTerm l = ref (b, level_name);
      GaTerm met = text (b, ex_tr (ex, "达到III级", "meets level III"));

      met = if3 (b, eq (b, l, ga_formula_builder_number (b, 2)),
                 text (b, ex_tr (ex, "达到II级", "meets level II")), met);
      met = if3 (b, eq (b, l, ga_formula_builder_number (b, 1)),
                 text (b, ex_tr (ex, "达到I级", "meets level I")), met);
      met = if3 (b, eq (b, l, ga_formula_builder_number (b, 0)),
                 text (b, ex_tr (ex, "未达到III级", "below level III")), met);
      known = if3 (b, eq (b, l, text (b, "")),
                   text (b, ex_tr (ex, "无法判定级别", "the level cannot be decided")), met);
    }
  else
    known = text (b, item->kind == GA_ITEM_COMPUTED
                     ? ex_tr (ex, "计算值，不计分", "computed, not scored")
                     : ex_tr (ex, "不计分", "not scored"));

  /* A value that is an error (a formula of the template that fails)
   * says so rather than showing the error code. */
  return ga_formula_builder_finish (b, ga_formula_builder_call (
    b, GA_FN_IFERROR, 2,
    if3 (b, ga_formula_builder_call (b, GA_FN_ISNOTAPPLICABLE, 1, x), text (b, na),
         if3 (b, ga_formula_builder_call (b, GA_FN_ISBLANK, 1, x), unanswered (ex, b, item),
              known)),
    text (b, ex_tr (ex, "无法计算（所依据的数据有误）", "cannot be computed (wrong data)"))));
}

/* -------------------------------------------------------------- conclusion */

static GaTerm unanswered_count (Export *ex,
                                B      *b);

static GaTerm
points_conclusion (Export *ex,
                   B      *b)
{
  GaSchemeLabels labels = ex_scheme_labels (ex);
  GaTerm t;

  t = cat (b, cat (b, text (b, ex_tr (ex, "总分 ", "Total ")), rounded (b, GA_SCHEME_TOTAL_SCORE)),
           cat (b, text (b, ex_tr (ex, " 分（可得分 ", " of ")),
                cat (b, rounded (b, GA_SCHEME_TOTAL_MAX), text (b, ex_tr (ex, " 分）", "")))));
  if (ex->has_bonus)
    t = cat (b, t, cat (b, cat (b, text (b, ex_tr (ex, "，附加分 ", ", bonus ")),
                                rounded (b, EX_NAME_BONUS)),
                        text (b, ex_tr (ex, " 分", ""))));
  if (ex->has_veto)
    {
      GaTerm v = ref (b, GA_SCHEME_VETO_STATUS);

      t = cat (b, t, if3 (b, eq (b, v, text (b, labels.pass)),
                          text (b, ex_tr (ex, "；基本要求（否决项）全部符合",
                                          "; every veto item is met")),
                          if3 (b, eq (b, v, text (b, labels.fail)),
                               text (b, ex_tr (ex, "；基本要求（否决项）未全部符合，一票否决",
                                               "; a veto item is not met: the assessment "
                                               "fails")),
                               text (b, ex_tr (ex, "；基本要求（否决项）尚未全部回答",
                                               "; the veto items are not all answered yet")))));
    }
  if (ex->has_grades)
    {
      GaTerm g = ref (b, EX_NAME_GRADE);

      t = cat (b, t, if3 (b, eq (b, g, text (b, "")),
                          text (b, ex_tr (ex, "；未达到任何等级", "; no grade reached")),
                          cat (b, text (b, ex_tr (ex, "；等级：", "; grade ")), g)));
    }
  if (ex->has_pass)
    {
      g_autofree char *mark = ex_excel_number (ga_template_get_pass_score (ex->tmpl));
      g_autofree char *reached = ex->zh ? g_strdup_printf ("；达到合格线 %s 分", mark)
                                        : g_strdup_printf ("; at or above the pass mark %s",
                                                           mark);
      g_autofree char *missed = ex->zh ? g_strdup_printf ("；未达到合格线 %s 分", mark)
                                       : g_strdup_printf ("; below the pass mark %s", mark);

      t = cat (b, t, if3 (b, eq (b, ref (b, EX_NAME_PASS), text (b, labels.yes)),
                          text (b, reached), text (b, missed)));
    }
  t = cat (b, t, unanswered_count (ex, b));
  return cat (b, t, text (b, ex_tr (ex, "。", ".")));
}

static GaTerm
cp_conclusion (Export *ex,
               B      *b)
{
  static const char *names[] = { "Y_I", "Y_II", "Y_III" };
  GaTerm t = text (b, ex_tr (ex, "综合评价指数 ", "Composite indices "));

  for (guint k = 0; k < 3; k++)
    {
      g_autofree char *id = g_strdup_printf ("%u", k + 1);
      g_autofree char *name = ga_scheme_cp_name ("index", id);
      g_autofree char *lead = g_strdup_printf ("%s%s = ", k == 0 ? "" : ex_tr (ex, "，", ", "),
                                               names[k]);

      t = cat (b, t, cat (b, text (b, lead), rounded (b, name)));
    }
  t = cat (b, t, text (b, ex_tr (ex, "；评价结论：", "; result: ")));
  t = cat (b, t, ref (b, EX_NAME_LEVEL_LABEL));
  t = cat (b, t, unanswered_count (ex, b));
  return cat (b, t, text (b, ex_tr (ex, "。", ".")));
}

/* "；尚有 3 项未回答" while answer cells are blank: the number of blank
 * answers of the items a user fills in (not computed, not tables), "" when
 * there is none. */
static GaTerm
unanswered_count (Export *ex,
                  B      *b)
{
  GPtrArray *items = ga_template_get_items (ex->tmpl);
  GaTerm n = G_MAXUINT, zero = ga_formula_builder_number (b, 0);

  for (guint i = 0; i < items->len; i++)
    {
      const GaItem *item = g_ptr_array_index (items, i);
      GaTerm blank;

      if (item->kind == GA_ITEM_COMPUTED || item->kind == GA_ITEM_TABLE
          || item->kind == GA_ITEM_MULTI || g_hash_table_lookup (ex->cells, item->id) == NULL)
        continue;
      blank = if3 (b, ga_formula_builder_call (b, GA_FN_ISBLANK, 1, ref (b, item->id)),
                   ga_formula_builder_number (b, 1), zero);
      n = n == G_MAXUINT ? blank : ga_formula_builder_op (b, GA_OP_ADD, n, blank);
    }
  if (n == G_MAXUINT)
    return text (b, "");
  return if3 (b, ga_formula_builder_op (b, GA_OP_GT, n, zero),
              cat (b, cat (b, text (b, ex_tr (ex, "；尚有 ", "; ")), n),
                   text (b, ex_tr (ex, " 项未回答", " not answered yet"))),
              text (b, ""));
}

GaFormula *
ex_conclusion (Export *ex)
{
  g_autoptr(GaFormulaBuilder) b = builder_new ();

  if (ex->points)
    return ga_formula_builder_finish (b, points_conclusion (ex, b));
  if (ex->has_cp && ex->level_label_ref != NULL)
    return ga_formula_builder_finish (b, cp_conclusion (ex, b));
  return ga_formula_builder_finish (b, text (b, ex_tr (ex, "本模板不计分，只计算指标。",
                                                       "This template computes indicators; "
                                                       "it gives no score.")));
}
