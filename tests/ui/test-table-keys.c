/* test-table-keys.c: the energy table by keyboard, as in a spreadsheet
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo energy audit on its Energy page, its table set to 原煤 1 000 t
 * and 电力 200 万kWh. Real key presses and clicks reach the window through
 * the X server (the XTest extension, which Xvfb has): a value typed, then
 * Tab, lands in its cell and the keyboard is in the next cell; Enter saves
 * and goes down; the arrows go between cells; a value typed at once after
 * clicking another cell is kept (nothing is drawn again in between); a block of two rows copied from a
 * spreadsheet fills cells and adds a row as one undo step; a block with a
 * bad number changes nothing and says why. Cells are found by their
 * accessible names ("Quantity consumed, row 1"). Screenshot 20-table-keys
 * (suffix -zh in the Chinese run).
 */
#include "config.h"

#include <dlfcn.h>
#include <glib/gi18n.h>
#include <adwaita.h>
#include <gdk/x11/gdkx.h>

#include "ga-application.h"
#include "ga-table-editor.h"
#include "ga-ui-fixture.h"
#include "ga-ui-test-utils.h"
#include "ga-window.h"
#include "ga-workspace.h"

/* libXtst is loaded at run time: only its shared library is on the
 * machines that run the tests, not its headers. */
typedef int (*FakeKeyFunc) (Display *, unsigned int, int, unsigned long);
typedef int (*FakeButtonFunc) (Display *, unsigned int, int, unsigned long);
typedef int (*FakeMotionFunc) (Display *, int, int, int, unsigned long);

static FakeKeyFunc fake_key;
static FakeButtonFunc fake_button;
static FakeMotionFunc fake_motion;
static Display *xdisplay;
static Window xwindow;

static void
xtest_init (GtkWidget *window)
{
  void *xtst = dlopen ("libXtst.so.6", RTLD_NOW | RTLD_GLOBAL);

  g_assert_nonnull (xtst);
  fake_key = (FakeKeyFunc) dlsym (xtst, "XTestFakeKeyEvent");
  fake_button = (FakeButtonFunc) dlsym (xtst, "XTestFakeButtonEvent");
  fake_motion = (FakeMotionFunc) dlsym (xtst, "XTestFakeMotionEvent");
  g_assert_true (fake_key != NULL && fake_button != NULL && fake_motion != NULL);
  xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (window));
  xwindow = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
  /* No window manager gives the window the keyboard: it takes it. */
  XSetInputFocus (xdisplay, xwindow, RevertToParent, CurrentTime);
  XFlush (xdisplay);
  ga_ui_test_spin (200);
}

static void
press (guint           keyval,
       GdkModifierType mods)
{
  KeyCode code = XKeysymToKeycode (xdisplay, keyval);
  KeyCode shift = XKeysymToKeycode (xdisplay, GDK_KEY_Shift_L);
  KeyCode control = XKeysymToKeycode (xdisplay, GDK_KEY_Control_L);

  g_assert_cmpuint (code, !=, 0);
  if (mods & GDK_SHIFT_MASK)
    fake_key (xdisplay, shift, True, CurrentTime);
  if (mods & GDK_CONTROL_MASK)
    fake_key (xdisplay, control, True, CurrentTime);
  fake_key (xdisplay, code, True, CurrentTime);
  fake_key (xdisplay, code, False, CurrentTime);
  if (mods & GDK_CONTROL_MASK)
    fake_key (xdisplay, control, False, CurrentTime);
  if (mods & GDK_SHIFT_MASK)
    fake_key (xdisplay, shift, False, CurrentTime);
  XFlush (xdisplay);
}

/* Types the digits and dots of @text (what a number cell takes). */
static void
type (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    press (*p == '.' ? GDK_KEY_period : (guint) *p, 0);
}

