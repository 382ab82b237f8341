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
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ga-codes.h"
#include "ga-format.h"
#include "ga-report-builder.h"

typedef struct {
  GaSession          *session;
  GaEngine           *engine;
  GaTemplate         *tmpl;
  const GaEnterprise *enterprise;
  const GaAssessment *assessment;
  GaTemplateKind      kind;
  const char         *lang;
  gboolean            zh;
  GaDoc              *doc;
  GDateTime          *date;
  GPtrArray          *evidence;       /* GaEvidence*, all of the assessment */
  GHashTable         *evidence_count; /* item id -> count (GUINT_TO_POINTER) */
  GHashTable         *numbers;        /* GaItem* -> display number "2.3" */
  guint               part;           /* numbered parts written so far */
} Report;

/* The same for texts with arguments, so that the compiler checks both
 * formats against them. */
#define TR_PRINTF(r, fmt_zh, fmt_en, ...) \
  ((r)->zh ? g_strdup_printf (fmt_zh, __VA_ARGS__) : g_strdup_printf (fmt_en, __VA_ARGS__))
#define TR_APPEND(r, string, fmt_zh, fmt_en, ...) \
  G_STMT_START { \
    if ((r)->zh) \
      g_string_append_printf (string, fmt_zh, __VA_ARGS__); \
    else \
      g_string_append_printf (string, fmt_en, __VA_ARGS__); \
  } G_STMT_END

static const char *
tr (const Report *r,
    const char   *zh,
    const char   *en)
{
  return r->zh ? zh : en;
}

static const char *
text_of (const Report *r,
         const GaText *text)
{
  const char *s = ga_text_get (text, r->lang);

  return s != NULL ? s : "";
}

static gboolean
empty (const char *s)
{
  return s == NULL || *s == '\0';
}

/* ------------------------------------------------------------------ small formatters */

static char *
format_date (const Report *r,
             GDateTime    *date)
{
  static const char *const months[] = { "January", "February", "March", "April", "May", "June",
                                        "July", "August", "September", "October", "November",
                                        "December" };
  int y = g_date_time_get_year (date);
  int m = g_date_time_get_month (date);
  int d = g_date_time_get_day_of_month (date);

  if (r->zh)
    return g_strdup_printf ("%d年%d月%d日", y, m, d);
  return g_strdup_printf ("%d %s %d", d, months[m - 1], y);
}

