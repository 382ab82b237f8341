/* ga-report-builder.c: the self-evaluation report (自评价报告) of an assessment
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixed texts of the report are written here in both languages and
 * chosen by the report's language (tr()), as the workbook export does: a
 * report in Chinese is asked for from an English desktop, and the other
 * way round. Template texts come through ga_text_get(); numbers, scores
 * and values through ga-format. Items are named by a display number
 * (section.item, counted in the template's order) and their title, never
 * by their id.
 *
 * This file holds the outlines and the parts they share; the front and
 * back matter are in ga-report-builder-matter.c, the energy data in
 * ga-report-builder-energy.c.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ga-report-builder-private.h"

/* ------------------------------------------------------------------ small formatters */

/* "2024-03-01" as the report writes dates; other text as it is. */
char *
_ga_report_format_iso_date (const Report *r,
                            const char   *iso)
{
  int y, m, d;

  if (iso == NULL)
    return NULL;
  if (r->zh && sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
    return g_strdup_printf ("%d年%d月%d日", y, m, d);
  return g_strdup (iso);
}

char *
_ga_report_industry_text (const Report *r)
{
  const GaIndustry *industry;

  if (empty (r->enterprise->industry))
    return NULL;
  industry = ga_industry_lookup (r->enterprise->industry);
  if (industry == NULL)
    return g_strdup (r->enterprise->industry);
  return g_strdup_printf ("%s %s", industry->code, industry->name);
}

static const char *
level_label (const Report *r,
             int           level)
{
  GPtrArray *rules = ga_template_get_level_rules (r->tmpl);

  if (level < 0)
    return tr (r, "尚不能确定（有指标或权重未完成）",
               "not determined yet (an indicator or a weight is incomplete)");
  if (level == 0)
    return tr (r, "未达到Ⅲ级（国内清洁生产一般水平）", "below level III");
  for (guint i = 0; rules != NULL && i < rules->len; i++)
    {
      const GaLevelRule *rule = g_ptr_array_index (rules, i);

      if (rule->level == level && !empty (ga_text_get (&rule->label, r->lang)))
        return ga_text_get (&rule->label, r->lang);
    }
  switch (level)
    {
    case 1: return tr (r, "Ⅰ级", "Level I");
    case 2: return tr (r, "Ⅱ级", "Level II");
    default: return tr (r, "Ⅲ级", "Level III");
    }
}

/* ------------------------------------------------------------------ items */

const char *
_ga_report_item_number (const Report *r,
                        const GaItem *item)
{
  return g_hash_table_lookup (r->numbers, item);
}

static GaSection *
root_of (const GaItem *item)
{
  GaSection *s = item->section;

  while (s != NULL && s->parent != NULL)
    s = s->parent;
  return s;
}

/* "2.3 title" */
char *
_ga_report_item_name (const Report *r,
                      const GaItem *item)
{
  const char *number = _ga_report_item_number (r, item);

  return g_strdup_printf ("%s %s", number != NULL ? number : "", text_of (r, &item->title));
}

/* The numbers are the template's (ga_item_get_number()), the same the
 * application's lists and the workbook show. */
static void
number_items (Report *r)
{
  GPtrArray *items = ga_template_get_items (r->tmpl);

  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);

      g_hash_table_insert (r->numbers, item, g_strdup (ga_item_get_number (item)));
    }
}

static const GaOption *
find_option (const GaItem *item,
             const char   *id)
{
  for (guint i = 0; item->options != NULL && i < item->options->len; i++)
    {
      const GaOption *option = g_ptr_array_index (item->options, i);

      if (g_strcmp0 (option->id, id) == 0)
        return option;
    }
  return NULL;
}

static void
append_unit (GString    *out,
             const char *unit)
{
  if (!empty (unit) && out->len > 0)
    g_string_append_printf (out, " %s", unit);
}

/* The answer as the user sees it in the application: labels, not ids;
 * "" when there is none. */
