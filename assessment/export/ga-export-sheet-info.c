/* ga-export-sheet-info.c: the basic-information sheet
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-export-book.h"

/* ------------------------------------------------------- basic information */

static void
info_row (Export     *ex,
          guint      *row,
          const char *label,
          const char *value)
{
  ex_put_string (ex, &ex->info, *row, 0, label, ex->f_label, "a label");
  ex_put_string (ex, &ex->info, *row, 1, value, ex->f_wrap, label);
  (*row)++;
}

static void
info_number (Export     *ex,
             guint      *row,
             const char *label,
             double      value,
             const char *unit)
{
  ex_put_string (ex, &ex->info, *row, 0, label, ex->f_label, "a label");
  ex_put_number (ex, &ex->info, *row, 1, value, ex_unit_format (ex, "#,##0.##", unit, FALSE),
                 label);
  (*row)++;
}

static void
info_formula (Export      *ex,
              guint       *row,
              const char  *label,
              const char  *ref,
              const GaValue *cached,
              lxw_format  *format)
{
  ex_put_string (ex, &ex->info, *row, 0, label, ex->f_label, "a label");
  if (ref != NULL)
    ex_put_formula (ex, &ex->info, *row, 1, ref, cached, format, label);
  else
    ex_put_blank (ex, &ex->info, *row, 1, format);
  (*row)++;
}

/* Writes part one from *@row: the applicant's registration, contacts and
 * figures, from @e. */
static void
write_applicant (Export                 *ex,
                 const GaEnterpriseInfo *e,
                 guint                  *row)
{
  ex_put_string (ex, &ex->info, *row, 0, ex_tr (ex, "一、申报单位", "1. Applicant"), ex->f_bold_text,
                 "a heading");
  (*row)++;
  info_row (ex, row, ex_tr (ex, "工厂名称", "Factory name"), e->name);
  info_row (ex, row, ex_tr (ex, "统一社会信用代码", "Unified social credit code"), e->credit_code);
  info_row (ex, row, ex_tr (ex, "所属行业代码（GB/T 4754）", "Industry code (GB/T 4754)"),
            e->industry_code);
  info_row (ex, row, ex_tr (ex, "所属行业", "Industry"), e->industry_name);
  info_row (ex, row, ex_tr (ex, "所在省市", "Province and city"), e->region);
  info_row (ex, row, ex_tr (ex, "通讯地址", "Postal address"), e->address);
  info_row (ex, row, ex_tr (ex, "邮编", "Postal code"), e->postal_code);
  info_row (ex, row, ex_tr (ex, "工厂地址", "Factory address"), e->factory_address);
  info_row (ex, row, ex_tr (ex, "主要产品", "Main products"), e->main_products);
  info_row (ex, row, ex_tr (ex, "单位性质", "Ownership"), e->ownership);
  info_row (ex, row, ex_tr (ex, "注册机关", "Registration authority"), e->registration_authority);
  info_number (ex, row, ex_tr (ex, "注册资本", "Registered capital"), e->registered_capital,
               ex_tr (ex, "万元", "10k CNY"));
  info_row (ex, row, ex_tr (ex, "成立日期", "Founded"), e->founded);
  /* The store says "long-term" for 长期. */
  info_row (ex, row, ex_tr (ex, "有效期", "Valid until"),
            g_strcmp0 (e->valid_until, "long-term") == 0 ? ex_tr (ex, "长期", "long-term")
                                                          : e->valid_until);
  info_row (ex, row, ex_tr (ex, "法定代表人", "Legal representative"), e->legal_representative);
  info_row (ex, row, ex_tr (ex, "法定代表人电话", "Legal representative's phone"), e->legal_phone);
  info_row (ex, row, ex_tr (ex, "申报联系部门", "Contact department"), e->contact_department);
  info_row (ex, row, ex_tr (ex, "联系人", "Contact person"), e->contact_person);
  info_row (ex, row, ex_tr (ex, "电话", "Phone"), e->contact_phone);
  info_row (ex, row, ex_tr (ex, "手机", "Mobile"), e->contact_mobile);
  info_row (ex, row, ex_tr (ex, "传真", "Fax"), e->fax);
  info_row (ex, row, ex_tr (ex, "电子邮箱", "E-mail"), e->email);
  info_number (ex, row, ex_tr (ex, "从业人数", "Employees"), e->employees, ex_tr (ex, "人", ""));
  info_number (ex, row, ex_tr (ex, "工业总产值", "Gross industrial output"), e->output_value,
               ex_tr (ex, "万元", "10k CNY"));
  info_number (ex, row, ex_tr (ex, "工业增加值", "Industrial value added"), e->value_added,
               ex_tr (ex, "万元", "10k CNY"));
  info_number (ex, row, ex_tr (ex, "营业收入", "Revenue"), e->revenue, ex_tr (ex, "万元", "10k CNY"));
  info_number (ex, row, ex_tr (ex, "占地面积", "Site area"), e->floor_area, "m²");
  info_row (ex, row, ex_tr (ex, "单位简介", "Profile"), e->profile);
}

