/* ga-store-schema.c: the schema as a list of forward migrations
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Step N takes a database from user_version N-1 to N. A step is never
 * edited once released: databases of every earlier version exist on
 * users' disks, and tests/fixtures/store/ keeps one of each so that
 * tests/test-store.c migrates them. Change the schema by adding a step and
 * raising GA_STORE_SCHEMA_VERSION.
 */
#include "ga-store-private.h"

/* Version 1: the first schema.
 *
 * - Timestamps are ISO 8601 UTC text with milliseconds: they sort as text
 *   and read the same in any SQLite tool.
 * - answers is WITHOUT ROWID keyed by (assessment, item): loading an
 *   assessment's answers is one range scan of one b-tree.
 * - history keeps every change; edit rows carry the undo state (0 done,
 *   1 undone and redoable, 2 undone and no longer redoable because a new
 *   edit followed). history_stack finds the top of either stack directly.
 * - Evidence bytes live in blobs, once per SHA-256, in a rowid table so
 *   that the large values sit in overflow pages away from the keys; the
 *   triggers drop bytes and template copies nothing refers to any more.
 */
static const char migration_1[] =
  "CREATE TABLE meta (\n"
  "  key   TEXT PRIMARY KEY,\n"
  "  value TEXT NOT NULL\n"
  ") WITHOUT ROWID;\n"
  "\n"
  "CREATE TABLE enterprises (\n"
  "  id                   INTEGER PRIMARY KEY,\n"
  "  uuid                 TEXT NOT NULL UNIQUE,\n"
  "  name                 TEXT NOT NULL CHECK (length (name) > 0),\n"
  "  credit_code          TEXT NOT NULL UNIQUE CHECK (length (credit_code) = 18),\n"
  "  industry             TEXT,\n"
  "  region               TEXT,\n"
  "  address              TEXT,\n"
  "  legal_representative TEXT,\n"
  "  contact_name         TEXT,\n"
  "  contact_phone        TEXT,\n"
  "  contact_email        TEXT,\n"
  "  output_value         REAL,\n"
  "  value_added          REAL,\n"
  "  employees            INTEGER CHECK (employees IS NULL OR employees >= 0),\n"
  "  demo                 INTEGER NOT NULL DEFAULT 0,\n"
  "  created_at           TEXT NOT NULL,\n"
  "  updated_at           TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX enterprises_name ON enterprises (name);\n"
  "\n"
  "CREATE TABLE templates (\n"
  "  hash        TEXT PRIMARY KEY,\n"
  "  template_id TEXT NOT NULL,\n"
  "  version     TEXT NOT NULL,\n"
  "  kind        TEXT NOT NULL,\n"
  "  title       TEXT,\n"
  "  imported_at TEXT,\n"
  "  content     BLOB NOT NULL\n"
  ");\n"
  "CREATE INDEX templates_id ON templates (template_id, version);\n"
  "\n"
  "CREATE TABLE assessments (\n"
  "  id               INTEGER PRIMARY KEY,\n"
  "  uuid             TEXT NOT NULL UNIQUE,\n"
  "  enterprise_id    INTEGER NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,\n"
  "  template_hash    TEXT NOT NULL REFERENCES templates (hash),\n"
  "  template_id      TEXT NOT NULL,\n"
  "  template_version TEXT NOT NULL,\n"
  "  kind             TEXT NOT NULL,\n"
  "  title            TEXT NOT NULL,\n"
  "  year             INTEGER,\n"
  "  period           TEXT,\n"
  "  status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),\n"
  "  created_at       TEXT NOT NULL,\n"
  "  updated_at       TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX assessments_enterprise ON assessments (enterprise_id, updated_at, id);\n"
  "CREATE INDEX assessments_template ON assessments (template_hash);\n"
  "\n"
  "CREATE TABLE answers (\n"
  "  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,\n"
  "  item_id       TEXT NOT NULL,\n"
  "  value         TEXT NOT NULL CHECK (json_valid (value)),\n"
  "  author        TEXT,\n"
  "  updated_at    TEXT NOT NULL,\n"
  "  PRIMARY KEY (assessment_id, item_id)\n"
  ") WITHOUT ROWID;\n"
  "\n"
  "CREATE TABLE history (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,\n"
  "  item_id       TEXT NOT NULL,\n"
  "  old_value     TEXT,\n"
  "  new_value     TEXT,\n"
  "  author        TEXT,\n"
  "  at            TEXT NOT NULL,\n"
  "  action        TEXT NOT NULL CHECK (action IN ('edit', 'undo', 'redo')),\n"
  "  state         INTEGER NOT NULL DEFAULT 0 CHECK (state IN (0, 1, 2)),\n"
  "  target        INTEGER\n"
  ");\n"
  "CREATE INDEX history_assessment ON history (assessment_id, id);\n"
  "CREATE INDEX history_stack ON history (assessment_id, state, id) WHERE action = 'edit';\n"
  "\n"
  "CREATE TABLE blobs (\n"
  "  id     INTEGER PRIMARY KEY,\n"
  "  sha256 TEXT NOT NULL UNIQUE,\n"
  "  size   INTEGER NOT NULL,\n"
  "  data   BLOB NOT NULL\n"
  ");\n"
  "\n"
  "CREATE TABLE evidence (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,\n"
  "  item_id       TEXT NOT NULL,\n"
  "  sha256        TEXT NOT NULL REFERENCES blobs (sha256),\n"
  "  name          TEXT NOT NULL,\n"
  "  mime_type     TEXT NOT NULL,\n"
  "  size          INTEGER NOT NULL,\n"
  "  author        TEXT,\n"
  "  added_at      TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX evidence_assessment ON evidence (assessment_id, item_id);\n"
  "CREATE INDEX evidence_blob ON evidence (sha256);\n"
  "\n"
  "CREATE TRIGGER evidence_drop_blob AFTER DELETE ON evidence\n"
  "WHEN NOT EXISTS (SELECT 1 FROM evidence WHERE sha256 = OLD.sha256)\n"
  "BEGIN\n"
  "  DELETE FROM blobs WHERE sha256 = OLD.sha256;\n"
  "END;\n"
  "\n"
  "CREATE TRIGGER assessments_drop_template AFTER DELETE ON assessments\n"
  "WHEN NOT EXISTS (SELECT 1 FROM assessments WHERE template_hash = OLD.template_hash)\n"
  "BEGIN\n"
  "  DELETE FROM templates WHERE hash = OLD.template_hash AND imported_at IS NULL;\n"
  "END;\n";