/* Clicks the middle of @widget. */
static void
click (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  graphene_point_t point;
  Window child;
  int x, y;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (root),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f,
                                                                 gtk_widget_get_height (widget) / 2.f),
                                           &point));
  XTranslateCoordinates (xdisplay, xwindow, DefaultRootWindow (xdisplay), (int) point.x,
                         (int) point.y, &x, &y, &child);
  fake_motion (xdisplay, -1, x, y, CurrentTime);
  fake_button (xdisplay, 1, True, CurrentTime);
  fake_button (xdisplay, 1, False, CurrentTime);
  XFlush (xdisplay);
  /* Under Xvfb without a window manager, keys sent in the same instant as
   * the click are sometimes not delivered to the window at all (in the
   * first cell too, with nothing saved in between); a moment's pause, far
   * shorter than a person's, lets the click arrive first. */
  ga_ui_test_spin (60);
}

/* Lets the X server deliver what was sent and the window handle it. */
static void
settle (void)
{
  XSync (xdisplay, False);
  ga_ui_test_spin (250);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static GaSession *
open_demo_energy_audit (GaUiFixture *f)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GPtrArray) assessments = ga_store_list_assessments (store, 0, NULL);
  GaWorkspace *workspace = ga_window_get_workspace (f->window);
  GtkWidget *stack;

  for (guint i = 0; i < assessments->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (assessments, i);

      if (g_strcmp0 (a->kind, "energy-audit") == 0)
        ga_window_open_assessment (f->window, a->id);
    }
  g_assert_nonnull (ga_workspace_get_session (workspace));
  stack = ga_ui_get (GTK_WIDGET (workspace), ADW_TYPE_VIEW_STACK, NULL);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "energy");
  return ga_workspace_get_session (workspace);
}

static void
answer (GaSession  *session,
        const char *item_id,
        const char *text)
{
  GaItem *item = ga_template_find_item (ga_session_get_template (session), item_id);
  g_autoptr(GError) error = NULL;

  g_assert_true (ga_session_set_answer_text (session, item, text, NULL, &error));
  g_assert_no_error (error);
}

static char *
cell_name (GaSession  *session,
           const char *column_id,
           guint       row)
{
  GaItem *energy = ga_template_find_item (ga_session_get_template (session), "energy");

  for (guint c = 0; c < energy->columns->len; c++)
    {
      GaColumn *column = g_ptr_array_index (energy->columns, c);

      if (g_str_equal (column->id, column_id))
        return g_strdup_printf (_("%s, row %u"), ga_text_get (&column->title, NULL), row);
    }
  g_assert_not_reached ();
}

static GtkWidget *
cell (GtkWidget  *editor,
      GaSession  *session,
      const char *column_id,
      guint       row)
{
  g_autofree char *name = cell_name (session, column_id, row);

  return ga_ui_get (editor, GTK_TYPE_WIDGET, name);
}

/* The keyboard is in the cell @column_id of @row (from 1). */
static void
assert_focus (GtkWidget  *editor,
              GaSession  *session,
              const char *column_id,
              guint       row)
{
  GtkWidget *expected = cell (editor, session, column_id, row);
  GtkWidget *focus = NULL;

  /* A busy machine may take a moment longer to handle the keys. */
  for (guint i = 0; i < 30; i++)
    {
      focus = gtk_root_get_focus (gtk_widget_get_root (editor));
      if (focus != NULL && (focus == expected || gtk_widget_is_ancestor (focus, expected)))
        return;
      ga_ui_test_spin (100);
    }
  g_assert_nonnull (focus);
  if (focus != expected && !gtk_widget_is_ancestor (focus, expected))
    g_error ("the keyboard is in %s (%s), not in %s of row %u", G_OBJECT_TYPE_NAME (focus),
             gtk_widget_get_name (focus), column_id, row);
}

/* The number saved in @column_id of @row (from 1). */
static double
saved_number (GaSession  *session,
              const char *column_id,
              guint       row)
{
  GaItem *energy = ga_template_find_item (ga_session_get_template (session), "energy");
  const GaAnswer *a = ga_session_get_answer (session, energy);
  GaRow *r;

  g_assert_nonnull (a);
  g_assert_cmpuint (a->rows->len, >=, row);
  r = g_ptr_array_index (a->rows, row - 1);
  for (guint c = 0; c < energy->columns->len; c++)
    if (g_str_equal (((GaColumn *) g_ptr_array_index (energy->columns, c))->id, column_id))
      {
        g_assert_cmpuint (c, <, r->n_cells);
        g_assert_cmpint (r->cells[c].kind, ==, GA_VALUE_NUMBER);
        return r->cells[c].u.number;
      }
  g_assert_not_reached ();
}

