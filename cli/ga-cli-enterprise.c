/* ga-cli-enterprise.c: greenassess-cli enterprise
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ga-answer.h"
#include "ga-cli.h"
#include "ga-cli-store.h"
#include "ga-format.h"
#include "ga-json.h"
#include "ga-store-engine.h"

/* ------------------------------------------------------------------ */
/* enterprise                                                          */

/* Parses the value of a number option; a problem is added to @problems
 * (what, where, how) and *out is left as it was. */
static void
parse_number (const char *option,
              const char *text,
              const char *example,
              double     *out,
              GPtrArray  *problems)
{
  double v;

  if (text == NULL)
    return;
  v = ga_answer_is_decimal (text) ? g_ascii_strtod (text, NULL) : NAN;
  if (!isfinite (v))
    {
      g_ptr_array_add (problems, g_strdup_printf (_("%s: '%s' is not a number; write it like "
                                                    "%s %s"), option, text, option, example));
      return;
    }
  *out = v;
}

typedef struct {
  char *name, *code, *industry, *region, *address, *legal, *contact, *phone, *email;
  char *output, *added, *employees;
  /* The report's 基本信息表 (schema 3) */
  char *postal_code, *ownership, *authority, *capital, *founded, *valid_until, *legal_phone;
  char *department, *mobile, *fax, *products, *profile;
  char *kind;             /* factory or park (schema 7) */
} EnterpriseArgs;

static void
enterprise_args_clear (EnterpriseArgs *a)
{
  g_free (a->name);
  g_free (a->code);
  g_free (a->industry);
  g_free (a->region);
  g_free (a->address);
  g_free (a->legal);
  g_free (a->contact);
  g_free (a->phone);
  g_free (a->email);
  g_free (a->output);
  g_free (a->added);
  g_free (a->employees);
  g_free (a->postal_code);
  g_free (a->ownership);
  g_free (a->authority);
  g_free (a->capital);
  g_free (a->founded);
  g_free (a->valid_until);
  g_free (a->legal_phone);
  g_free (a->department);
  g_free (a->mobile);
  g_free (a->fax);
  g_free (a->products);
  g_free (a->profile);
  g_free (a->kind);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EnterpriseArgs, enterprise_args_clear)