/* Version 2: who finalised an assessment and when (the submission date a
 * bureau asks about), and a caption for each evidence file ("营业执照,
 * page 2") for the export's evidence column. Assessments that were final
 * already count as finalised at their last change: a final assessment
 * cannot change, so its last change was the finalisation. */
static const char migration_2[] =
  "ALTER TABLE assessments ADD COLUMN finalized_at TEXT;\n"
  "ALTER TABLE assessments ADD COLUMN finalized_by TEXT;\n"
  "ALTER TABLE evidence ADD COLUMN note TEXT;\n"
  "UPDATE assessments SET finalized_at = updated_at WHERE status = 'final';\n";

/* Version 3: what the 基本信息表 of a self-evaluation report asks about an
 * enterprise besides what version 1 kept: its postal code, 单位性质, 注册机关,
 * 注册资本 (万元), 成立日期, 营业期限 (a date, or 'long-term'), the legal
 * representative's phone, the department, mobile and fax of the contact,
 * the main products and the 单位简介. */
static const char migration_3[] =
  "ALTER TABLE enterprises ADD COLUMN postal_code TEXT;\n"
  "ALTER TABLE enterprises ADD COLUMN ownership TEXT;\n"
  "ALTER TABLE enterprises ADD COLUMN registration_authority TEXT;\n"
  "ALTER TABLE enterprises ADD COLUMN registered_capital REAL;\n"
  "ALTER TABLE enterprises ADD COLUMN founded_on TEXT;\n"
  "ALTER TABLE enterprises ADD COLUMN valid_until TEXT;\n"
  "ALTER TABLE enterprises ADD COLUMN legal_representative_phone TEXT;\n"
  "ALTER TABLE enterprises ADD COLUMN contact_department TEXT;\n"
  "ALTER TABLE enterprises ADD COLUMN contact_mobile TEXT;\n"
  "ALTER TABLE enterprises ADD COLUMN fax TEXT;\n"
  "ALTER TABLE enterprises ADD COLUMN main_products TEXT;\n"
  "ALTER TABLE enterprises ADD COLUMN profile TEXT;\n";

/* Version 4: the text a user writes for the parts of the self-evaluation
 * report (工厂基本情况, each dimension of 绿色工厂创建情况 …), one row per
 * assessment and part key ("factory", "green-work.S_EN"; the outline of
 * ga-narrative.c in the services names them). Like answers, every change
 * is a history row and undo and redo go through the one stack of the
 * assessment: history.subject says whether a row changed an answer
 * (item_id is the item) or a narrative (item_id is the part key); the rows
 * of version 3 are all answers. */
