/* ga-export-labels.c: the labels a user sees, in the cells and in the formulas that read them
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A compliance, yes/no or choice item holds an option id for the engine
 * ("yes", "product", TRUE); its cell in the workbook holds the label the
 * user chose (符合, 单位产品, 是), so that a reviewer reads and types the
 * same words as in the application. The formulas that read such a cell are
 * the engine's own formula trees, rewritten here before their translation:
 * a text constant compared with the cell becomes the option's label, and
 * where a formula needs the id itself (joined into a look-up key, say) the
 * label is turned back into the id by a formula. A FACTOR() whose key is a
 * choice over a lookup table's rows looks the row up by its label.
 *
 * The rewriting walks the compiled tree (ga-formula-private.h) and builds
 * the new one with the formula builder, which works out the strict
 * references as for any formula, so blank and N/A keep their rules.
 */
#include "config.h"

#include <string.h>

#include "ga-export-book.h"
#include "ga-formula-private.h"

/* ----------------------------------------------------------------- domains */

static ExDomain *
domain_new (void)
{
  ExDomain *d = g_new0 (ExDomain, 1);

  d->ids = g_ptr_array_new_with_free_func (g_free);
  d->labels = g_ptr_array_new_with_free_func (g_free);
  return d;
}

void
ex_domain_free (gpointer data)
{
  ExDomain *d = data;

  if (d == NULL)
    return;
  g_ptr_array_unref (d->ids);
  g_ptr_array_unref (d->labels);
  g_free (d);
}

/* Adds @id with @label, made unique within the domain and never the text
 * of a not applicable cell. */
static void
domain_add (Export     *ex,
            ExDomain   *d,
            const char *id,
            const char *label)
{
  g_autofree char *unique = NULL;

  if (label == NULL || *label == '\0')
    label = id;
  unique = g_strdup (label);
  for (guint n = 2; ; n++)
    {
      gboolean taken = g_str_equal (unique, ex->na_text);

      for (guint i = 0; i < d->labels->len && !taken; i++)
        taken = g_str_equal (d->labels->pdata[i], unique);
      if (!taken)
        break;
      g_free (unique);
      unique = g_strdup_printf (ex->zh ? "%s（%u）" : "%s (%u)", label, n);
    }
  g_ptr_array_add (d->ids, g_strdup (id));
  g_ptr_array_add (d->labels, g_steal_pointer (&unique));
}

/* The label of a lookup table's row: its own label, else the text of its
 * first column (the name), else its key. */
static const char *
row_label (Export           *ex,
           const GaTableRow *row)
{
  const char *label = ga_text_get (&row->label, ex->lang);

  if (label != NULL && *label != '\0' && g_strcmp0 (label, row->key) != 0)
    return label;
  if (row->cells != NULL && row->cells[0].kind == GA_VALUE_TEXT && *row->cells[0].u.text != '\0')
    return row->cells[0].u.text;
  return row->key;
}

const ExDomain *
ex_table_domain (Export              *ex,
                 const GaLookupTable *table)
{
  ExDomain *d;

  if (g_hash_table_lookup_extended (ex->domains, table, NULL, (gpointer *) &d))
    return d;
  d = domain_new ();
  d->options_table = table->id;
  for (guint r = 0; r < table->rows->len; r++)
    {
      const GaTableRow *row = g_ptr_array_index (table->rows, r);

      if (row->key != NULL)
        domain_add (ex, d, row->key, row_label (ex, row));
    }
  g_hash_table_insert (ex->domains, (gpointer) table, d);
  return d;
}

static ExDomain *
options_domain (Export    *ex,
                GPtrArray *options)
{
  ExDomain *d = domain_new ();

  for (guint i = 0; options != NULL && i < options->len; i++)
    {
      const GaOption *o = g_ptr_array_index (options, i);

      domain_add (ex, d, o->id, ex_text_of (ex, &o->label));
    }
  return d;
}

static ExDomain *
compliance_domain (Export *ex)
{
  ExDomain *d = domain_new ();

  domain_add (ex, d, GA_COMPLIANCE_YES, ex_tr (ex, "符合", "Met"));
  domain_add (ex, d, GA_COMPLIANCE_PARTIAL, ex_tr (ex, "部分符合", "Partly met"));
  domain_add (ex, d, GA_COMPLIANCE_NO, ex_tr (ex, "不符合", "Not met"));
  return d;
}

static ExDomain *
yesno_domain (Export *ex)
{
  ExDomain *d = domain_new ();

  d->boolean = TRUE;
  domain_add (ex, d, "TRUE", ex_tr (ex, "是", "Yes"));
  domain_add (ex, d, "FALSE", ex_tr (ex, "否", "No"));
  return d;
}