static char *
answer_text (const Report *r,
             const GaItem *item)
{
  const GaAnswer *answer = ga_session_get_answer (r->session, item);
  const GaResult *res = ga_engine_get_item_result (r->engine, item);
  GString *out = g_string_new (NULL);

  if (item->kind == GA_ITEM_COMPUTED)
    {
      g_autofree char *value = ga_engine_format_value (r->engine, item->id);

      if (res != NULL && res->status == GA_STATUS_NA)
        g_string_append (out, tr (r, "不适用", "N/A"));
      else if (value != NULL)
        g_string_append (out, value);
      append_unit (out, item->unit);
      return g_string_free (out, FALSE);
    }
  if (answer == NULL || ga_answer_is_empty (answer))
    {
      if (res != NULL && res->status == GA_STATUS_NA)
        g_string_append (out, tr (r, "不适用", "N/A"));
      else
        g_string_append (out, tr (r, "未填写", "not answered"));
      return g_string_free (out, FALSE);
    }
  if (answer->not_applicable)
    {
      g_string_append (out, tr (r, "不适用", "N/A"));
      if (!empty (answer->na_reason))
        TR_APPEND (r, out, "（%s）", " (%s)", answer->na_reason);
      return g_string_free (out, FALSE);
    }

  switch (item->kind)
    {
    case GA_ITEM_COMPLIANCE:
      if (answer->value.kind == GA_VALUE_TEXT)
        {
          const char *v = answer->value.u.text;

          if (g_str_equal (v, GA_COMPLIANCE_YES))
            g_string_append (out, tr (r, "符合", "Met"));
          else if (g_str_equal (v, GA_COMPLIANCE_PARTIAL))
            g_string_append (out, tr (r, "部分符合", "Partly met"));
          else if (g_str_equal (v, GA_COMPLIANCE_NO))
            g_string_append (out, tr (r, "不符合", "Not met"));
          else
            g_string_append (out, v);
        }
      break;
    case GA_ITEM_YESNO:
      if (answer->value.kind == GA_VALUE_BOOLEAN)
        g_string_append (out, answer->value.u.boolean ? tr (r, "是", "Yes") : tr (r, "否", "No"));
      break;
    case GA_ITEM_CHOICE:
      if (answer->value.kind == GA_VALUE_TEXT)
        {
          const GaOption *option = find_option (item, answer->value.u.text);

          g_string_append (out, option != NULL ? text_of (r, &option->label)
                                                : answer->value.u.text);
        }
      break;
    case GA_ITEM_MULTI:
      for (guint i = 0; answer->selected != NULL && answer->selected[i] != NULL; i++)
        {
          const GaOption *option = find_option (item, answer->selected[i]);

          if (i > 0)
            g_string_append (out, tr (r, "、", ", "));
          g_string_append (out, option != NULL ? text_of (r, &option->label)
                                                : answer->selected[i]);
        }
      if (out->len == 0)
        g_string_append (out, tr (r, "（未选择任何选项）", "(no option chosen)"));
      break;
    case GA_ITEM_TABLE:
      {
        guint n = answer->rows != NULL ? answer->rows->len : 0;

        if (r->zh)
          g_string_append_printf (out, "共 %u 行", n);
        else
          g_string_append_printf (out, n == 1 ? "%u row" : "%u rows", n);
      }
      break;
    case GA_ITEM_NUMBER:
    case GA_ITEM_POINTS:
    case GA_ITEM_TEXT:
    case GA_ITEM_DATE:
    case GA_ITEM_COMPUTED:
    default:
      {
        g_autofree char *shown = NULL;

        if (answer->value.kind == GA_VALUE_NUMBER)
          shown = ga_format_number (answer->value.u.number, 4);
        else if (item->kind == GA_ITEM_DATE && answer->value.kind == GA_VALUE_TEXT)
          shown = _ga_report_format_iso_date (r, answer->value.u.text);
        else
          shown = ga_value_to_display (&answer->value);
        g_string_append (out, shown);
        append_unit (out, item->unit);
      }
      break;
    }
  if (!empty (answer->note))
    TR_APPEND (r, out, "\n备注：%s", "\nNote: %s", answer->note);
  return g_string_free (out, FALSE);
}

static char *
score_text (const Report   *r,
            const GaResult *res)
{
  if (res == NULL || isnan (res->max))
    return g_strdup (tr (r, "不计分", "not scored"));
  return ga_format_score (res->score, res->max);
}

static guint
evidence_count (const Report *r,
                const GaItem *item)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (r->evidence_count, item->id));
}

/* ------------------------------------------------------------------ blocks */

/* A paragraph that starts with a bold label. */
static void
labelled (Report     *r,
          const char *label,
          const char *text)
{
  GaDocParagraph *p = ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_NORMAL, NULL);

  ga_doc_paragraph_add_run (p, label, TRUE);
  ga_doc_paragraph_add_run (p, text, FALSE);
}

/* The user's text of report part @key, one paragraph per block of lines
 * between blank lines, before what the builder writes there. A part
 * without text gets nothing: a submission shows no stand-in text (the check
 * lists such parts, ga-check.c). */
static void
add_narrative (Report     *r,
               const char *key)
{
  g_auto(GStrv) paragraphs = ga_narrative_paragraphs (ga_session_get_narrative (r->session, key));

  for (guint i = 0; paragraphs[i] != NULL; i++)
    paragraph (r, paragraphs[i]);
}

/* "一、title" or "1. title" for the next numbered part, the part @key of
 * the outline (ga-narrative.c), then the user's text of it. */