static const char migration_4[] =
  "CREATE TABLE narratives (\n"
  "  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,\n"
  "  part          TEXT NOT NULL,\n"
  "  text          TEXT NOT NULL CHECK (length (text) > 0),\n"
  "  author        TEXT,\n"
  "  updated_at    TEXT NOT NULL,\n"
  "  PRIMARY KEY (assessment_id, part)\n"
  ") WITHOUT ROWID;\n"
  "ALTER TABLE history ADD COLUMN subject TEXT NOT NULL DEFAULT 'answer'"
  " CHECK (subject IN ('answer', 'narrative'));\n";

/* Version 5: the register of an enterprise's green-retrofit projects
 * (绿色化改造项目), which the local summary tables of a green-manufacturing
 * round ask for (附件4). A project belongs to the enterprise, not to one
 * assessment, so it has no history rows: the history and its undo stack
 * are per assessment. Its UUID lets a package bring a project to another
 * database once. The type is kept as a key (energy, water, pollution,
 * carbon, digital) checked by the store, so a new type needs no new table;
 * dates are YYYY-MM or YYYY-MM-DD; the figures are per year once finished
 * (tce, tCO2, m3) and the investment is in 万元. */
static const char migration_5[] =
  "CREATE TABLE projects (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  uuid          TEXT NOT NULL UNIQUE,\n"
  "  enterprise_id INTEGER NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,\n"
  "  name          TEXT NOT NULL CHECK (length (name) > 0),\n"
  "  type          TEXT NOT NULL,\n"
  "  content       TEXT,\n"
  "  investment    REAL,\n"
  "  start_on      TEXT,\n"
  "  end_on        TEXT,\n"
  "  energy_saving REAL,\n"
  "  co2_cut       REAL,\n"
  "  water_saving  REAL,\n"
  "  progress      TEXT NOT NULL DEFAULT 'planned'"
  " CHECK (progress IN ('planned', 'in-progress', 'done')),\n"
  "  note          TEXT,\n"
  "  created_at    TEXT NOT NULL,\n"
  "  updated_at    TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX projects_enterprise ON projects (enterprise_id, id);\n";

/* Version 6: reference tables (基准值, 引领值, limit grades) that a
 * consultant imports from a sheet or a package and that templates look up
 * by industry and product. A table is kept whole, in the file format of
 * docs/reference-values.md (content), and listed by its key and version:
 * importing the same key and version again replaces it. Its UUID lets a
 * package bring it to another database once. */
static const char migration_6[] =
  "CREATE TABLE reference_tables (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  uuid        TEXT NOT NULL UNIQUE,\n"
  "  table_key   TEXT NOT NULL CHECK (length (table_key) > 0),\n"
  "  version     TEXT NOT NULL CHECK (length (version) > 0),\n"
  "  name        TEXT NOT NULL CHECK (length (name) > 0),\n"
  "  verified    INTEGER NOT NULL CHECK (verified IN (0, 1)),\n"
  "  content     TEXT NOT NULL,\n"
  "  imported_at TEXT NOT NULL,\n"
  "  UNIQUE (table_key, version)\n"
  ");\n";

/* Version 7: a green industrial park (绿色工业园区) is an enterprise of its
 * own kind, and it lists its member enterprises, so that a park indicator
 * can be computed from what the members' own assessments say. Every
 * enterprise of an earlier version is a factory. A member is an enterprise
 * (a factory) in this database; removing either side removes the link.
 * Whether both sides have the right kind is checked by the store
 * (ga-store-members.c), as the SQL cannot look at another row. */
static const char migration_7[] =
  "ALTER TABLE enterprises ADD COLUMN kind TEXT NOT NULL DEFAULT 'factory'"
  " CHECK (kind IN ('factory', 'park'));\n"
  "CREATE TABLE park_members (\n"
  "  park_id   INTEGER NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,\n"
  "  member_id INTEGER NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,\n"
  "  added_at  TEXT NOT NULL,\n"
  "  PRIMARY KEY (park_id, member_id),\n"
  "  CHECK (park_id <> member_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX park_members_member ON park_members (member_id);\n";

static const GaStoreMigration migrations[] = {
  { 1, migration_1 },
  { 2, migration_2 },
  { 3, migration_3 },
  { 4, migration_4 },
  { 5, migration_5 },
  { 6, migration_6 },
  { 7, migration_7 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == GA_STORE_SCHEMA_VERSION);

const GaStoreMigration *
ga_store_get_migrations (guint *n_steps)
{
  *n_steps = G_N_ELEMENTS (migrations);
  return migrations;
}