const ExDomain *
ex_item_domain (Export       *ex,
                const GaItem *item)
{
  ExDomain *d = NULL;

  if (item == NULL)
    return NULL;
  if (g_hash_table_lookup_extended (ex->domains, item, NULL, (gpointer *) &d))
    return d;
  switch (item->kind)
    {
    case GA_ITEM_COMPLIANCE:
      d = compliance_domain (ex);
      break;
    case GA_ITEM_YESNO:
      d = yesno_domain (ex);
      break;
    case GA_ITEM_CHOICE:
      d = options_domain (ex, item->options);
      break;
    default:
      break;
    }
  g_hash_table_insert (ex->domains, (gpointer) item, d);
  return d;
}

const ExDomain *
ex_column_domain (Export         *ex,
                  const GaColumn *column)
{
  ExDomain *d = NULL;

  if (column == NULL)
    return NULL;
  if (column->kind == GA_ITEM_CHOICE && column->options_table != NULL)
    {
      GaLookupTable *table = ga_template_find_table (ex->tmpl, column->options_table);

      if (table != NULL)
        return ex_table_domain (ex, table);
    }
  if (g_hash_table_lookup_extended (ex->domains, column, NULL, (gpointer *) &d))
    return d;
  if (column->kind == GA_ITEM_CHOICE)
    d = options_domain (ex, column->options);
  else if (column->kind == GA_ITEM_YESNO)
    d = yesno_domain (ex);
  g_hash_table_insert (ex->domains, (gpointer) column, d);
  return d;
}

const char *
ex_domain_label (const ExDomain *domain,
                 const char     *id)
{
  if (domain == NULL || id == NULL)
    return NULL;
  for (guint i = 0; i < domain->ids->len; i++)
    if (g_str_equal (domain->ids->pdata[i], id))
      return domain->labels->pdata[i];
  /* Keys of lookup tables and option ids compare as Excel compares text. */
  for (guint i = 0; i < domain->ids->len; i++)
    if (ga_text_compare (domain->ids->pdata[i], id) == 0)
      return domain->labels->pdata[i];
  return NULL;
}

void
ex_domain_value (const ExDomain *domain,
                 const GaValue  *value,
                 GaValue        *out)
{
  const char *label = NULL;

  *out = (GaValue) GA_VALUE_INIT;
  if (domain != NULL && domain->boolean && value->kind == GA_VALUE_BOOLEAN)
    label = domain->labels->pdata[value->u.boolean ? 0 : 1];
  else if (domain != NULL && !domain->boolean && value->kind == GA_VALUE_TEXT)
    label = ex_domain_label (domain, value->u.text);
  if (label != NULL)
    ga_value_set_text (out, label);
  else
    ga_value_copy (value, out);
}

/* --------------------------------------------------------- the rewriting */

typedef struct {
  Export           *ex;
  GaFormula        *f;
  GaFormulaBuilder *b;
  gboolean          changed;
} Rewrite;

/* A rewritten node: its term and, when it gives the value of a labelled
 * cell (a label, or a text constant that may be one), the domain. */
typedef struct {
  GaTerm          term;
  const ExDomain *domain;
  const GaNode   *constant;   /* the original node when it is a text or boolean constant */
} Part;

static Part rewrite (Rewrite      *rw,
                     const GaNode *node);

/* The domain of the reference @name: a labelled item, or inside a table
 * row a labelled column of the row. */
static const ExDomain *
ref_domain (Export     *ex,
            const char *name)
{
  if (ex->row_table != NULL)
    {
      GPtrArray *columns = ex->row_table->columns;

      for (guint i = 0; i < columns->len; i++)
        {
          const GaColumn *c = g_ptr_array_index (columns, i);

          if (g_str_equal (c->id, name))
            return ex_column_domain (ex, c);
        }
    }
  return ex_item_domain (ex, ga_template_find_item (ex->tmpl, name));
}

/* The constant @node mapped into @domain: an option id becomes its label,
 * TRUE and FALSE the labels of a yes/no. Anything else stays. */
static GaTerm
map_constant (Rewrite        *rw,
              const GaNode   *node,
              const ExDomain *domain,
              GaTerm          same)
{
  const char *label = NULL;

  if (domain->boolean && node->op == GA_OP_BOOLEAN)
    label = domain->labels->pdata[node->u.boolean ? 0 : 1];
  else if (!domain->boolean && node->op == GA_OP_TEXT)
    label = ex_domain_label (domain, node->u.text);
  if (label == NULL)
    return same;
  rw->changed = TRUE;
  return ga_formula_builder_text (rw->b, label);
}

