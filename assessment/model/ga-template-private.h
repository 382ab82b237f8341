/* ga-template-private.h: template internals shared by the loader, the validator and the engine
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ga-template.h"
#include "ga-answer.h"
#include "ga-json-doc.h"

G_BEGIN_DECLS

/* What a name in a formula stands for. */
typedef enum {
  GA_SYMBOL_ITEM,
  GA_SYMBOL_SECTION,
  GA_SYMBOL_OUTPUT,
  GA_SYMBOL_COLUMN,   /* a column of a repeatable table, visible by bare id in its row formulas */
} GaSymbolKind;

typedef struct {
  GaSymbolKind kind;
  guint        index;    /* item, section or output index; COLUMN: index of the table item */
  guint        column;   /* COLUMN: position in the table's columns */
} GaSymbol;

/* Nodes of the dependency graph. The numbering is fixed by the template:
 *   [0, n_items)                         items
 *   [sa_base, sa_base + n_sections)      applicability of each section
 *   [sec_base, sec_base + n_sections)    section aggregates
 *   [out_base, out_base + n_outputs)     outputs
 *   column_node_base[item] + c           table columns */
typedef enum {
  GA_NODE_ITEM,
  GA_NODE_SECTION_APPLICABLE,
  GA_NODE_SECTION,
  GA_NODE_OUTPUT,
  GA_NODE_COLUMN,
} GaNodeKind;

typedef struct {
  GaNodeKind kind;
  guint      index;   /* item / section / output index; COLUMN: table item index */
  guint      column;  /* COLUMN only */
} GaNode;

/* One formula of the template with what it needs for checking and binding. */
typedef struct {
  GaFormula *formula;     /* borrowed from the template structures */
  char      *path;        /* JSON path of the field, for messages */
  GaNodeKind owner_kind;  /* what the formula belongs to ... */
  guint      owner_index;
  guint      owner_column;
  guint      node;        /* ... and its node, once the nodes are numbered */
  GaItem    *scope;       /* table whose columns are visible by bare id (row formulas) */
  GaItem    *self;        /* item that may reference itself (score and weight formulas) */
  GaStaticType expect;    /* what the field needs (ANY = anything) */
  gboolean   condition;   /* applicability: must be a condition */
} GaFormulaSite;

struct _GaTemplate {
  gint          ref_count;
  GBytes       *bytes;
  char         *content_hash;
  char         *origin;

  char         *id;
  char         *version;
  GaTemplateKind kind;
  GaText        title;
  GaText        description;
  char         *standard;
  char         *standard_title;
  char         *effective;
  char         *province;
  char         *source;
  gboolean      verified;
  char         *unverified_reason;
  char         *based_on_id;       /* the template this one extends, if any */
  char         *based_on_version;
  char         *based_on_hash;     /* SHA-256 of the base's bytes */
  GStrv         industries;        /* GB/T 4754 divisions the template is written for */

  GaScheme      scheme;
  double        max_score;
  double        pass_score;
  double        bonus_cap;
  GaNaPolicy    na_policy;
  GPtrArray    *grades;
  GPtrArray    *level_rules;

  GPtrArray    *root_sections;
  GPtrArray    *sections;
  GPtrArray    *items;
  GPtrArray    *outputs;
  GPtrArray    *tables;
  GPtrArray    *output_paths;   /* char*, JSON path of each output */

  GHashTable   *symbols;        /* id -> GaSymbol* */
  GHashTable   *tables_by_id;   /* id -> GaLookupTable* */

  /* The dependency graph, built once when the template is validated. */
  guint         n_nodes;
  guint         sa_base;
  guint         sec_base;
  guint         out_base;
  guint         col_base;
  guint        *column_node_base;  /* per item: first column node, G_MAXUINT if not a table */
  GaNode       *nodes;
  guint        *dep_start;         /* n_nodes + 1 offsets into deps (upstream nodes) */
  guint        *deps;
  guint        *users_start;       /* n_nodes + 1 offsets into users (downstream nodes) */
  guint        *users;
  guint        *topo;              /* every node, dependencies first */
  guint        *topo_pos;          /* node -> position in topo */
  GaStaticType *node_types;        /* static type of each node's value */
  GPtrArray    *sites;             /* GaFormulaSite*, every formula of the template */

  /* The scoring rules of the items (GaFormula*, NULL where an item has
   * none), generated once by the scoring layer (ga-scheme.c) and kept with
   * the template like its parsed formulas. */
  GPtrArray    *rules;
  gsize         rules_made;
};

/* The loader's state: the template under construction and the problems found. */
typedef struct {
  GaTemplate *tmpl;
  GPtrArray  *problems;   /* char*, "path: message" */
  GHashTable *id_paths;   /* id -> JSON path of its first definition */
  GHashTable *untyped;    /* GaItem* whose kind is unknown: checks that depend on the
                           * kind are skipped for them, so one typo gives one problem */
} GaLoader;

void          ga_loader_problem          (GaLoader      *loader,
                                          const char    *path,
                                          const char    *format,
                                          ...) G_GNUC_PRINTF (3, 4);