/* "2024-03-01" as the report writes dates; other text as it is. */
static char *
format_iso_date (const Report *r,
                 const char   *iso)
{
  int y, m, d;

  if (iso == NULL)
    return NULL;
  if (r->zh && sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
    return g_strdup_printf ("%d年%d月%d日", y, m, d);
  return g_strdup (iso);
}

static char *
format_optional_number (double value,
                        int    decimals)
{
  return isnan (value) ? NULL : ga_format_number (value, decimals);
}

static char *
format_size (guint64 size)
{
  if (size < 1024)
    return g_strdup_printf ("%" G_GUINT64_FORMAT " B", size);
  if (size < 1024 * 1024)
    return g_strdup_printf ("%.1f KiB", size / 1024.0);
  return g_strdup_printf ("%.1f MiB", size / (1024.0 * 1024.0));
}

static const char *
region_name (const Report *r)
{
  const GaRegion *region;

  if (empty (r->enterprise->region))
    return NULL;
  region = ga_region_lookup (r->enterprise->region);
  return region != NULL ? region->name : r->enterprise->region;
}

static char *
industry_text (const Report *r)
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

static const char *
item_number (const Report *r,
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
static char *
item_name (const Report *r,
           const GaItem *item)
{
  const char *number = item_number (r, item);

  return g_strdup_printf ("%s %s", number != NULL ? number : "", text_of (r, &item->title));
}

static void
number_items (Report *r)
{
  GPtrArray *roots = ga_template_get_root_sections (r->tmpl);
  GPtrArray *items = ga_template_get_items (r->tmpl);

  for (guint s = 0; s < roots->len; s++)
    {
      GaSection *root = g_ptr_array_index (roots, s);
      guint n = 0;

      for (guint i = 0; i < items->len; i++)
        {
          GaItem *item = g_ptr_array_index (items, i);

          if (root_of (item) == root)
            g_hash_table_insert (r->numbers, item, g_strdup_printf ("%u.%u", s + 1, ++n));
        }
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
          shown = format_iso_date (r, answer->value.u.text);
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

static void
paragraph (Report     *r,
           const char *text)
{
  ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_NORMAL, text);
}

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

/* "一、title" or "1. title" for the next numbered part. */
static void
part_heading (Report     *r,
              const char *zh,
              const char *en)
{
  static const char *const numerals[] = { "一", "二", "三", "四", "五", "六", "七", "八" };
  g_autofree char *text = NULL;

  r->part++;
  if (r->zh)
    text = g_strdup_printf ("%s、%s", numerals[MIN (r->part, G_N_ELEMENTS (numerals)) - 1], zh);
  else
    text = g_strdup_printf ("%u. %s", r->part, en);
  ga_doc_add_heading (r->doc, 1, text);
}

/* "（一）title" or "2.1 title" below the current part. */
static void
sub_heading (Report     *r,
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

static GaDocTable *
table (Report             *r,
       guint               n_columns,
       const double       *widths,
       const char * const *header)
{
  GaDocTable *t = ga_doc_add_table (r->doc, n_columns, widths, NULL);

  /* The widths are constants of this file: the table always exists. */
  g_assert (t != NULL);
  ga_doc_table_set_header (t, header);
  return t;
}

/* ------------------------------------------------------------------ front matter */

const char *
ga_report_title_for (GaTemplate *tmpl,
                     const char *language)
{
  gboolean zh = g_strcmp0 (language, "en") != 0;

  switch (ga_template_get_kind (tmpl))
    {
    case GA_TEMPLATE_KIND_GREEN_FACTORY:
      return zh ? "绿色工厂自评价报告" : "Green Factory Self-Evaluation Report";
    case GA_TEMPLATE_KIND_CLEAN_PRODUCTION:
      return zh ? "清洁生产自评价报告" : "Clean Production Self-Evaluation Report";
    case GA_TEMPLATE_KIND_ENERGY_AUDIT:
      return zh ? "能源审计自评价报告" : "Energy Audit Self-Evaluation Report";
    case GA_TEMPLATE_KIND_CUSTOM:
    default:
      return zh ? "自评价报告" : "Self-Evaluation Report";
    }
}

static void
add_cover (Report *r)
{
  g_autofree char *date = format_date (r, r->date);
  const char *region = region_name (r);
  GaDocParagraph *p;

  for (guint i = 0; i < 4; i++)
    ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_CENTERED, "");
  ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_TITLE, ga_report_title_for (r->tmpl, r->lang));
  ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_CENTERED,
                        text_of (r, ga_template_get_title (r->tmpl)));
  for (guint i = 0; i < 6; i++)
    ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_CENTERED, "");
  p = ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_CENTERED, NULL);
  ga_doc_paragraph_add_run (p, tr (r, "申报单位：", "Applicant: "), TRUE);
  ga_doc_paragraph_add_run (p, r->enterprise->name, FALSE);
  p = ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_CENTERED, NULL);
  ga_doc_paragraph_add_run (p, tr (r, "所在省市：", "Province: "), TRUE);
  ga_doc_paragraph_add_run (p, region != NULL ? region : "", FALSE);
  for (guint i = 0; i < 4; i++)
    ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_CENTERED, "");
  if (r->kind == GA_TEMPLATE_KIND_GREEN_FACTORY)
    ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_CENTERED,
                          tr (r, "工业和信息化部制",
                              "Form of the Ministry of Industry and Information Technology"));
  ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_CENTERED, date);
  ga_doc_add_page_break (r->doc);
}