/* A labelled value turned back into what the engine holds:
 * IF(v="label1","id1",IF(v="label2","id2",…v)), TRUE/FALSE for a yes/no. */
static GaTerm
plain (Rewrite *rw,
       Part     part)
{
  const ExDomain *d = part.domain;
  GaTerm t = part.term;

  if (d == NULL || part.constant != NULL)
    return part.term;
  rw->changed = TRUE;
  for (guint i = d->ids->len; i > 0; i--)
    {
      GaTerm test = ga_formula_builder_op (rw->b, GA_OP_EQ, part.term,
                                           ga_formula_builder_text (rw->b,
                                                                    d->labels->pdata[i - 1]));
      GaTerm id = d->boolean
                  ? ga_formula_builder_boolean (rw->b, g_str_equal (d->ids->pdata[i - 1], "TRUE"))
                  : ga_formula_builder_text (rw->b, d->ids->pdata[i - 1]);

      t = ga_formula_builder_call (rw->b, GA_FN_IF, 3, test, id, t);
    }
  return t;
}

static Part
plain_part (GaTerm term)
{
  return (Part) { term, NULL, NULL };
}

/* Two parts that meet (compared, or the branches of an IF): when one is a
 * labelled value, a constant on the other side becomes a label and the
 * result keeps the domain; otherwise both are turned back into values. */
static const ExDomain *
meet (Rewrite *rw,
      Part    *a,
      Part    *b)
{
  if (a->domain != NULL && a->constant == NULL)
    {
      if (b->constant != NULL)
        {
          b->term = map_constant (rw, b->constant, a->domain, b->term);
          return a->domain;
        }
      if (b->domain == a->domain)
        return a->domain;
    }
  else if (b->domain != NULL && b->constant == NULL)
    return meet (rw, b, a);
  a->term = plain (rw, *a);
  b->term = plain (rw, *b);
  return NULL;
}

static Part
rewrite_call (Rewrite      *rw,
              const GaNode *node)
{
  const GaFunctionInfo *info = &ga_function_table[node->func];
  guint n = node->n_args;
  g_autofree GaTerm *args = g_new0 (GaTerm, MAX (n, 1));
  const ExDomain *domain = NULL;

  switch ((GaFunc) node->func)
    {
    case GA_FN_IF:
      if (n == 3)
        {
          Part cond = rewrite (rw, ga_formula_arg (rw->f, node, 0));
          Part then = rewrite (rw, ga_formula_arg (rw->f, node, 1));
          Part other = rewrite (rw, ga_formula_arg (rw->f, node, 2));

          domain = meet (rw, &then, &other);
          args[0] = plain (rw, cond);
          args[1] = then.term;
          args[2] = other.term;
          return (Part) { ga_formula_builder_callv (rw->b, GA_FN_IF, 3, args), domain, NULL };
        }
      break;
    case GA_FN_IFBLANK:
      {
        /* The value keeps its cell's domain, so that a constant fallback
         * becomes a label too: IFBLANK(elec_basis, "calorific"). A direct
         * reference stays one, so that it stays blank-aware. */
        Part value = rewrite (rw, ga_formula_arg (rw->f, node, 0));
        Part fallback = rewrite (rw, ga_formula_arg (rw->f, node, 1));

        if (value.domain != NULL && fallback.constant != NULL)
          fallback.term = map_constant (rw, fallback.constant, value.domain, fallback.term);
        else if (value.domain == NULL || fallback.domain != value.domain)
          fallback.term = plain (rw, fallback);
        /* A fallback that is not a label passes through plain() as it
         * is: the result keeps the value's domain either way. */
        domain = value.domain;
        args[0] = value.domain != NULL ? value.term : plain (rw, value);
        args[1] = fallback.term;
        return (Part) { ga_formula_builder_callv (rw->b, GA_FN_IFBLANK, 2, args), domain, NULL };
      }
    case GA_FN_FACTOR:
      {
        /* A key that is a choice over this very table's rows is looked up
         * by the label its cell holds. */
        const GaNode *table = ga_formula_arg (rw->f, node, 0);
        Part key = rewrite (rw, ga_formula_arg (rw->f, node, 1));

        if (key.domain != NULL && key.constant == NULL && key.domain->options_table != NULL
            && g_str_equal (key.domain->options_table, table->u.text))
          {
            g_autofree char *by_label = g_strconcat (table->u.text, EX_BY_LABEL, NULL);

            rw->changed = TRUE;
            args[0] = ga_formula_builder_text (rw->b, by_label);
            args[1] = key.term;
          }
        else
          {
            args[0] = ga_formula_builder_text (rw->b, table->u.text);
            args[1] = plain (rw, key);
          }
        args[2] = rewrite (rw, ga_formula_arg (rw->f, node, 2)).term;
        return plain_part (ga_formula_builder_callv (rw->b, GA_FN_FACTOR, 3, args));
      }
    default:
      break;
    }

  for (guint i = 0; i < n; i++)
    {
      const GaNode *arg = ga_formula_arg (rw->f, node, i);
      gboolean aware = (info->flags & GA_FN_FLAG_BLANK_AWARE)
                       || (i == 0 && (info->flags & GA_FN_FLAG_FIRST_BLANK_AWARE));
      Part p = rewrite (rw, arg);

      /* ISBLANK(x), COUNT(x) …: blank and N/A read the same in a label;
       * the reference must stay direct to stay blank-aware. */
      if (aware && (arg->op == GA_OP_REF || arg->op == GA_OP_RANGE))
        args[i] = p.term;
      else
        args[i] = plain (rw, p);
    }
  return plain_part (ga_formula_builder_callv (rw->b, node->func, n, args));
}