#define ENTERPRISE_ENTRIES(a) \
  { "name", 0, 0, G_OPTION_ARG_STRING, &(a).name, N_("Name (企业名称)"), N_("NAME") }, \
  { "code", 0, 0, G_OPTION_ARG_STRING, &(a).code, \
    N_("统一社会信用代码 (18 characters, checked)"), N_("CODE") }, \
  { "industry", 0, 0, G_OPTION_ARG_STRING, &(a).industry, \
    N_("GB/T 4754-2017 section or division (C, 34 or C34)"), N_("CODE") }, \
  { "region", 0, 0, G_OPTION_ARG_STRING, &(a).region, \
    N_("GB/T 2260 province code or name (default: from the credit code)"), N_("CODE") }, \
  { "address", 0, 0, G_OPTION_ARG_STRING, &(a).address, N_("Address"), N_("TEXT") }, \
  { "legal-representative", 0, 0, G_OPTION_ARG_STRING, &(a).legal, \
    N_("Legal representative (法定代表人)"), N_("NAME") }, \
  { "contact", 0, 0, G_OPTION_ARG_STRING, &(a).contact, N_("Contact person"), N_("NAME") }, \
  { "phone", 0, 0, G_OPTION_ARG_STRING, &(a).phone, N_("Contact phone"), N_("PHONE") }, \
  { "email", 0, 0, G_OPTION_ARG_STRING, &(a).email, N_("Contact e-mail"), N_("EMAIL") }, \
  { "output-value", 0, 0, G_OPTION_ARG_STRING, &(a).output, \
    N_("Industrial output value (工业总产值), 万元"), N_("NUMBER") }, \
  { "value-added", 0, 0, G_OPTION_ARG_STRING, &(a).added, \
    N_("Industrial value added (工业增加值), 万元"), N_("NUMBER") }, \
  { "employees", 0, 0, G_OPTION_ARG_STRING, &(a).employees, N_("Number of employees"), \
    N_("NUMBER") }, \
  { "postal-code", 0, 0, G_OPTION_ARG_STRING, &(a).postal_code, N_("Postal code (邮编)"), \
    N_("CODE") }, \
  { "ownership", 0, 0, G_OPTION_ARG_STRING, &(a).ownership, \
    N_("单位性质: state-owned, collective, private, sino-foreign, hk-macao-taiwan or foreign"), \
    N_("KIND") }, \
  { "registration-authority", 0, 0, G_OPTION_ARG_STRING, &(a).authority, \
    N_("Registration authority (注册机关)"), N_("TEXT") }, \
  { "registered-capital", 0, 0, G_OPTION_ARG_STRING, &(a).capital, \
    N_("Registered capital (注册资本), 万元"), N_("NUMBER") }, \
  { "founded", 0, 0, G_OPTION_ARG_STRING, &(a).founded, N_("Founding date (成立日期)"), \
    N_("YYYY-MM-DD") }, \
  { "valid-until", 0, 0, G_OPTION_ARG_STRING, &(a).valid_until, \
    N_("Business term (营业期限): a date, or long-term"), N_("DATE") }, \
  { "legal-representative-phone", 0, 0, G_OPTION_ARG_STRING, &(a).legal_phone, \
    N_("The legal representative's phone"), N_("PHONE") }, \
  { "department", 0, 0, G_OPTION_ARG_STRING, &(a).department, \
    N_("Department that handles the application (申报工作联系部门)"), N_("TEXT") }, \
  { "mobile", 0, 0, G_OPTION_ARG_STRING, &(a).mobile, N_("Contact mobile (手机)"), \
    N_("PHONE") }, \
  { "fax", 0, 0, G_OPTION_ARG_STRING, &(a).fax, N_("Fax (传真)"), N_("PHONE") }, \
  { "products", 0, 0, G_OPTION_ARG_STRING, &(a).products, N_("Main products (主要产品)"), \
    N_("TEXT") }, \
  { "profile", 0, 0, G_OPTION_ARG_STRING, &(a).profile, \
    N_("Profile (单位简介): main business, production, honours"), N_("TEXT") }, \
  { "kind", 0, 0, G_OPTION_ARG_STRING, &(a).kind, \
    N_("factory (工厂, the default) or park (园区, a green industrial park with members)"), \
    N_("KIND") }, \
  GA_CLI_DB_ENTRY

static void
replace (char       **field,
         const char  *value)
{
  if (value != NULL)
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

/* Copies the options that were given onto @e; a bad number is added to
 * @problems and leaves its field as it was. */
static void
apply_enterprise_args (const EnterpriseArgs *a,
                       GaEnterprise         *e,
                       GPtrArray            *problems)
{
  double employees = NAN;

  replace (&e->name, a->name);
  replace (&e->credit_code, a->code);
  replace (&e->industry, a->industry);
  replace (&e->region, a->region);
  replace (&e->address, a->address);
  replace (&e->legal_representative, a->legal);
  replace (&e->contact_name, a->contact);
  replace (&e->contact_phone, a->phone);
  replace (&e->contact_email, a->email);
  replace (&e->postal_code, a->postal_code);
  replace (&e->ownership, a->ownership);
  replace (&e->registration_authority, a->authority);
  replace (&e->founded_on, a->founded);
  replace (&e->valid_until, a->valid_until);
  replace (&e->legal_representative_phone, a->legal_phone);
  replace (&e->contact_department, a->department);
  replace (&e->contact_mobile, a->mobile);
  replace (&e->fax, a->fax);
  replace (&e->main_products, a->products);
  replace (&e->profile, a->profile);
  if (a->kind != NULL && !ga_enterprise_kind_from_string (a->kind, &e->kind))
    g_ptr_array_add (problems,
                     g_strdup_printf (_("--kind: '%s' is not a kind of enterprise; give factory "
                                        "or park, like --kind park"), a->kind));
  parse_number ("--registered-capital", a->capital, "5000", &e->registered_capital, problems);
  parse_number ("--output-value", a->output, "12345.5", &e->output_value, problems);
  parse_number ("--value-added", a->added, "2345.25", &e->value_added, problems);
  parse_number ("--employees", a->employees, "250", &employees, problems);
  if (isnan (employees))
    return;
  /* -1 stands for "not given" in GaEnterprise: a typed negative number
   * must not silently mean that. */
  if (employees < 0 || employees != floor (employees) || employees > 1e12)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("--employees: '%s' is not a number of people; give a "
                                        "whole number of 0 or more, like --employees 250"),
                                      a->employees));
  else
    e->employees = (gint64) employees;
}