static void
add_notes (Report *r)
{
  const char *zh[] = {
    "1. 请如实、准确、完整地填写各项内容，数据应与佐证材料一致。",
    "2. 所属行业按国民经济行业分类（GB/T 4754）填写；单位性质按营业执照填写。",
    "3. 内容较多时可另附页。",
    "4. 报告用A4纸打印并装订，纸质版一式三份，另附电子版一份。",
    NULL
  };
  const char *en[] = {
    "1. Fill in every part truthfully, accurately and completely; figures must match the "
    "evidence.",
    "2. The industry follows the national industrial classification (GB/T 4754); the type "
    "of ownership is the one on the business licence.",
    "3. Extra pages may be attached.",
    "4. Print the report on A4 paper and bind it: three paper copies and one electronic copy.",
    NULL
  };
  GaDocParagraph *p = ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_CENTERED, NULL);

  ga_doc_paragraph_add_run (p, tr (r, "填写说明", "Notes on filling in"), TRUE);
  for (guint i = 0; zh[i] != NULL; i++)
    paragraph (r, r->zh ? zh[i] : en[i]);
  ga_doc_add_page_break (r->doc);
  ga_doc_add_toc (r->doc);
  ga_doc_add_page_break (r->doc);
}

static void
info_row (GaDocTable *t,
          const char *label,
          const char *value)
{
  const char *cells[] = { label, value != NULL ? value : "" };

  ga_doc_table_add_row (t, cells);
}

static void
add_basic_info (Report *r)
{
  const GaEnterprise *e = r->enterprise;
  const GaOwnership *ownership = ga_enterprise_find_ownership (e->ownership);
  const double widths[] = { 0.3, 0.7 };
  const char *header[] = { tr (r, "项目", "Field"), tr (r, "内容", "Details") };
  g_autofree char *industry = industry_text (r);
  g_autofree char *capital = format_optional_number (e->registered_capital, 2);
  g_autofree char *founded = format_iso_date (r, e->founded_on);
  g_autofree char *valid = NULL;
  g_autofree char *output = format_optional_number (e->output_value, 2);
  g_autofree char *added = format_optional_number (e->value_added, 2);
  g_autofree char *employees = e->employees >= 0
                               ? g_strdup_printf ("%" G_GINT64_FORMAT, e->employees) : NULL;
  GaDocTable *t;

  if (g_strcmp0 (e->valid_until, "long-term") == 0)
    valid = g_strdup (tr (r, "长期", "Long-term"));
  else
    valid = format_iso_date (r, e->valid_until);

  ga_doc_add_heading (r->doc, 1, tr (r, "基本信息表", "Basic information"));
  t = table (r, 2, widths, header);
  info_row (t, r->kind == GA_TEMPLATE_KIND_GREEN_FACTORY ? tr (r, "工厂名称", "Factory name")
                                                         : tr (r, "企业名称", "Enterprise name"),
            e->name);
  info_row (t, tr (r, "统一社会信用代码", "Unified social credit code"), e->credit_code);
  info_row (t, tr (r, "所属行业", "Industry"), industry);
  info_row (t, tr (r, "所在省市", "Province"), region_name (r));
  info_row (t, tr (r, "通讯地址", "Postal address"), e->address);
  info_row (t, tr (r, "邮编", "Postal code"), e->postal_code);
  info_row (t, tr (r, "单位性质", "Type of ownership"),
            ownership != NULL ? (r->zh ? ownership->label_zh : ownership->label_en) : e->ownership);
  info_row (t, tr (r, "注册机关", "Registration authority"), e->registration_authority);
  info_row (t, tr (r, "注册资本（万元）", "Registered capital (10k yuan)"), capital);
  info_row (t, tr (r, "成立日期", "Founded on"), founded);
  info_row (t, tr (r, "有效期", "Valid until"), valid);
  info_row (t, tr (r, "法定代表人", "Legal representative"), e->legal_representative);
  info_row (t, tr (r, "法人代表联系电话", "Legal representative's phone"),
            e->legal_representative_phone);
  info_row (t, tr (r, "申报工作联系部门", "Contact department"), e->contact_department);
  info_row (t, tr (r, "联系人", "Contact person"), e->contact_name);
  info_row (t, tr (r, "联系电话", "Phone"), e->contact_phone);
  info_row (t, tr (r, "手机", "Mobile"), e->contact_mobile);
  info_row (t, tr (r, "传真", "Fax"), e->fax);
  info_row (t, tr (r, "电子邮箱", "Email"), e->contact_email);
  info_row (t, tr (r, "主要产品", "Main products"), e->main_products);
  info_row (t, tr (r, "工业总产值（万元）", "Gross industrial output (10k yuan)"), output);
  info_row (t, tr (r, "工业增加值（万元）", "Industrial value added (10k yuan)"), added);
  info_row (t, tr (r, "从业人员（人）", "Employees"), employees);
  info_row (t, tr (r, "单位简介", "Profile"), e->profile);
  ga_doc_add_page_break (r->doc);
}

