/* ga-report-builder-matter.c: the front and back matter of the
 * self-evaluation report: the cover, the filling notes, the table of
 * contents, the 基本信息表, the declaration with its signature block, and
 * the evidence index
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-report-builder-private.h"

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

const char *
ga_report_title_for (GaTemplate *tmpl,
                     const char *language)
{
  return ga_template_kind_report_title (ga_template_get_kind (tmpl), language);
}

void
_ga_report_add_cover (Report *r)
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

void
_ga_report_add_notes (Report *r)
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

void
_ga_report_add_basic_info (Report *r)
{
  const GaEnterprise *e = r->enterprise;
  const GaOwnership *ownership = ga_enterprise_find_ownership (e->ownership);
  const double widths[] = { 0.3, 0.7 };
  const char *header[] = { tr (r, "项目", "Field"), tr (r, "内容", "Details") };
  g_autofree char *industry = _ga_report_industry_text (r);
  g_autofree char *capital = format_optional_number (e->registered_capital, 2);
  g_autofree char *founded = _ga_report_format_iso_date (r, e->founded_on);
  g_autofree char *valid = NULL;
  g_autofree char *output = format_optional_number (e->output_value, 2);
  g_autofree char *added = format_optional_number (e->value_added, 2);
  g_autofree char *employees = e->employees >= 0
                               ? g_strdup_printf ("%" G_GINT64_FORMAT, e->employees) : NULL;
  GaDocTable *t;

  if (g_strcmp0 (e->valid_until, "long-term") == 0)
    valid = g_strdup (tr (r, "长期", "Long-term"));
  else
    valid = _ga_report_format_iso_date (r, e->valid_until);

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

void
_ga_report_add_declaration (Report *r)
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

void
_ga_report_add_evidence_index (Report *r)
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
      g_autofree char *supports = item != NULL ? _ga_report_item_name (r, item) : NULL;
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