static void
part_heading (Report     *r,
              const char *key)
{
  static const char *const numerals[] = { "一", "二", "三", "四", "五", "六", "七", "八" };
  const char *title = ga_narrative_part_title (r->kind, key, r->lang);
  g_autofree char *text = NULL;

  g_assert (title != NULL);
  r->part++;
  if (r->zh)
    text = g_strdup_printf ("%s、%s", numerals[MIN (r->part, G_N_ELEMENTS (numerals)) - 1], title);
  else
    text = g_strdup_printf ("%u. %s", r->part, title);
  ga_doc_add_heading (r->doc, 1, text);
  add_narrative (r, key);
}

/* "（一）title" or "2.1 title" below the current part. */
void
_ga_report_sub_heading (Report     *r,
                        guint       index,
                        const char *title)
{
  static const char *const numerals[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九",
                                          "十", "十一", "十二", "十三", "十四", "十五", "十六",
                                          "十七", "十八", "十九", "二十" };
  g_autofree char *text = NULL;

  if (r->zh && index < G_N_ELEMENTS (numerals))
    text = g_strdup_printf ("（%s）%s", numerals[index], title);
  else
    text = g_strdup_printf ("%u.%u %s", r->part, index + 1, title);
  ga_doc_add_heading (r->doc, 2, text);
}

/* ------------------------------------------------------------------ parts */

static void
add_profile (Report *r)
{
  const GaEnterprise *e = r->enterprise;
  g_autofree char *industry = _ga_report_industry_text (r);
  g_autoptr(GString) figures = g_string_new (NULL);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  const GaSummary *sum = ga_engine_get_summary (r->engine);

  if (!empty (e->profile))
    paragraph (r, e->profile);
  else
    g_ptr_array_add (missing, (gpointer) tr (r, "单位简介", "profile"));

  if (industry != NULL)
    TR_APPEND (r, figures, "所属行业：%s。", "Industry: %s. ", industry);
  else
    g_ptr_array_add (missing, (gpointer) tr (r, "所属行业", "industry"));
  if (!empty (e->main_products))
    TR_APPEND (r, figures, "主要产品：%s。", "Main products: %s. ", e->main_products);
  else
    g_ptr_array_add (missing, (gpointer) tr (r, "主要产品", "main products"));
  if (!isnan (e->output_value))
    {
      g_autofree char *v = ga_format_number (e->output_value, 2);

      TR_APPEND (r, figures, "工业总产值 %s 万元。",
                 "Gross industrial output: %s ten thousand yuan. ", v);
    }
  else
    g_ptr_array_add (missing, (gpointer) tr (r, "工业总产值", "gross industrial output"));
  if (!isnan (e->value_added))
    {
      g_autofree char *v = ga_format_number (e->value_added, 2);

      TR_APPEND (r, figures, "工业增加值 %s 万元。",
                 "Industrial value added: %s ten thousand yuan. ", v);
    }
  if (e->employees >= 0)
    TR_APPEND (r, figures, "从业人员 %" G_GINT64_FORMAT " 人。",
               "Employees: %" G_GINT64_FORMAT ". ", e->employees);
  else
    g_ptr_array_add (missing, (gpointer) tr (r, "从业人员", "employees"));
  if (figures->len > 0)
    paragraph (r, g_strchomp (figures->str));

  {
    g_autofree char *scope = NULL;
    g_autofree char *period = NULL;
    const char *standard = ga_template_get_standard (r->tmpl);

    if (!empty (r->assessment->period))
      period = g_strdup (r->assessment->period);
    else if (r->assessment->year > 0)
      period = g_strdup_printf (r->zh ? "%d年" : "%d", r->assessment->year);
    else
      period = g_strdup (tr (r, "（评价期未填写）", "(period not given)"));

    if (r->zh)
      scope = g_strdup_printf ("本次自评价依据《%s》%s%s，评价期为%s，共 %u 项，已填写 %u 项。",
                               text_of (r, ga_template_get_title (r->tmpl)),
                               empty (standard) ? "" : "，标准：", empty (standard) ? "" : standard,
                               period,
                               sum->total, sum->answered);
    else
      scope = g_strdup_printf ("This self-evaluation follows “%s”%s%s, covers %s and has %u "
                               "items, %u of them answered.",
                               text_of (r, ga_template_get_title (r->tmpl)),
                               empty (standard) ? "" : ", standard ",
                               empty (standard) ? "" : standard,
                               period,
                               sum->total, sum->answered);
    paragraph (r, scope);
  }

  if (missing->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      g_autofree char *message = NULL;

      for (guint i = 0; i < missing->len; i++)
        {
          if (i > 0)
            g_string_append (list, tr (r, "、", ", "));
          g_string_append (list, g_ptr_array_index (missing, i));
        }
      message = r->zh
        ? g_strdup_printf ("企业信息中尚未填写：%s。请在企业信息中补充后重新生成报告，本节将据此介绍工厂的"
                           "主营业务、生产情况和荣誉。", list->str)
        : g_strdup_printf ("The enterprise record does not give: %s. Add them to the enterprise "
                           "and write the report again; this part then describes the main "
                           "business, production and honours.", list->str);
      ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_SMALL, message);
    }
}