static void
add_declaration (Report *r)
{
  const char *zh[] = {
    "本次申报提交的全部材料、数据和佐证文件真实、准确、完整、有效，不存在弄虚作假、隐瞒或误导的情况；",
    "近三年内未发生较大及以上安全事故（含网络安全和数据安全事件）、质量事故和突发环境事件，"
    "无偷税漏税等违法行为；",
    "近三年内在国务院及有关部门组织的督查、检查中未被发现存在严重问题；",
    "已完成所在地区下达的节能和污染物减排目标任务；",
    "自愿接受主管部门及其委托机构的抽查、核查和现场检查；如有不实，本单位承担由此产生的全部责任。",
    NULL
  };
  const char *en[] = {
    "all materials, figures and evidence submitted are true, accurate, complete and valid, "
    "with nothing falsified, withheld or misleading;",
    "in the past three years the unit has had no serious safety accident (cyber and data "
    "security incidents included), no quality accident and no environmental emergency, and "
    "has not evaded taxes;",
    "in the past three years no serious problem was found in inspections by the State Council "
    "or its ministries;",
    "the energy-saving and emission-reduction targets set by the local authorities have been "
    "met;",
    "the unit accepts spot checks, verification and site visits by the competent authorities "
    "and the bodies they appoint, and bears full responsibility for anything found untrue.",
    NULL
  };
  const char *labels[] = { tr (r, "法定代表人（签字）：", "Legal representative (signature):"),
                           tr (r, "单位（盖章）：", "Unit (seal):"),
                           tr (r, "日期：", "Date:"), NULL };
  g_autofree char *intro = r->zh
    ? g_strdup_printf ("%s郑重承诺：", r->enterprise->name)
    : g_strdup_printf ("%s solemnly declares that:", r->enterprise->name);

  ga_doc_add_heading (r->doc, 1, tr (r, "材料真实性承诺", "Declaration of truthfulness"));
  paragraph (r, intro);
  ga_doc_add_bullets (r->doc, r->zh ? zh : en);
  ga_doc_add_signature (r->doc, labels);
  ga_doc_add_page_break (r->doc);
}

/* ------------------------------------------------------------------ parts */

static void
add_profile (Report *r)
{
  const GaEnterprise *e = r->enterprise;
  g_autofree char *industry = industry_text (r);
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
      /* A clause shared by the rows above is said once. */
      if (!empty (item->clause) && g_strcmp0 (item->clause, last_clause) != 0)
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
        const char *cells[] = { item_number (r, item), title, answer, score, count };

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

static void
add_sections (Report *r)
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

      sub_heading (r, s, text_of (r, &root->title));
      add_section_intro (r, root);
      add_items_table (r, root);
    }
}

/* The label of the row @key of the lookup table @table_id, or NULL. */
static char *
lookup_label (const Report *r,
              const char   *table_id,
              const char   *key)
{
  GaLookupTable *table = ga_template_find_table (r->tmpl, table_id);
  g_autofree char *folded = g_utf8_casefold (key, -1);
  const GaTableRow *row = table != NULL ? g_hash_table_lookup (table->row_by_key, folded) : NULL;
  const char *label = row != NULL ? ga_text_get (&row->label, r->lang) : NULL;

  return empty (label) ? NULL : g_strdup (label);
}

/* A machine key such as "natural-gas": what a computed column holds to
 * look a factor up, not something a reader needs. */