static const char *
saved_text (GaSession  *session,
            const char *column_id,
            guint       row)
{
  GaItem *energy = ga_template_find_item (ga_session_get_template (session), "energy");
  const GaAnswer *a = ga_session_get_answer (session, energy);
  GaRow *r = g_ptr_array_index (a->rows, row - 1);

  for (guint c = 0; c < energy->columns->len; c++)
    if (g_str_equal (((GaColumn *) g_ptr_array_index (energy->columns, c))->id, column_id))
      return r->cells[c].kind == GA_VALUE_TEXT ? r->cells[c].u.text : NULL;
  g_assert_not_reached ();
}

static guint
saved_rows (GaSession *session)
{
  GaItem *energy = ga_template_find_item (ga_session_get_template (session), "energy");

  return ga_session_get_answer (session, energy)->rows->len;
}

static double
total_tce (GaSession *session)
{
  const GaResult *total = ga_engine_lookup (ga_session_get_engine (session), "E_total");

  g_assert_cmpint (total->value.kind, ==, GA_VALUE_NUMBER);
  return total->value.u.number;
}

/* The label the drop-down shows. */
static const char *
shown (GtkWidget *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));

  return gtk_string_object_get_string (item);
}

static void
test_keys (GaUiFixture   *f,
           gconstpointer  data)
{
  GaSession *session;
  GtkWidget *editor, *message;
  g_autofree char *block = NULL;
  g_autofree char *bad = NULL;
  char *undone = NULL;
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  gtk_window_maximize (GTK_WINDOW (f->window));
  session = open_demo_energy_audit (f);
  answer (session, "energy_other", "[]");
  answer (session, "elec_basis", "calorific");
  answer (session, "energy",
          "[{\"carrier\": \"raw_coal\", \"qty\": 1000, \"unit\": \"t\"},"
          " {\"carrier\": \"electricity\", \"qty\": 200, \"unit\": \"万kWh\"}]");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  editor = ga_ui_get (GTK_WIDGET (ga_window_get_workspace (f->window)), GA_TYPE_TABLE_EDITOR,
                      NULL);
  xtest_init (GTK_WIDGET (f->window));

  /* Click, type, Tab: the value is saved, the keyboard is in the next
   * cell that can be typed in (the unit). */
  click (cell (editor, session, "qty", 1));
  press (GDK_KEY_a, GDK_CONTROL_MASK);
  type ("1500");
  press (GDK_KEY_Tab, 0);
  settle ();
  assert_focus (editor, session, "unit", 1);
  g_assert_cmpfloat (saved_number (session, "qty", 1), ==, 1500);

  /* Shift+Tab goes back with the text selected: typing replaces it;
   * Enter saves and goes down. */
  press (GDK_KEY_Tab, GDK_SHIFT_MASK);
  settle ();
  assert_focus (editor, session, "qty", 1);
  type ("1000");
  press (GDK_KEY_Return, 0);
  settle ();
  assert_focus (editor, session, "qty", 2);
  g_assert_cmpfloat (saved_number (session, "qty", 1), ==, 1000);
  type ("250");
  press (GDK_KEY_Return, 0);
  settle ();
  g_assert_cmpfloat (saved_number (session, "qty", 2), ==, 250);
  /* The last row keeps the keyboard. */
  assert_focus (editor, session, "qty", 2);

  /* Arrows between cells (nothing is being edited: Enter just selected
   * the cell). */
  press (GDK_KEY_Up, 0);
  settle ();
  assert_focus (editor, session, "qty", 1);
  press (GDK_KEY_Right, 0);
  settle ();
  assert_focus (editor, session, "unit", 1);
  press (GDK_KEY_Left, 0);
  settle ();
  assert_focus (editor, session, "qty", 1);
  press (GDK_KEY_Down, 0);
  settle ();
  assert_focus (editor, session, "qty", 2);
  /* Typing is editing: Left then moves in the text, not to the carrier. */
  type ("26");
  press (GDK_KEY_Left, 0);
  settle ();
  assert_focus (editor, session, "qty", 2);
  press (GDK_KEY_Escape, 0);

  /* Typed at once after a click into another cell, each value is kept:
   * nothing is drawn again between the click and the keys. */
  click (cell (editor, session, "qty", 1));
  press (GDK_KEY_a, GDK_CONTROL_MASK);
  type ("1200");
  click (cell (editor, session, "qty", 2));
  press (GDK_KEY_a, GDK_CONTROL_MASK);
  type ("260");
  press (GDK_KEY_Tab, 0);
  settle ();
  assert_focus (editor, session, "unit", 2);
  g_assert_cmpfloat (saved_number (session, "qty", 1), ==, 1200);
  g_assert_cmpfloat (saved_number (session, "qty", 2), ==, 260);

  /* A block from a spreadsheet pasted on row 2's carrier: the carrier by
   * its label (as the drop-down shows it) or its id, quantity and unit;
   * the second line adds row 3. */
  block = g_strdup_printf ("%s\t30\tt\r\ndiesel\t50\tt\r\n",
                           shown (cell (editor, session, "carrier", 1)));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (editor), block);
  click (cell (editor, session, "carrier", 2));
  settle ();
  press (GDK_KEY_Escape, 0);
  settle ();
  assert_focus (editor, session, "carrier", 2);
  press (GDK_KEY_v, GDK_CONTROL_MASK);
  settle ();
  /* The clipboard is read asynchronously. */
  for (guint i = 0; i < 30 && saved_rows (session) != 3; i++)
    ga_ui_test_spin (100);
  g_assert_cmpuint (saved_rows (session), ==, 3);
  g_assert_cmpstr (saved_text (session, "carrier", 2), ==, "raw_coal");
  g_assert_cmpfloat (saved_number (session, "qty", 2), ==, 30);
  g_assert_cmpstr (saved_text (session, "carrier", 3), ==, "diesel");
  g_assert_cmpfloat (saved_number (session, "qty", 3), ==, 50);
  g_assert_cmpstr (saved_text (session, "unit", 3), ==, "t");
  g_assert_cmpuint (ga_table_editor_get_n_rows (GA_TABLE_EDITOR (editor)), ==, 3);
  /* 0.7143 × 1 200 + 0.7143 × 30 + 1.4571 × 50 = 857.16 + 21.429 + 72.855 */
  g_assert_cmpfloat_with_epsilon (total_tce (session), 951.444, 1e-9);
  assert_focus (editor, session, "carrier", 2);
  ga_ui_screenshot (GTK_WIDGET (f->window), "20-table-keys");

  /* One undo takes the whole block back. */
  g_assert_true (ga_session_undo (session, &undone, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (undone, ==, "energy");
  g_free (undone);
  settle ();
  g_assert_cmpuint (saved_rows (session), ==, 2);
  g_assert_cmpstr (saved_text (session, "carrier", 2), ==, "electricity");
  g_assert_cmpfloat (saved_number (session, "qty", 2), ==, 260);
  g_assert_cmpuint (ga_table_editor_get_n_rows (GA_TABLE_EDITOR (editor)), ==, 2);

  /* A block with a word where a quantity goes changes nothing and the
   * message names the row and the column. */
  bad = g_strdup ("40\n4O\n");
  gdk_clipboard_set_text (gtk_widget_get_clipboard (editor), bad);
  click (cell (editor, session, "qty", 1));
  settle ();
  press (GDK_KEY_v, GDK_CONTROL_MASK);
  settle ();
  g_assert_cmpuint (saved_rows (session), ==, 2);
  g_assert_cmpfloat (saved_number (session, "qty", 1), ==, 1200);
  message = NULL;
  for (GtkWidget *w = gtk_widget_get_last_child (editor); w != NULL;
       w = gtk_widget_get_prev_sibling (w))
    if (GTK_IS_LABEL (w))
      message = w;
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "4O"));
}

int
main (int   argc,
      char *argv[])
{
  ga_ui_test_init (&argc, &argv);

  g_test_add ("/ga/ui/table-keys/energy", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_keys, ga_ui_fixture_teardown);
  return g_test_run ();
}