/* The option problems and every problem the store finds with @e, all at
 * once; FALSE when there were any (they are printed). */
static gboolean
check_enterprise (const char   *what,
                  GaEnterprise *e,
                  GPtrArray    *problems)
{
  g_autoptr(GError) error = NULL;

  if (!ga_enterprise_validate (e, &error))
    {
      g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (*lines[i] != '\0')
          g_ptr_array_add (problems, g_strdup (lines[i]));
    }
  for (guint i = 0; i < problems->len; i++)
    ga_cli_print_problem (what, g_ptr_array_index (problems, i));
  return problems->len == 0;
}

/* The province the credit code was registered in (its characters 3–8),
 * or NULL when the code is not valid or names no province. */
static const GaRegion *
code_region (const char *credit_code)
{
  g_autofree char *code = NULL;
  const char *province;

  if (credit_code == NULL)
    return NULL;
  code = ga_credit_code_normalize (credit_code);
  if (!ga_credit_code_validate (code, NULL))
    return NULL;
  province = ga_credit_code_get_province (code);
  return province != NULL ? ga_region_lookup (province) : NULL;
}

/* --region given and the code says otherwise: allowed (a branch may be
 * registered elsewhere), but worth a word. */
static void
note_region_mismatch (const EnterpriseArgs *a,
                      const GaEnterprise   *e)
{
  const GaRegion *from_code = code_region (e->credit_code);
  const GaRegion *given = a->region != NULL ? ga_region_lookup (a->region) : NULL;

  if (from_code != NULL && given != NULL && strcmp (from_code->code, given->code) != 0)
    g_printerr (_("note: the credit code %s was registered in %s, not in %s as --region "
                  "says; the region is kept as given\n"), e->credit_code, from_code->name,
                given->name);
}