/* ga-template-load-fields.c: the loader's readers, shared by the parts of
 * the loader. Each reports a missing or wrong-typed field with its JSON
 * path and returns FALSE (or NULL); the caller keeps its default. */

/* Whom a formula belongs to: the owner of its site, and the table or item
 * whose names it may use without qualification. */
typedef struct {
  GaNodeKind    owner_kind;
  guint         owner_index;
  guint         owner_column;
  GaItem       *scope;
  GaItem       *self;
} GaSiteOwner;

static inline GaJsonNode *
ga_member (GaJsonNode *obj,
           const char *key)
{
  return ga_json_object_get_member (obj, key);
}

/* "path.key", and "path.key[index]" (or "path[index]" without @key). */
char         *ga_field_path              (const char    *path,
                                          const char    *key);
char         *ga_index_path              (const char    *path,
                                          const char    *key,
                                          guint          index);
/* "a string", "a list", … for "found …" in messages. */
const char   *ga_node_description        (GaJsonNode    *node);
gboolean      ga_node_is_string          (GaJsonNode    *node);
gboolean      ga_node_is_number          (GaJsonNode    *node);
gboolean      ga_node_is_boolean         (GaJsonNode    *node);
/* The name of @allowed that @word most likely meant, or NULL. */
const char   *ga_closest_name            (const char    *word,
                                          const char * const *allowed);
/* Letters, digits and _, not starting with a digit, and not TRUE/FALSE:
 * what a formula can refer to. */
gboolean      ga_is_identifier           (const char    *id);
void          ga_loader_check_fields     (GaLoader      *l,
                                          GaJsonNode    *obj,
                                          const char    *path,
                                          const char * const *allowed,
                                          const char * const *other,
                                          const char    *other_kind);
gboolean      ga_loader_want_string      (GaLoader      *l,
                                          GaJsonNode    *obj,
                                          const char    *path,
                                          const char    *key,
                                          gboolean       required,
                                          char         **out);
gboolean      ga_loader_want_number      (GaLoader      *l,
                                          GaJsonNode    *obj,
                                          const char    *path,
                                          const char    *key,
                                          gboolean       required,
                                          double        *out);
gboolean      ga_loader_want_int         (GaLoader      *l,
                                          GaJsonNode    *obj,
                                          const char    *path,
                                          const char    *key,
                                          gboolean       required,
                                          int            min,
                                          int            max,
                                          int           *out);
gboolean      ga_loader_want_bool        (GaLoader      *l,
                                          GaJsonNode    *obj,
                                          const char    *path,
                                          const char    *key,
                                          gboolean      *out);
GaJsonNode   *ga_loader_want_array       (GaLoader      *l,
                                          GaJsonNode    *obj,
                                          const char    *path,
                                          const char    *key,
                                          gboolean       required);
GaJsonNode   *ga_loader_want_object      (GaLoader      *l,
                                          GaJsonNode    *obj,
                                          const char    *path,
                                          const char    *key,
                                          gboolean       required);
GaJsonNode   *ga_loader_element_object   (GaLoader      *l,
                                          GaJsonNode    *node,
                                          const char    *path);
gboolean      ga_loader_want_text        (GaLoader      *l,
                                          GaJsonNode    *obj,
                                          const char    *path,
                                          const char    *key,
                                          gboolean       required,
                                          GaText        *out);
void          ga_loader_register_symbol  (GaLoader      *l,
                                          const char    *id,
                                          const char    *path,
                                          GaSymbolKind   kind,
                                          guint          index,
                                          guint          column);
void          ga_loader_add_site         (GaLoader      *l,
                                          GaFormula     *formula,
                                          const char    *path,
                                          GaNodeKind     owner_kind,
                                          guint          owner_index,
                                          guint          owner_column,
                                          GaItem        *scope,
                                          GaItem        *self,
                                          GaStaticType   expect,
                                          gboolean       condition);
GaFormula    *ga_loader_parse_expr_node  (GaLoader      *l,
                                          GaJsonNode    *node,
                                          const char    *path);
GaFormula    *ga_loader_want_expr        (GaLoader      *l,
                                          GaJsonNode    *obj,
                                          const char    *path,
                                          const char    *key,
                                          gboolean       required,
                                          const GaSiteOwner *owner,
                                          GaStaticType   expect,
                                          gboolean       condition);

/* ga-template-load-tables.c */
void          ga_loader_parse_lookup_table (GaLoader    *l,
                                            GaJsonNode  *obj,
                                            const char  *path);

/* ga-template-load-items.c */
GaItem       *ga_loader_parse_item       (GaLoader      *l,
                                          GaJsonNode    *obj,
                                          const char    *path,
                                          GaSection     *section);

/* ga-template-load-plausible.c: the "plausible" field of a number or
 * computed item (@table NULL) or of a column of the table item @table
 * (every column already read, so that "except" can name one); @hard_min and
 * @hard_max are the field's own bounds (NaN when none). NULL when absent. */