/* One table of the items below @root: number, indicator (with its
 * clause), answer, score (or level), evidence count. */
static void
add_items_table (Report    *r,
                 GaSection *root)
{
  GPtrArray *items = ga_template_get_items (r->tmpl);
  gboolean cp = ga_template_get_scheme (r->tmpl) == GA_SCHEME_CLEAN_PRODUCTION;
  const double widths[] = { 0.08, 0.41, 0.23, 0.16, 0.12 };
  const char *header[] = { tr (r, "序号", "No."), tr (r, "评价指标", "Indicator"),
                           tr (r, "自评结果", "Answer"),
                           cp ? tr (r, "达到级别", "Level met") : tr (r, "得分/满分", "Score"),
                           tr (r, "佐证", "Files") };
  GaSection *current = root;
  GaDocTable *t = NULL;
  const char *last_clause = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);
      const GaResult *res = ga_engine_get_item_result (r->engine, item);
      g_autofree char *title = NULL;
      g_autofree char *answer = NULL;
      g_autofree char *score = NULL;
      g_autofree char *count = NULL;
      guint row;

      if (root_of (item) != root)
        continue;
      if (t == NULL)
        {
          t = table (r, 5, widths, header);
          ga_doc_table_set_column_align (t, 0, GA_DOC_ALIGN_CENTER);
          ga_doc_table_set_column_align (t, 3, GA_DOC_ALIGN_CENTER);
          ga_doc_table_set_column_align (t, 4, GA_DOC_ALIGN_CENTER);
        }
      if (item->section != current)
        {
          const GaResult *sres = ga_engine_get_section_result (r->engine, item->section);
          g_autofree char *sscore = cp ? NULL : score_text (r, sres);
          const char *cells[] = { "", text_of (r, &item->section->title), "", sscore, "" };

          current = item->section;
          if (item->section != root)
            ga_doc_table_add_row (t, cells);
        }
      /* A clause shared by the rows above is said once; one that is the
       * item's number is not said again. */
      if (!empty (item->clause) && g_strcmp0 (item->clause, last_clause) != 0
          && g_strcmp0 (item->clause, item->number) != 0)
        title = TR_PRINTF (r, "%s\n依据：%s", "%s\nSource: %s", text_of (r, &item->title), item->clause);
      else
        title = g_strdup (text_of (r, &item->title));
      if (!empty (item->clause))
        last_clause = item->clause;
      if (item->veto)
        {
          char *marked = g_strconcat (title, tr (r, "（一票否决项）", " (veto item)"), NULL);

          g_free (title);
          title = marked;
        }
      answer = answer_text (r, item);
      if (cp)
        score = g_strdup (res != NULL && res->level >= 0 ? level_label (r, res->level)
                          : res != NULL && res->status == GA_STATUS_NA ? tr (r, "不适用", "N/A")
                          : "–");
      else
        score = score_text (r, res);
      count = g_strdup_printf ("%u", evidence_count (r, item));
      {
        const char *cells[] = { _ga_report_item_number (r, item), title, answer, score, count };

        row = ga_doc_table_add_row (t, cells);
        (void) row;
      }
    }
  if (t == NULL)
    ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_SMALL,
                          tr (r, "模板在本部分没有评价项。", "The template has no item in this part."));
}

static void
add_section_intro (Report    *r,
                   GaSection *section)
{
  const GaResult *res = ga_engine_get_section_result (r->engine, section);
  g_autofree char *score = score_text (r, res);
  g_autofree char *text = NULL;
  guint unmet = 0;
  GPtrArray *items = ga_template_get_items (r->tmpl);

  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);
      const GaResult *ires = ga_engine_get_item_result (r->engine, item);

      if (root_of (item) == section && ires != NULL && ires->noncompliant)
        unmet++;
    }
  if (res == NULL)
    return;
  if (ga_template_get_scheme (r->tmpl) == GA_SCHEME_CLEAN_PRODUCTION)
    text = r->zh
      ? g_strdup_printf ("本类指标已填写 %u / %u 项，其中 %u 项未达到要求。", res->answered, res->total,
                         unmet)
      : g_strdup_printf ("%u of %u indicators answered; %u do not meet the requirement.",
                         res->answered, res->total, unmet);
  else
    text = r->zh
      ? g_strdup_printf ("本部分得分 %s，已填写 %u / %u 项，其中 %u 项未完全符合要求。", score,
                         res->answered, res->total, unmet)
      : g_strdup_printf ("Score of this part: %s; %u of %u items answered, %u not fully met.",
                         score, res->answered, res->total, unmet);
  paragraph (r, text);
}

/* The dimensions of the template below the part @key, each with the
 * user's text of "<key>.<section id>" before its figures. */