static int
enterprise_add (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(EnterpriseArgs) a = { NULL };
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = { ENTERPRISE_ENTRIES (a), { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, NULL,
                               _("Adds an enterprise. --name and --code are required; the credit "
                                 "code is checked with its check character. Without --region the "
                                 "region is the province the credit code was registered in."),
                               entries, 0, NULL, &context, &exit_code))
    return exit_code;
  if (a.name == NULL || a.code == NULL)
    return ga_cli_usage_error (context, _("--name and --code are required"));
  apply_enterprise_args (&a, e, problems);
  if (!check_enterprise ("enterprise add", e, problems))
    return GA_CLI_EXIT_INVALID;
  note_region_mismatch (&a, e);

  store = ga_cli_open_store (FALSE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  id = ga_store_add_enterprise (store, e, &error);
  if (id == 0)
    return ga_cli_fail ("enterprise add", error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return GA_CLI_EXIT_OK;
}

static int
enterprise_edit (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaEnterprise) e = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *region_note = NULL;
  g_auto(EnterpriseArgs) a = { NULL };
  int exit_code;
  const GOptionEntry entries[] = { ENTERPRISE_ENTRIES (a), { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("ID|CODE"),
                               _("Changes the given fields of an enterprise. A new --code from "
                                 "another province changes the region too, unless --region is "
                                 "given."),
                               entries, 1, _("missing ID|CODE"), &context, &exit_code))
    return exit_code;
  store = ga_cli_open_store (FALSE);
  if (store == NULL || (e = ga_cli_resolve_enterprise (store, argv[1])) == NULL)
    return GA_CLI_EXIT_INVALID;
  apply_enterprise_args (&a, e, problems);

  /* The region follows a new credit code registered in another province:
   * keeping 广东 for a Jiangsu code would put the enterprise on the wrong
   * bureau's list. An explicit --region wins. */
  if (a.code != NULL && a.region == NULL)
    {
      const GaRegion *from_code = code_region (a.code);
      const GaRegion *stored = e->region != NULL ? ga_region_lookup (e->region) : NULL;

      if (from_code != NULL && (stored == NULL || strcmp (stored->code, from_code->code) != 0))
        {
          region_note = g_strdup_printf (_("region changed from %s to %s, where the new credit "
                                           "code was registered (give --region to choose "
                                           "another)"),
                                         stored != NULL ? stored->name : "-", from_code->name);
          replace (&e->region, from_code->code);
        }
    }
  if (!check_enterprise (argv[1], e, problems))
    return GA_CLI_EXIT_INVALID;
  note_region_mismatch (&a, e);
  if (!ga_store_update_enterprise (store, e, &error))
    return ga_cli_fail (argv[1], error);
  if (region_note != NULL)
    g_print ("%" G_GINT64_FORMAT ": %s\n", e->id, region_note);
  return GA_CLI_EXIT_OK;
}

static int
enterprise_list (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;
  int exit_code;
  const GOptionEntry entries[] = { GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, NULL,
                               _("Lists the enterprises with their latest assessment."),
                               entries, 0, NULL, &context, &exit_code))
    return exit_code;
  store = ga_cli_open_store (FALSE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  list = ga_store_list_enterprises (store, &error);
  if (list == NULL)
    return ga_cli_fail ("enterprise list", error);

  g_ptr_array_add (rows, g_strdupv ((char **) (const char *[]) {
                                      _("ID"), _("CREDIT CODE"), _("NAME"), _("INDUSTRY"),
                                      _("REGION"), _("ASSESSMENTS"), _("LATEST"), NULL }));
  for (guint i = 0; i < list->len; i++)
    {
      GaEnterpriseSummary *s = g_ptr_array_index (list, i);
      const GaRegion *region = ga_region_lookup (s->enterprise->region);
      char **row = g_new0 (char *, 8);

      row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, s->enterprise->id);
      row[1] = g_strdup (s->enterprise->credit_code);
      row[2] = g_strdup (s->enterprise->name);
      row[3] = g_strdup (ga_cli_or_dash (s->enterprise->industry));
      row[4] = g_strdup (region != NULL ? region->name : "-");
      row[5] = g_strdup_printf ("%u", s->n_assessments);
      row[6] = s->latest != NULL
               ? g_strdup_printf ("%" G_GINT64_FORMAT " %s (%s)", s->latest->id, s->latest->title,
                                  ga_assessment_status_to_string (s->latest->status))
               : g_strdup ("-");
      g_ptr_array_add (rows, row);
    }
  ga_cli_print_table (rows, 7);
  return GA_CLI_EXIT_OK;
}