static gboolean
is_key (const GaValue *v)
{
  const char *s;

  if (v->kind != GA_VALUE_TEXT || strlen (v->u.text) < 3)
    return FALSE;
  s = v->u.text;
  if (!g_ascii_islower (*s))
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_islower (*s) && !g_ascii_isdigit (*s) && *s != '-' && *s != '_')
      return FALSE;
  return TRUE;
}

/* Whether the report shows column @c of the table item: not when no row
 * has a value in it, nor when it is computed and holds only keys. */
static gboolean
column_shown (const Report *r,
              const GaItem *item,
              guint         c,
              guint         n_rows)
{
  const GaColumn *col = g_ptr_array_index (item->columns, c);
  gboolean any = FALSE;
  gboolean all_keys = TRUE;

  for (guint row = 0; row < n_rows; row++)
    {
      const GaValue *v = ga_engine_get_cell (r->engine, item, row, c);

      if (v == NULL || v->kind == GA_VALUE_BLANK)
        continue;
      any = TRUE;
      if (!is_key (v))
        all_keys = FALSE;
    }
  if (n_rows == 0)
    return TRUE;
  return any && !(col->kind == GA_ITEM_COMPUTED && all_keys);
}

/* The rows of every table item under @root, as tables of their own. */
static guint
add_data_tables (Report *r)
{
  GPtrArray *items = ga_template_get_items (r->tmpl);
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);
      guint n_rows, n_cols;
      guint shown_cols[14];
      g_autofree double *widths = NULL;
      g_autofree const char **header = NULL;
      g_autofree char *caption = NULL;
      GaDocTable *t;

      if (item->kind != GA_ITEM_TABLE || item->columns == NULL || item->columns->len == 0)
        continue;
      n++;
      sub_heading (r, n - 1, text_of (r, &item->title));
      n_rows = ga_engine_get_n_rows (r->engine, item);
      n_cols = 0;
      for (guint c = 0; c < item->columns->len && n_cols < G_N_ELEMENTS (shown_cols); c++)
        if (column_shown (r, item, c, n_rows))
          shown_cols[n_cols++] = c;
      if (n_rows == 0)
        {
          g_autofree char *message = r->zh
            ? g_strdup_printf ("“%s”（%s）尚未填写任何一行，请在评价中补充后重新生成报告。",
                               text_of (r, &item->title), item_number (r, item))
            : g_strdup_printf ("“%s” (%s) has no row yet; add them in the assessment and write "
                               "the report again.", text_of (r, &item->title),
                               item_number (r, item));

          ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_SMALL, message);
          continue;
        }
      widths = g_new (double, n_cols);
      header = g_new0 (const char *, n_cols + 1);
      {
        g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);

        for (guint c = 0; c < n_cols; c++)
          {
            const GaColumn *col = g_ptr_array_index (item->columns, shown_cols[c]);
            const char *title = text_of (r, &col->title);
            char *h = empty (col->unit) || strstr (title, col->unit) != NULL
                      ? g_strdup (title)
                                        : g_strdup_printf ("%s（%s）", title, col->unit);

            g_ptr_array_add (owned, h);
            header[c] = h;
            widths[c] = 1.0;
          }
        t = table (r, n_cols, widths, header);
        for (guint row = 0; row < n_rows; row++)
          {
            g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

            for (guint c = 0; c < n_cols; c++)
              {
                const GaColumn *col = g_ptr_array_index (item->columns, shown_cols[c]);
                const GaValue *v = ga_engine_get_cell (r->engine, item, row, shown_cols[c]);
                char *shown = NULL;

                if (v != NULL && v->kind == GA_VALUE_TEXT && col->options != NULL)
                  {
                    for (guint o = 0; o < col->options->len && shown == NULL; o++)
                      {
                        const GaOption *opt = g_ptr_array_index (col->options, o);

                        if (g_strcmp0 (opt->id, v->u.text) == 0)
                          shown = g_strdup (text_of (r, &opt->label));
                      }
                  }
                if (shown == NULL && v != NULL && v->kind == GA_VALUE_TEXT
                    && col->options_table != NULL)
                  shown = lookup_label (r, col->options_table, v->u.text);
                if (shown == NULL)
                  shown = v == NULL || v->kind == GA_VALUE_BLANK ? g_strdup ("")
                          : v->kind == GA_VALUE_NUMBER ? ga_format_number (v->u.number, 2)
                          : ga_value_to_display (v);
                g_ptr_array_add (cells, shown);
              }
            ga_doc_table_add_row (t, (const char * const *) cells->pdata);
          }
      }
      caption = r->zh ? g_strdup_printf ("数据来源：评价项 %s。", item_number (r, item))
                      : g_strdup_printf ("Source: item %s of the assessment.",
                                         item_number (r, item));
      ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_SMALL, caption);
    }
  return n;
}