static void
add_sections (Report     *r,
              const char *key)
{
  GPtrArray *roots = ga_template_get_root_sections (r->tmpl);
  const char *title = text_of (r, ga_template_get_title (r->tmpl));
  g_autofree char *intro = r->zh
    ? g_strdup_printf ("以下对照《%s》的评价要求逐项说明自评价结果。“自评结果”为填写的答案，"
                       "“佐证”为所附佐证材料的份数，清单见附件。", title)
    : g_strdup_printf ("The results below follow the requirements of “%s” item by item. "
                       "“Answer” is the answer given, “Files” the number of evidence files "
                       "attached (listed in the annex).", title);

  paragraph (r, intro);
  for (guint s = 0; s < roots->len; s++)
    {
      GaSection *root = g_ptr_array_index (roots, s);
      g_autofree char *section_key = g_strdup_printf ("%s.%s", key, root->id);

      _ga_report_sub_heading (r, s, text_of (r, &root->title));
      add_narrative (r, section_key);
      add_section_intro (r, root);
      add_items_table (r, root);
    }
}

static char *
veto_text (Report          *r,
           const GaSummary *sum)
{
  g_autoptr(GString) out = g_string_new (NULL);

  switch (sum->veto)
    {
    case GA_VETO_PASS:
      g_string_append (out, tr (r, "通过（一票否决项均符合要求）", "passed (every veto item is met)"));
      break;
    case GA_VETO_PENDING:
      g_string_append (out, tr (r, "尚未确定（有一票否决项未填写）",
                                "not settled yet (a veto item is not answered)"));
      break;
    case GA_VETO_FAIL:
    default:
      g_string_append (out, tr (r, "未通过，不符合的否决项：", "failed; veto items not met: "));
      for (guint i = 0; sum->veto_failures != NULL && i < sum->veto_failures->len; i++)
        {
          GaItem *item = g_ptr_array_index (sum->veto_failures, i);
          g_autofree char *name = _ga_report_item_name (r, item);

          if (i > 0)
            g_string_append (out, tr (r, "；", "; "));
          g_string_append (out, name);
        }
      break;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}


/* The language gettext really translates into, read from the header of the
 * catalogue in use. It can differ from the user's language list: without a
 * catalogue, or under the plain "C" locale (which makes gettext ignore
 * LANGUAGE), every sentence stays English. */
static const char *
gettext_language (void)
{
  const char *header = g_dgettext (GETTEXT_PACKAGE, "");

  return header != NULL && strstr (header, "Language: zh") != NULL ? "zh_CN" : "en";
}

static void
add_summary (Report *r)
{
  const GaSummary *sum = ga_engine_get_summary (r->engine);
  gboolean cp = ga_template_get_scheme (r->tmpl) == GA_SCHEME_CLEAN_PRODUCTION;
  GPtrArray *grades = ga_template_get_grades (r->tmpl);
  const double widths[] = { 0.35, 0.65 };
  const char *header[] = { tr (r, "项目", "Item"), tr (r, "结果", "Result") };
  g_autofree char *total = ga_format_score (sum->score, sum->max);
  g_autofree char *answered = g_strdup_printf ("%u / %u", sum->answered, sum->total);
  g_autofree char *veto = veto_text (r, sum);
  g_autofree char *conclusion = NULL;
  GaDocTable *t = table (r, 2, widths, header);

  info_row (t, tr (r, "已填写项数", "Items answered"), answered);
  if (!isnan (sum->max))
    info_row (t, tr (r, "总分", "Total score"), total);
  if (!isnan (ga_template_get_bonus_cap (r->tmpl)))
    {
      g_autofree char *bonus = ga_format_number (sum->bonus, 2);

      info_row (t, tr (r, "附加分", "Bonus points"), bonus);
    }
  info_row (t, tr (r, "一票否决", "Veto items"), veto);
  if (cp)
    {
      static const char *const names[] = { "Y_I", "Y_II", "Y_III" };

      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *label = r->zh ? g_strdup_printf ("综合评价指数 %s", names[i])
                                         : g_strdup_printf ("Composite index %s", names[i]);
          g_autofree char *value = isnan (sum->index[i]) ? g_strdup (tr (r, "尚不能计算",
                                                                           "not computable yet"))
                                                         : ga_format_number (sum->index[i], 2);

          info_row (t, label, value);
        }
      info_row (t, tr (r, "清洁生产水平", "Clean production level"), level_label (r, sum->level));
    }
  if (grades != NULL && grades->len > 0)
    info_row (t, tr (r, "等级", "Grade"),
              sum->grade != NULL ? text_of (r, &sum->grade->label)
                                 : tr (r, "未达到任何等级", "no grade reached"));
  if (!isnan (ga_template_get_pass_score (r->tmpl)))
    info_row (t, tr (r, "是否达到合格线", "Pass mark reached"),
              sum->passed ? tr (r, "是", "yes") : tr (r, "否", "no"));

  {
    GString *c = g_string_new (NULL);

    TR_APPEND (r, c, "综上，本次自评价已填写 %u / %u 项", "In sum, %u of %u items are answered",
               sum->answered, sum->total);
    if (!isnan (sum->max))
      TR_APPEND (r, c, "，总分 %s", " and the total score is %s", total);
    TR_APPEND (r, c, "；一票否决：%s", "; veto items: %s", veto);
    if (cp)
      TR_APPEND (r, c, "；清洁生产水平：%s", "; clean production level: %s",
                 level_label (r, sum->level));
    if (sum->answered < sum->total)
      g_string_append (c, tr (r, "；尚有未填写的项，结论随填写完成而变化",
                              "; items are still unanswered, so the conclusion may change"));
    g_string_append (c, tr (r, "。", "."));
    conclusion = g_string_free (c, FALSE);
  }
  labelled (r, tr (r, "评价结论：", "Conclusion: "), conclusion);
  /* The engine writes its explanation in the language gettext translates
   * into; it is quoted when that is the report's language. */
  if (g_strcmp0 (gettext_language (), r->lang) == 0)
    {
      g_autofree char *explain = ga_engine_explain_summary (r->engine);

      if (!empty (explain))
        labelled (r, tr (r, "计分说明：", "How the result is reached: "), explain);
    }
}