static Part
rewrite (Rewrite      *rw,
         const GaNode *node)
{
  GaFormula *f = rw->f;

  switch ((GaOp) node->op)
    {
    case GA_OP_NUMBER:
      return plain_part (ga_formula_builder_number (rw->b, node->u.number));
    case GA_OP_TEXT:
      return (Part) { ga_formula_builder_text (rw->b, node->u.text), NULL, node };
    case GA_OP_BOOLEAN:
      return (Part) { ga_formula_builder_boolean (rw->b, node->u.boolean), NULL, node };
    case GA_OP_REF:
      {
        const char *name = f->refs[node->u.ref].name;

        return (Part) { ga_formula_builder_ref (rw->b, name), ref_domain (rw->ex, name), NULL };
      }
    case GA_OP_RANGE:
      return plain_part (ga_formula_builder_range (rw->b, f->refs[node->u.ref].name));
    case GA_OP_CALL:
      return rewrite_call (rw, node);
    case GA_OP_NEG:
    case GA_OP_POS:
    case GA_OP_PERCENT:
      return plain_part (ga_formula_builder_op (rw->b, node->op,
                                                plain (rw, rewrite (rw, &f->nodes[node->a])), 0));
    case GA_OP_EQ:
    case GA_OP_NE:
      {
        Part left = rewrite (rw, &f->nodes[node->a]);
        Part right = rewrite (rw, &f->nodes[node->b]);

        meet (rw, &left, &right);
        return plain_part (ga_formula_builder_op (rw->b, node->op, left.term, right.term));
      }
    default:
      {
        Part left = rewrite (rw, &f->nodes[node->a]);
        Part right = rewrite (rw, &f->nodes[node->b]);

        return plain_part (ga_formula_builder_op (rw->b, node->op, plain (rw, left),
                                                  plain (rw, right)));
      }
    }
}

/* Whether @formula reads a labelled cell at all. */
static gboolean
reads_labels (Export    *ex,
              GaFormula *formula)
{
  for (guint i = 0; i < ga_formula_get_n_refs (formula); i++)
    if (!ga_formula_ref_is_range (formula, i)
        && ref_domain (ex, ga_formula_get_ref (formula, i)) != NULL)
      return TRUE;
  return FALSE;
}

GaFormula *
ex_label_formula (Export    *ex,
                  GaFormula *formula,
                  gboolean   shown)
{
  g_autoptr(GaFormulaBuilder) b = NULL;
  Rewrite rw = { ex, formula, NULL, FALSE };
  gboolean lenient = TRUE;
  Part root;

  if (formula == NULL || !reads_labels (ex, formula))
    return formula != NULL ? ga_formula_ref (formula) : NULL;
  b = ga_formula_builder_new ();
  rw.b = b;
  /* A formula that was made without the guard of strict references
   * (ga_formula_builder_set_lenient()) keeps none. */
  for (guint i = 0; i < ga_formula_get_n_refs (formula) && lenient; i++)
    lenient = !ga_formula_ref_is_strict (formula, i);
  ga_formula_builder_set_lenient (b, lenient);
  root = rewrite (&rw, &formula->nodes[formula->root]);
  if (!shown)
    root.term = plain (&rw, root);
  if (!rw.changed)
    return ga_formula_ref (formula);
  return ga_formula_builder_finish (b, root.term);
}