static void
add_outputs (Report *r)
{
  GPtrArray *outputs = ga_template_get_outputs (r->tmpl);
  const double widths[] = { 0.5, 0.3, 0.2 };
  const char *header[] = { tr (r, "指标", "Indicator"), tr (r, "数值", "Value"),
                           tr (r, "单位", "Unit") };
  GaDocTable *t;

  if (outputs == NULL || outputs->len == 0)
    {
      ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_SMALL,
                            tr (r, "模板没有定义计算指标。", "The template defines no computed indicator."));
      return;
    }
  t = table (r, 3, widths, header);
  ga_doc_table_set_column_align (t, 1, GA_DOC_ALIGN_END);
  for (guint i = 0; i < outputs->len; i++)
    {
      const GaOutput *o = g_ptr_array_index (outputs, i);
      const GaResult *res = ga_engine_get_output_result (r->engine, o);
      g_autofree char *value = ga_engine_format_value (r->engine, o->id);
      const char *shown = value;
      const char *cells[3];

      if (res != NULL && res->status == GA_STATUS_INCOMPLETE)
        shown = tr (r, "数据不全，无法计算", "incomplete data");
      else if (res != NULL && res->status == GA_STATUS_NA)
        shown = tr (r, "不适用", "N/A");
      cells[0] = text_of (r, &o->title);
      cells[1] = shown != NULL ? shown : "";
      cells[2] = o->unit != NULL ? o->unit : "";
      ga_doc_table_add_row (t, cells);
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
          g_autofree char *name = item_name (r, g_ptr_array_index (sum->veto_failures, i));

          if (i > 0)
            g_string_append (out, tr (r, "；", "; "));
          g_string_append (out, name);
        }
      break;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
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
  if (g_strcmp0 (ga_format_language (), r->lang) == 0)
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
          g_autofree char *name = item_name (r, item);
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
        const char *cells[] = { item_number (r, imp->item), text_of (r, &imp->item->title), gain };

        ga_doc_table_add_row (t, cells);
      }
  }
}

/* The checksum in lines of 16 digits: a narrow column would otherwise
 * break it anywhere, even with a hyphen a reader might copy. */
static char *
hash_lines (const char *sha256)
{
  GString *out = g_string_new (NULL);
  gsize len = sha256 != NULL ? strlen (sha256) : 0;

  for (gsize i = 0; i < len; i += 16)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append_len (out, sha256 + i, MIN (16, len - i));
    }
  return g_string_free (out, FALSE);
}