static void
add_section_scores (Report *r)
{
  GPtrArray *roots = ga_template_get_root_sections (r->tmpl);
  const double widths[] = { 0.1, 0.5, 0.2, 0.2 };
  const char *header[] = { tr (r, "序号", "No."), tr (r, "部分", "Part"),
                           tr (r, "得分/满分", "Score"), tr (r, "已填写", "Answered") };
  GaDocTable *t = table (r, 4, widths, header);

  ga_doc_table_set_column_align (t, 0, GA_DOC_ALIGN_CENTER);
  ga_doc_table_set_column_align (t, 2, GA_DOC_ALIGN_CENTER);
  ga_doc_table_set_column_align (t, 3, GA_DOC_ALIGN_CENTER);
  for (guint s = 0; s < roots->len; s++)
    {
      GaSection *root = g_ptr_array_index (roots, s);
      const GaResult *res = ga_engine_get_section_result (r->engine, root);
      g_autofree char *number = g_strdup_printf ("%u", s + 1);
      g_autofree char *score = score_text (r, res);
      g_autofree char *answered = res != NULL ? g_strdup_printf ("%u / %u", res->answered,
                                                                 res->total) : g_strdup ("");
      const char *cells[] = { number, text_of (r, &root->title), score, answered };

      ga_doc_table_add_row (t, cells);
    }
}

/* The points of each first-level part, earned beside attainable, as
 * bars: the table above at a glance. Parts worth no points are left out,
 * and a template without points (clean production) gets no chart. */
static void
add_section_chart (Report *r)
{
  GPtrArray *roots = ga_template_get_root_sections (r->tmpl);
  const char *series[] = { tr (r, "得分", "Points earned"), tr (r, "满分", "Points attainable"),
                           NULL };
  g_autofree char *caption = NULL;
  g_autofree char *intro = NULL;
  GaDocChart *chart = NULL;

  for (guint s = 0; s < roots->len; s++)
    {
      GaSection *root = g_ptr_array_index (roots, s);
      const GaResult *res = ga_engine_get_section_result (r->engine, root);
      g_autofree char *score = NULL;
      g_autofree char *max = NULL;
      const char *texts[2];
      double values[2];

      if (res == NULL || isnan (res->max) || res->max <= 0)
        continue;
      if (chart == NULL)
        {
          r->figures++;
          intro = TR_PRINTF (r, "各部分得分与满分的对比见图 %u。",
                             "Figure %u sets the points each part earned beside the points it "
                             "can earn.", r->figures);
          paragraph (r, intro);
          caption = TR_PRINTF (r, "图 %u 各部分得分与满分", "Figure %u Points per part",
                               r->figures);
          chart = ga_doc_add_chart (r->doc, GA_DOC_CHART_BARS, series, tr (r, "分", "points"),
                                    caption, NULL);
          /* Two series: the chart always exists. */
          g_assert (chart != NULL);
        }
      values[0] = res->score;
      values[1] = res->max;
      score = ga_format_number (res->score, 2);
      max = ga_format_number (res->max, 2);
      texts[0] = score;
      texts[1] = max;
      ga_doc_chart_add_category (chart, text_of (r, &root->title), values, texts);
    }
}

