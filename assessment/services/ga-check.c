/* ga-check.c: the pre-submission check
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a bureau reviewer sends back before reading further: items not
 * answered, 不适用 without a reason, evidence the item asks for and the
 * assessment does not carry, results resting on values that are not
 * checked against the official text, results that cannot be computed,
 * values outside their plausible range (ga-check-range.c), and empty
 * fields of the report's 基本信息表; and, as warnings, the parts of
 * the self-evaluation report the user has written nothing for (the report
 * then shows only the generated facts there). Each finding names the item (its
 * clause or display number and title) or the field, so the front ends can
 * lead the user there. Nothing here blocks an export.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ga-check-private.h"
#include "ga-narrative.h"

void
ga_check_finding_free (GaCheckFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->field);
  g_free (finding->message);
  g_free (finding);
}

GaCheckFinding *
_ga_check_add (GPtrArray     *findings,
               GaCheckKind    kind,
               const GaItem  *item,
               const char    *field,
               char          *message)
{
  GaCheckFinding *finding = g_new0 (GaCheckFinding, 1);

  finding->kind = kind;
  finding->item = item;
  finding->field = g_strdup (field);
  finding->message = message;
  g_ptr_array_add (findings, finding);
  return finding;
}

static void
add (GPtrArray     *findings,
     GaCheckKind    kind,
     const GaItem  *item,
     const char    *field,
     char          *message)
{
  _ga_check_add (findings, kind, item, field, message);
}

/* What went wrong in an error value: its message, else its code. */
static const char *
error_text (const GaValue *value)
{
  if (value->kind != GA_VALUE_ERROR)
    return "";
  if (value->u.error.message != NULL && *value->u.error.message != '\0')
    return value->u.error.message;
  return ga_error_code_to_string (value->u.error.code);
}

/* The item as the user knows it: its number and title, "2.3 “title”"
 * (the front ends lead to the row). */
static char *
item_name (const GaItem *item)
{
  return g_strdup_printf ("%s “%s”", ga_item_get_number (item), ga_text_get (&item->title, NULL));
}

static void
check_item (GaSession    *session,
            const GaItem *item,
            GPtrArray    *findings)
{
  GaEngine *engine = ga_session_get_engine (session);
  const GaResult *result = ga_engine_get_item_result (engine, item);
  const GaAnswer *answer = ga_session_get_answer (session, item);
  g_autofree char *name = item_name (item);

  if (item->kind == GA_ITEM_COMPUTED)
    {
      if (result->status == GA_STATUS_ERROR)
        add (findings, GA_CHECK_ERROR, item, NULL,
             g_strdup_printf (_("%s cannot be computed yet: %s"), name,
                              error_text (&result->value)));
      else if (result->unverified && result->status == GA_STATUS_COMPLETE)
        add (findings, GA_CHECK_UNVERIFIED, item, NULL,
             g_strdup_printf (_("%s uses a value that is not checked against the official "
                                "text; check it before submitting"), name));
      if (result->status == GA_STATUS_COMPLETE)
        _ga_check_ranges (session, item, findings);
      return;
    }

  if (result->status == GA_STATUS_NA)
    {
      g_autofree char *reason = answer != NULL && answer->na_reason != NULL
                                ? g_strstrip (g_strdup (answer->na_reason)) : NULL;

      if (answer != NULL && answer->not_applicable && (reason == NULL || *reason == '\0'))
        add (findings, GA_CHECK_NA_REASON, item, NULL,
             g_strdup_printf (_("%s is answered 不适用 without a reason; a reviewer asks "
                                "why"), name));
      return;
    }
  /* The engine knows what an item needs (an empty optional table is
   * complete); an unanswered item it still waits for is a finding. */
  if ((answer == NULL || ga_answer_is_empty (answer)) && result->status == GA_STATUS_INCOMPLETE)
    {
      add (findings, GA_CHECK_UNANSWERED, item, NULL,
           item->veto
           ? g_strdup_printf (_("%s is a veto item (一票否决) and not answered"), name)
           : g_strdup_printf (_("%s is not answered"), name));
      return;
    }
  if (answer == NULL || ga_answer_is_empty (answer))
    return;
  if (result->status == GA_STATUS_ERROR)
    add (findings, GA_CHECK_ERROR, item, NULL,
         g_strdup_printf (_("%s cannot be scored yet: %s"), name,
                          error_text (&result->value)));
  if (item->evidence != NULL && item->evidence->len > 0
      && ga_session_get_evidence_count (session, item) == 0)
    add (findings, GA_CHECK_EVIDENCE, item, NULL,
         g_strdup_printf (_("%s has no evidence attached; the template asks for: %s"), name,
                          (const char *) g_ptr_array_index (item->evidence, 0)));
  if (result->unverified)
    add (findings, GA_CHECK_UNVERIFIED, item, NULL,
         g_strdup_printf (_("%s uses a value that is not checked against the official text; "
                            "check it before submitting"), name));
  _ga_check_ranges (session, item, findings);
}