GaPlausible  *ga_loader_parse_plausible  (GaLoader      *l,
                                          GaJsonNode    *obj,
                                          const char    *path,
                                          double         hard_min,
                                          double         hard_max,
                                          const GaItem  *table);

/* ga-template-load-score.c: the "score" field, then the rules that tie the
 * fields of an item together (what is scored how, veto, bonus, weight). */
void          ga_loader_parse_score      (GaLoader      *l,
                                          GaJsonNode    *obj,
                                          const char    *path,
                                          GaItem        *item);
void          ga_loader_check_item_rules (GaLoader      *l,
                                          GaJsonNode    *obj,
                                          const char    *path,
                                          GaItem        *item);

/* Sorts "path: message" problems by where their path is in the document
 * @root (member order, list index; a parent before its children), keeping
 * the order of problems at the same place. */
void          ga_problems_sort           (GPtrArray     *problems,
                                          JsonNode      *root);
/* The same over a template read with ga_json_doc_parse(). */
void          ga_problems_sort_doc       (GPtrArray     *problems,
                                          GaJsonNode    *root);

/* ga-template-validate.c: everything that needs the whole template (names,
 * references, types, cycles, sums). Builds the graph on success. */
void          ga_template_validate_all   (GaLoader      *loader);

/* ga-template-overlay.c: a template that extends a bundled one. */
gboolean      _ga_template_is_overlay     (JsonNode      *root);
char         *_ga_template_expand_overlay (JsonNode      *root,
                                           GPtrArray     *problems,
                                           int            depth);

/* ga-template.c */
GaTemplate   *ga_template_alloc          (void);
/* The bytes of the bundled template @id, or NULL. */
GBytes       *_ga_template_bundled_bytes (const char    *id);
const GaSymbol *ga_template_lookup_symbol (GaTemplate   *tmpl,
                                           const char   *name);
/* "table.column" -> table item and column index. */
gboolean      ga_template_resolve_range  (GaTemplate    *tmpl,
                                          const char    *name,
                                          guint         *table_item,
                                          guint         *column);
/* Readable name of a node for messages ("E1", "energy.tce", "applicability of S2"). */
char         *ga_template_node_name      (GaTemplate    *tmpl,
                                          guint          node);
const char   *ga_template_node_path      (GaTemplate    *tmpl,
                                          guint          node);
void          ga_text_clear              (GaText        *text);
void          ga_option_free             (gpointer       option);
void          ga_column_free             (gpointer       column);
void          ga_plausible_free          (GaPlausible   *plausible);
void          ga_band_free               (gpointer       band);
void          ga_table_row_free          (gpointer       row,
                                          guint          n_cells);
GaStaticType  ga_column_static_type      (const GaColumn *column);
GaStaticType  ga_item_static_type        (const GaItem  *item);
/* Whether the section aggregate reads @item: answerable, scored, veto,
 * bonus or weighted items do; an unscored computed item does not (so it may
 * use its own section's score without a cycle). */
gboolean      ga_item_feeds_section      (const GaItem  *item);
int           ga_column_index            (const GaItem  *table,
                                          const char    *id);

/* ga-answer.c: one cell of a table row, checked against its column. The
 * message names @item_id, the row and the column. */
gboolean      ga_answer_cell_from_json   (JsonNode      *node,
                                          const char    *item_id,
                                          guint          row,
                                          const GaColumn *column,
                                          GaValue       *out,
                                          GError       **error);
/* Checks an answer built in code (not read from JSON) against its item. */
gboolean      ga_answer_check            (const GaAnswer *answer,
                                          const GaItem  *item,
                                          GError       **error);
GaRow        *ga_row_new                 (guint          n_cells);
void          ga_row_free                (GaRow         *row);
/* A table row object (answer or prefilled row) -> GaRow. */
GaRow        *ga_answer_row_from_json    (JsonNode      *node,
                                          const GaItem  *item,
                                          guint          row,
                                          GError       **error);

/* ga-units.c: the units of a table's quantities ("units_of" columns),
 * worked out once every column of @item is read. */
void          ga_loader_resolve_units    (GaLoader      *l,
                                          const char    *path,
                                          GaItem        *item);
void          ga_carrier_units_free_table (GaColumn     *column);
/* The unit of each of @row's carriers: a unit the carrier takes (else the
 * message names the row, the unit and the units it takes); with @fill a
 * row without a unit gets its coefficient's unit, what it always meant. */
gboolean      ga_answer_row_units        (const GaItem  *item,
                                          guint          row_index,
                                          GaRow         *row,
                                          gboolean       fill,
                                          GError       **error);

/* ga-template-numbers.c: sets every item's number (ga_item_get_number()). */
void          _ga_template_number_items  (GaTemplate    *tmpl);

const char   *ga_comparator_to_string    (GaComparator   cmp);
gboolean      ga_comparator_holds        (GaComparator   cmp,
                                          double         value,
                                          double         threshold);

/* Registers the bundled templates' resource (templates and reference
 * tables) once. */
void ga_templates_ensure_registered (void);

G_END_DECLS