/* Writes part two from *@row: the assessment, the standard and template
 * it follows, the report date and how many items are answered. */
static void
write_assessment (Export *ex,
                  guint  *row)
{
  const GaSummary *sum = ga_engine_get_summary (ex->engine);
  g_autofree char *today = NULL;
  g_autofree char *standard = NULL;
  g_autofree char *tmpl_id = NULL;
  g_autofree char *done = NULL;

  if (ex->opt->date != NULL)
    today = g_strdup (ex->opt->date);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = g_date_time_format (now, "%Y-%m-%d");
    }
  standard = g_strdup_printf ("%s %s", ga_template_get_standard (ex->tmpl) != NULL
                              ? ga_template_get_standard (ex->tmpl) : "",
                              ga_template_get_standard_title (ex->tmpl) != NULL
                              ? ga_template_get_standard_title (ex->tmpl) : "");
  /* The template by its title; the content hash below names it exactly. */
  tmpl_id = g_strdup_printf (ex->zh ? "%s（版本 %s）" : "%s (version %s)",
                             ex_text_of (ex, ga_template_get_title (ex->tmpl)),
                             ga_template_get_version (ex->tmpl));

  ex_put_string (ex, &ex->info, *row, 0, ex_tr (ex, "二、评价", "2. Assessment"), ex->f_bold_text,
                 "a heading");
  (*row)++;
  info_row (ex, row, ex_tr (ex, "评价名称", "Assessment"), ex->opt->assessment_name);
  info_row (ex, row, ex_tr (ex, "评价期", "Period"), ex->opt->period);
  info_row (ex, row, ex_tr (ex, "评价依据", "Standard"), standard);
  info_row (ex, row, ex_tr (ex, "评价模板及版本", "Template and version"), tmpl_id);
  info_row (ex, row, ex_tr (ex, "模板内容哈希（SHA-256）", "Template content hash (SHA-256)"),
            ga_template_get_content_hash (ex->tmpl));
  if (!ga_template_get_verified (ex->tmpl))
    info_row (ex, row, ex_tr (ex, "核实状态", "Verification"),
              ex_tr (ex, "模板中部分数值未经官方文本核实（各表中标有 " EX_MARK "），"
                         "见「来源与核实」表",
                     "some values in the template are not verified against the official text "
                     "(marked " EX_MARK "); see the Sources sheet"));
  info_row (ex, row, ex_tr (ex, "报告日期", "Date"), today);
  done = g_strdup_printf ("%u / %u", sum->answered, sum->total);
  info_row (ex, row, ex_tr (ex, "已回答 / 应回答", "Answered / to answer"), done);
}

/* Writes the clean-production result from *@row: the composite indices
 * Y_I…Y_III and the level, each read from the clean-production sheet. */
static void
write_cp_result (Export *ex,
                 guint  *row)
{
  const GaSummary *sum = ga_engine_get_summary (ex->engine);
  const char *names[] = { "Y_I", "Y_II", "Y_III" };
  GaValue v = GA_VALUE_INIT;

  for (guint k = 0; k < 3; k++)
    {
      if (isfinite (sum->index[k]))
        ga_value_set_number (&v, sum->index[k]);
      else
        ga_value_set_blank (&v);
      info_formula (ex, row, names[k], ex->index_ref[k], &v, ex->f_number);
    }
  ga_value_set_text (&v, ex_level_label (ex, sum->level));
  info_formula (ex, row, ex_tr (ex, "清洁生产水平", "Clean production level"),
                ex->level_label_ref, &v, ex->f_text);
  ga_value_clear (&v);
}

/* Writes a scored template's result from *@row: the score, the maximum
 * and, where the template has them, the bonus, the veto status, the
 * grade and whether the pass mark is reached. */