typedef struct {
  const char *field;
  const char *label;   /* N_() */
  gsize       offset;  /* of the char* in GaEnterprise, or G_MAXSIZE for a number */
} EnterpriseField;

#define TEXT_FIELD(f, label) { #f, label, G_STRUCT_OFFSET (GaEnterprise, f) }

/* The 基本信息表 of the self-evaluation report (fax is optional there). */
static const EnterpriseField report_fields[] = {
  TEXT_FIELD (industry, N_("Industry (所属行业)")),
  TEXT_FIELD (region, N_("Region (所在省市)")),
  TEXT_FIELD (address, N_("Address (通讯地址)")),
  TEXT_FIELD (postal_code, N_("Postal code (邮编)")),
  TEXT_FIELD (ownership, N_("Ownership (单位性质)")),
  TEXT_FIELD (registration_authority, N_("Registration authority (注册机关)")),
  { "registered_capital", N_("Registered capital (注册资本)"), G_MAXSIZE },
  TEXT_FIELD (founded_on, N_("Founding date (成立日期)")),
  TEXT_FIELD (valid_until, N_("Business term (有效期)")),
  TEXT_FIELD (legal_representative, N_("Legal representative (法定代表人)")),
  TEXT_FIELD (legal_representative_phone, N_("Legal representative's phone")),
  TEXT_FIELD (contact_department, N_("Contact department (申报工作联系部门)")),
  TEXT_FIELD (contact_name, N_("Contact person (联系人)")),
  TEXT_FIELD (contact_phone, N_("Contact phone (联系电话)")),
  TEXT_FIELD (contact_mobile, N_("Mobile (手机)")),
  TEXT_FIELD (contact_email, N_("E-mail (电子邮箱)")),
  TEXT_FIELD (profile, N_("Profile (单位简介)")),
};

static void
check_enterprise (const GaEnterprise *e,
                  GPtrArray          *findings)
{
  for (guint i = 0; i < G_N_ELEMENTS (report_fields); i++)
    {
      const EnterpriseField *f = &report_fields[i];
      gboolean empty;

      if (f->offset == G_MAXSIZE)
        empty = isnan (e->registered_capital);
      else
        {
          const char *text = G_STRUCT_MEMBER (const char *, e, f->offset);

          empty = text == NULL || *text == '\0';
        }
      if (empty)
        add (findings, GA_CHECK_ENTERPRISE, NULL, f->field,
             g_strdup_printf (_("The enterprise's %s is empty; the report's basic information "
                                "table asks for it"), _(f->label)));
    }
}

static void
check_narratives (GaSession *session,
                  GPtrArray *findings)
{
  GPtrArray *outline = ga_session_get_narrative_outline (session);

  for (guint i = 0; i < outline->len; i++)
    {
      const GaNarrativePart *part = g_ptr_array_index (outline, i);
      g_autofree char *title = NULL;
      GaCheckFinding *finding;

      if (ga_session_get_narrative (session, part->key) != NULL)
        continue;
      title = part->parent != NULL ? g_strdup_printf ("%s · %s", part->parent, part->title)
                                   : g_strdup (part->title);
      finding = _ga_check_add (findings, GA_CHECK_NARRATIVE, NULL, part->key,
                               g_strdup_printf (_("The report part “%s” (%s) has no text of "
                                                  "your own; the report shows only the "
                                                  "generated figures there"),
                                                title, part->key));
      finding->warning = TRUE;
    }
}

GPtrArray *
ga_check_session (GaSession *session)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_check_finding_free);
  GPtrArray *items;

  g_return_val_if_fail (GA_IS_SESSION (session), NULL);

  items = ga_template_get_items (ga_session_get_template (session));
  for (guint i = 0; i < items->len; i++)
    check_item (session, g_ptr_array_index (items, i), findings);
  check_enterprise (ga_session_get_enterprise (session), findings);
  check_narratives (session, findings);
  return findings;
}