static void
add_problems (Report *r)
{
  GPtrArray *items = ga_template_get_items (r->tmpl);
  g_autoptr(GPtrArray) unmet = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) improvements = ga_engine_get_improvements (r->engine);
  const GaSummary *sum = ga_engine_get_summary (r->engine);
  guint unanswered = 0;

  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);
      const GaResult *res = ga_engine_get_item_result (r->engine, item);

      if (res != NULL && res->noncompliant)
        {
          g_autofree char *name = _ga_report_item_name (r, item);
          g_autofree char *answer = answer_text (r, item);

          g_ptr_array_add (unmet, r->zh ? g_strdup_printf ("%s：%s", name, answer)
                                        : g_strdup_printf ("%s: %s", name, answer));
        }
    }
  unanswered = sum->total > sum->answered ? sum->total - sum->answered : 0;

  ga_doc_add_heading (r->doc, 2, tr (r, "（一）存在问题", "Problems found"));
  if (unmet->len > 0)
    {
      g_autofree char *text = r->zh
        ? g_strdup_printf ("以下 %u 项未完全符合要求：", unmet->len)
        : g_strdup_printf ("%u items do not fully meet the requirement:", unmet->len);

      paragraph (r, text);
      g_ptr_array_add (unmet, NULL);
      ga_doc_add_bullets (r->doc, (const char * const *) unmet->pdata);
    }
  else
    paragraph (r, tr (r, "已填写的评价项中没有未符合要求的项。",
                      "No answered item falls short of its requirement."));
  if (unanswered > 0)
    {
      g_autofree char *text = r->zh
        ? g_strdup_printf ("另有 %u 项尚未填写，其得分未计入总分。", unanswered)
        : g_strdup_printf ("A further %u items are not answered; they add nothing to the total.",
                           unanswered);

      paragraph (r, text);
    }

  ga_doc_add_heading (r->doc, 2, tr (r, "（二）下一步计划", "Next steps"));
  if (improvements == NULL || improvements->len == 0)
    {
      paragraph (r, tr (r, "所有计分项均已取得满分，下一步将保持现有水平并按年度开展自评价。",
                        "Every scored item has full points; the next step is to keep this level "
                        "and repeat the self-evaluation every year."));
      return;
    }
  paragraph (r, tr (r, "按可提升的分值从高到低排列，优先整改前列各项：",
                    "Ordered by the points each could add, largest first; the first rows come "
                    "first in the plan:"));
  {
    const double widths[] = { 0.12, 0.68, 0.2 };
    const char *header[] = { tr (r, "序号", "No."), tr (r, "改进项", "Item to improve"),
                             tr (r, "可提升分值", "Possible gain") };
    GaDocTable *t = table (r, 3, widths, header);

    ga_doc_table_set_column_align (t, 0, GA_DOC_ALIGN_CENTER);
    ga_doc_table_set_column_align (t, 2, GA_DOC_ALIGN_END);
    for (guint i = 0; i < improvements->len; i++)
      {
        const GaImprovement *imp = g_ptr_array_index (improvements, i);
        g_autofree char *gain = ga_format_number (imp->gain, 2);
        const char *cells[] = { _ga_report_item_number (r, imp->item),
                                text_of (r, &imp->item->title), gain };

        ga_doc_table_add_row (t, cells);
      }
  }
}

/* ------------------------------------------------------------------ for the outline files */

void
_ga_report_part_heading (Report     *r,
                         const char *key)
{
  part_heading (r, key);
}

void
_ga_report_add_profile (Report *r)
{
  add_profile (r);
}

void
_ga_report_add_sections (Report     *r,
                         const char *key)
{
  add_sections (r, key);
}

void
_ga_report_add_summary (Report *r)
{
  add_summary (r);
}

void
_ga_report_add_problems (Report *r)
{
  add_problems (r);
}

void
_ga_report_labelled (Report     *r,
                     const char *label,
                     const char *text)
{
  labelled (r, label, text);
}

void
_ga_report_add_section_scores (Report *r)
{
  add_section_scores (r);
}

void
_ga_report_add_section_chart (Report *r)
{
  add_section_chart (r);
}

/* ------------------------------------------------------------------ outlines */

/* The part keys and their titles are those of ga-narrative.c, in the
 * same order. */
static void
outline_green_factory (Report *r)
{
  part_heading (r, "factory");
  add_profile (r);
  part_heading (r, "green-work");
  add_sections (r, "green-work");
  part_heading (r, "conclusion");
  add_summary (r);
  add_section_scores (r);
  add_section_chart (r);
  part_heading (r, "problems");
  add_problems (r);
}

static void
outline_clean_production (Report *r)
{
  part_heading (r, "enterprise");
  add_profile (r);
  part_heading (r, "indicators");
  add_sections (r, "indicators");
  part_heading (r, "level");
  add_summary (r);
  part_heading (r, "plan");
  add_problems (r);
}