/* The report's 基本信息表 fields, as `enterprise show` prints them. */
static void
print_details (const GaEnterprise *e)
{
  const GaOwnership *ownership = ga_enterprise_find_ownership (e->ownership);
  g_autofree char *capital = ga_format_number_plain (e->registered_capital, 2);
  const char *term = g_strcmp0 (e->valid_until, "long-term") == 0 ? _("long-term")
                                                                 : ga_cli_or_dash (e->valid_until);

  g_print ("%s: %s\n", _("Postal code"), ga_cli_or_dash (e->postal_code));
  g_print ("%s: %s\n", _("Ownership"),
           ownership == NULL ? "-"
           : g_str_has_prefix (ga_format_language (), "zh") ? ownership->label_zh
                                                           : ownership->label_en);
  g_print ("%s: %s\n", _("Registration authority"), ga_cli_or_dash (e->registration_authority));
  g_print ("%s: %s 万元\n", _("Registered capital"), capital);
  g_print ("%s: %s\n", _("Founded"), ga_cli_or_dash (e->founded_on));
  g_print ("%s: %s\n", _("Business term until"), term);
  g_print ("%s: %s\n", _("Legal representative's phone"),
           ga_cli_or_dash (e->legal_representative_phone));
  g_print ("%s: %s / %s / %s\n", _("Department, mobile, fax"),
           ga_cli_or_dash (e->contact_department), ga_cli_or_dash (e->contact_mobile),
           ga_cli_or_dash (e->fax));
  g_print ("%s: %s\n", _("Main products"), ga_cli_or_dash (e->main_products));
  g_print ("%s: %s\n", _("Profile"), ga_cli_or_dash (e->profile));
}

static int
enterprise_show (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaEnterprise) e = NULL;
  const GaIndustry *industry;
  const GaRegion *region;
  int exit_code;
  const GOptionEntry entries[] = { GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("ID|CODE"), _("Shows one enterprise."),
                               entries, 1, _("missing ID|CODE"), &context, &exit_code))
    return exit_code;
  store = ga_cli_open_store (FALSE);
  if (store == NULL || (e = ga_cli_resolve_enterprise (store, argv[1])) == NULL)
    return GA_CLI_EXIT_INVALID;

  industry = ga_industry_lookup (e->industry);
  region = ga_region_lookup (e->region);
  g_print ("%s: %" G_GINT64_FORMAT "\n", _("Id"), e->id);
  g_print ("%s: %s%s\n", _("Name"), e->name, e->demo ? _(" (demo data)") : "");
  g_print ("%s: %s\n", _("Kind"), e->kind == GA_ENTERPRISE_PARK ? _("park") : _("factory"));
  g_print ("%s: %s\n", _("Credit code"), e->credit_code);
  g_print ("%s: %s %s\n", _("Industry"), ga_cli_or_dash (e->industry),
           industry != NULL ? industry->name : "");
  g_print ("%s: %s %s\n", _("Region"), ga_cli_or_dash (e->region),
           region != NULL ? region->name : "");
  g_print ("%s: %s\n", _("Address"), ga_cli_or_dash (e->address));
  g_print ("%s: %s\n", _("Legal representative"), ga_cli_or_dash (e->legal_representative));
  g_print ("%s: %s / %s / %s\n", _("Contact"), ga_cli_or_dash (e->contact_name),
           ga_cli_or_dash (e->contact_phone), ga_cli_or_dash (e->contact_email));
  {
    g_autofree char *output = ga_format_number_plain (e->output_value, 2);
    g_autofree char *added = ga_format_number_plain (e->value_added, 2);

    g_print ("%s: %s 万元\n", _("Output value"), output);
    g_print ("%s: %s 万元\n", _("Value added"), added);
  }
  if (e->employees >= 0)
    g_print ("%s: %" G_GINT64_FORMAT "\n", _("Employees"), e->employees);
  else
    g_print ("%s: -\n", _("Employees"));
  print_details (e);
  return GA_CLI_EXIT_OK;
}

int
ga_cli_cmd_enterprise (int    argc,
                       char **argv)
{
  static const GaCliSubCommand subs[] = {
    { "add", "--name NAME --code CODE [--industry C34] [--region 350000] […]", enterprise_add },
    { "list", "", enterprise_list },
    { "show", "ID|CODE", enterprise_show },
    { "edit", "ID|CODE [--name NAME] […]", enterprise_edit },
  };

  return ga_cli_dispatch ("enterprise", subs, G_N_ELEMENTS (subs), argc, argv);
}