static void
add_evidence_index (Report *r)
{
  const double widths[] = { 0.07, 0.25, 0.1, 0.33, 0.25 };
  const char *header[] = { tr (r, "序号", "No."), tr (r, "文件名", "File name"),
                           tr (r, "大小", "Size"), "SHA-256",
                           tr (r, "对应指标", "Item supported") };
  GaDocTable *t;

  ga_doc_add_page_break (r->doc);
  ga_doc_add_heading (r->doc, 1, tr (r, "附件：佐证材料清单", "Annex: list of evidence"));
  if (r->evidence->len == 0)
    {
      paragraph (r, tr (r, "本次评价尚未附加任何佐证材料；在评价中为各项附加文件后重新生成报告，此处将列出"
                        "每份文件的名称、大小和 SHA-256 校验值。",
                        "No evidence is attached to this assessment yet; attach files to the "
                        "items and write the report again to list each file's name, size and "
                        "SHA-256 checksum here."));
      return;
    }
  paragraph (r, tr (r, "SHA-256 为文件内容的校验值，可用于核对所附文件未被改动。",
                    "The SHA-256 checksum identifies each file's content, so a reader can "
                    "confirm the attached file is unchanged."));
  t = table (r, 5, widths, header);
  ga_doc_table_set_column_align (t, 0, GA_DOC_ALIGN_CENTER);
  ga_doc_table_set_column_align (t, 2, GA_DOC_ALIGN_END);
  for (guint i = 0; i < r->evidence->len; i++)
    {
      const GaEvidence *ev = g_ptr_array_index (r->evidence, i);
      const GaItem *item = ga_template_find_item (r->tmpl, ev->item_id);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *size = format_size (ev->size);
      g_autofree char *name = NULL;
      g_autofree char *supports = item != NULL ? item_name (r, item) : NULL;
      g_autofree char *hash = hash_lines (ev->sha256);
      const char *cells[5];

      name = empty (ev->note) ? g_strdup (ev->name)
                              : g_strdup_printf ("%s\n%s", ev->name, ev->note);
      cells[0] = number;
      cells[1] = name;
      cells[2] = size;
      cells[3] = hash;
      cells[4] = supports != NULL ? supports : tr (r, "（模板中已无此项）",
                                                   "(no longer in the template)");
      ga_doc_table_add_row (t, cells);
    }
}

/* ------------------------------------------------------------------ outlines */

static void
outline_green_factory (Report *r)
{
  part_heading (r, "工厂基本情况", "The factory");
  add_profile (r);
  part_heading (r, "绿色工厂创建情况", "Green factory work");
  add_sections (r);
  part_heading (r, "自评价得分及结论", "Score and conclusion");
  add_summary (r);
  add_section_scores (r);
  part_heading (r, "存在问题及下一步计划", "Problems and next steps");
  add_problems (r);
}

static void
outline_clean_production (Report *r)
{
  part_heading (r, "企业基本情况", "The enterprise");
  add_profile (r);
  part_heading (r, "清洁生产指标评价", "Clean production indicators");
  add_sections (r);
  part_heading (r, "综合评价指数与等级", "Composite index and level");
  add_summary (r);
  part_heading (r, "持续清洁生产方案", "Continuing clean production plan");
  add_problems (r);
}

static void
outline_energy_audit (Report *r)
{
  part_heading (r, "企业概况", "The enterprise");
  add_profile (r);
  part_heading (r, "能源消费与结构", "Energy consumption and structure");
  if (add_data_tables (r) == 0)
    ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_SMALL,
                          tr (r, "模板没有能源消费数据表。", "The template has no energy table."));
  part_heading (r, "能耗指标与目标完成情况", "Energy indicators and targets");
  add_outputs (r);
  add_summary (r);
  add_sections (r);
  part_heading (r, "节能潜力与建议", "Savings potential and recommendations");
  add_problems (r);
}

static void
outline_custom (Report *r)
{
  part_heading (r, "基本情况", "The enterprise");
  add_profile (r);
  part_heading (r, "评价内容", "Evaluation");
  add_sections (r);
  part_heading (r, "评价结果", "Result");
  add_summary (r);
  add_section_scores (r);
  part_heading (r, "存在问题及改进计划", "Problems and improvement plan");
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
  ga_doc_set_date (r.doc, g_date_time_ref (r.date));
  ga_doc_set_running_title (r.doc, running);

  add_cover (&r);
  add_notes (&r);
  add_basic_info (&r);
  add_declaration (&r);
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
    case GA_TEMPLATE_KIND_CUSTOM:
    default:
      outline_custom (&r);
      break;
    }
  add_evidence_index (&r);

  g_hash_table_unref (r.evidence_count);
  g_hash_table_unref (r.numbers);
  g_date_time_unref (r.date);
  return r.doc;
}