static void
write_score_result (Export *ex,
                    guint  *row)
{
  const GaSummary *sum = ga_engine_get_summary (ex->engine);
  GaValue v = GA_VALUE_INIT;

  ga_value_set_number (&v, sum->score);
  info_formula (ex, row, ex_tr (ex, "得分", "Score"), ex->total_ref, &v, ex->f_number);
  ga_value_set_number (&v, sum->max);
  info_formula (ex, row, ex_tr (ex, "可得分", "Attainable"), ex->max_ref, &v, ex->f_number);
  if (ex->has_bonus)
    {
      ga_value_set_number (&v, sum->bonus);
      info_formula (ex, row, ex_tr (ex, "附加分", "Bonus"), ex->bonus_ref, &v, ex->f_number);
    }
  if (ex->has_veto)
    {
      ga_value_set_text (&v, sum->veto == GA_VETO_FAIL ? ex_tr (ex, "不通过", "fail")
                             : sum->veto == GA_VETO_PENDING ? ex_tr (ex, "待定", "pending")
                             : ex_tr (ex, "通过", "pass"));
      info_formula (ex, row, ex_tr (ex, "基本要求（否决项）", "Basic requirements (veto)"),
                    ex->veto_ref, &v, ex->f_text);
    }
  if (ex->has_grades)
    {
      ga_value_set_text (&v, sum->grade != NULL ? ex_text_of (ex, &sum->grade->label) : "");
      info_formula (ex, row, ex_tr (ex, "等级", "Grade"), ex->grade_ref, &v, ex->f_text);
    }
  if (ex->has_pass)
    {
      ga_value_set_text (&v, sum->passed ? ex_tr (ex, "是", "yes") : ex_tr (ex, "否", "no"));
      info_formula (ex, row, ex_tr (ex, "是否达到合格线", "Pass mark reached"), ex->pass_ref,
                    &v, ex->f_text);
    }
  ga_value_clear (&v);
}

/* Writes the conclusion from *@row and, when some cells hold values
 * instead of formulas, a note saying how many. */
static void
write_conclusion (Export *ex,
                  guint  *row)
{
  const Sheet *s = &ex->info;

  /* The conclusion reads the result cells (ga-export-explain.c). */
  ex_put_string (ex, s, *row, 0, ex_tr (ex, "结论说明", "Conclusion"), ex->f_label, "a label");
  ex_put_conclusion (ex, s, *row, 1, ex->f_wrap);
  ex->conclusion_info_ref = ex_cell_ref (s, *row, 1);
  if (!ex_failed (ex))
    worksheet_set_row (s->ws, *row, 45, NULL);
  (*row)++;
  if (ex->n_value_only > 0)
    {
      g_autofree char *note = ex->zh
        ? g_strdup_printf ("%u 个单元格写入的是数值而非公式（公式超出 Excel 的长度或嵌套限制，"
                           "或多选题按所选选项计分）", ex->n_value_only)
        : g_strdup_printf ("%u cells hold values, not formulas (a formula beyond Excel's "
                           "length or nesting limits, or a multiple-choice score)",
                           ex->n_value_only);

      info_row (ex, row, ex_tr (ex, "说明", "Note"), note);
    }
}

void
ex_write_info (Export *ex)
{
  const Sheet *s = &ex->info;
  const GaEnterpriseInfo *e = ex->opt->enterprise;
  g_autoptr(GaEnterpriseInfo) empty = ga_enterprise_info_new ();
  guint row = 2;

  if (e == NULL)
    e = empty;

  ex_merge (ex, s, 0, 0, 0, 1, ex_tr (ex, "基本信息表", "Basic information"), ex->f_title);
  write_applicant (ex, e, &row);

  row++;
  write_assessment (ex, &row);

  row++;
  ex_put_string (ex, s, row, 0, ex_tr (ex, "三、评价结果", "3. Result"), ex->f_bold_text, "a heading");
  row++;
  if (ga_template_get_scheme (ex->tmpl) == GA_SCHEME_CLEAN_PRODUCTION && ex->has_cp)
    write_cp_result (ex, &row);
  if (ga_template_get_scheme (ex->tmpl) != GA_SCHEME_CLEAN_PRODUCTION)
    write_score_result (ex, &row);
  write_conclusion (ex, &row);

  ex_set_column (ex, s, 0, 0, 26, NULL);
  ex_set_column (ex, s, 1, 1, 60, NULL);
  ex_page_setup (ex, s, FALSE, -1, -1, 0, 0);
}