static void
outline_energy_audit (Report *r)
{
  guint n_tables;

  part_heading (r, "enterprise");
  add_profile (r);
  part_heading (r, "energy");
  n_tables = _ga_report_add_data_tables (r);
  if (n_tables == 0)
    ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_SMALL,
                          tr (r, "模板没有能源消费数据表。", "The template has no energy table."));
  _ga_report_add_energy_mix (r, n_tables);
  part_heading (r, "indicators");
  _ga_report_add_outputs (r);
  add_summary (r);
  add_section_chart (r);
  add_sections (r, "indicators");
  part_heading (r, "savings");
  add_problems (r);
}

static void
outline_cp_audit (Report *r)
{
  part_heading (r, "enterprise");
  add_profile (r);
  part_heading (r, "audit");
  add_sections (r, "audit");
  part_heading (r, "options");
  if (_ga_report_add_data_tables (r) == 0)
    ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_SMALL,
                          tr (r, "模板没有方案汇总表。", "The template has no options register."));
  _ga_report_add_outputs (r);
  part_heading (r, "result");
  add_summary (r);
  add_section_scores (r);
  add_section_chart (r);
  part_heading (r, "plan");
  add_problems (r);
}

static void
outline_custom (Report *r)
{
  part_heading (r, "enterprise");
  add_profile (r);
  part_heading (r, "evaluation");
  add_sections (r, "evaluation");
  part_heading (r, "result");
  add_summary (r);
  add_section_scores (r);
  add_section_chart (r);
  part_heading (r, "problems");
  add_problems (r);
}


/* ------------------------------------------------------------------ entry point */

GaDoc *
ga_report_build (GaSession   *session,
                 const char  *language,
                 GDateTime   *date,
                 GError     **error)
{
  Report r = { 0 };
  g_autofree char *running = NULL;
  g_autoptr(GPtrArray) evidence = NULL;

  g_return_val_if_fail (GA_IS_SESSION (session), NULL);

  evidence = ga_store_list_evidence (ga_session_get_store (session), ga_session_get_id (session),
                                     NULL, error);
  if (evidence == NULL)
    return NULL;

  r.session = session;
  r.engine = ga_session_get_engine (session);
  r.tmpl = ga_session_get_template (session);
  r.enterprise = ga_session_get_enterprise (session);
  r.assessment = ga_session_get_assessment (session);
  r.kind = ga_template_get_kind (r.tmpl);
  r.lang = g_strcmp0 (language != NULL ? language : ga_format_language (), "en") == 0
           ? "en" : "zh_CN";
  r.zh = g_str_equal (r.lang, "zh_CN");
  r.date = date != NULL ? g_date_time_ref (date) : g_date_time_new_now_local ();
  r.evidence = evidence;
  r.evidence_count = g_hash_table_new (g_str_hash, g_str_equal);
  r.numbers = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  r.doc = ga_doc_new (r.zh ? GA_DOC_LANG_ZH_CN : GA_DOC_LANG_EN);

  for (guint i = 0; i < evidence->len; i++)
    {
      const GaEvidence *ev = g_ptr_array_index (evidence, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (r.evidence_count, ev->item_id));

      g_hash_table_insert (r.evidence_count, ev->item_id, GUINT_TO_POINTER (n + 1));
    }
  number_items (&r);

  running = g_strdup_printf ("%s — %s", r.enterprise->name,
                             ga_report_title_for (r.tmpl, r.lang));
  ga_doc_set_title (r.doc, ga_report_title_for (r.tmpl, r.lang));
  ga_doc_set_author (r.doc, r.enterprise->name);
  ga_doc_set_date (r.doc, r.date);
  ga_doc_set_running_title (r.doc, running);

  _ga_report_add_cover (&r);
  _ga_report_add_notes (&r);
  _ga_report_add_basic_info (&r);
  _ga_report_add_declaration (&r);
  switch (r.kind)
    {
    case GA_TEMPLATE_KIND_GREEN_FACTORY:
      outline_green_factory (&r);
      break;
    case GA_TEMPLATE_KIND_CLEAN_PRODUCTION:
      outline_clean_production (&r);
      break;
    case GA_TEMPLATE_KIND_ENERGY_AUDIT:
      outline_energy_audit (&r);
      break;
    case GA_TEMPLATE_KIND_WATER_SAVING: _ga_report_outline_water (&r); break;
    case GA_TEMPLATE_KIND_ENERGY_DIAGNOSIS: _ga_report_outline_diagnosis (&r); break;
    case GA_TEMPLATE_KIND_SUPPLY_CHAIN:
      _ga_report_outline_supply_chain (&r);
      break;
    case GA_TEMPLATE_KIND_GREEN_PARK: _ga_report_outline_park (&r); break;
    case GA_TEMPLATE_KIND_CP_AUDIT: outline_cp_audit (&r); break;
    case GA_TEMPLATE_KIND_CUSTOM:
    default:
      outline_custom (&r);
      break;
    }
  _ga_report_add_evidence_index (&r);

  g_hash_table_unref (r.evidence_count);
  g_hash_table_unref (r.numbers);
  g_date_time_unref (r.date);
  return r.doc;
}
