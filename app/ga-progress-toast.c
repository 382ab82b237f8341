/* ga-progress-toast.c: a toast that shows work going on in the background
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export and the package writers report no fraction of their work, so
 * the bar pulses: the user sees that something is going on and can cancel
 * it, which a static "Exporting…" does not tell.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ga-progress-toast.h"

#define PULSE_INTERVAL_MS 120

typedef struct {
  GWeakRef bar;
  guint    pulse_id;
} Pulse;

static void
pulse_free (gpointer data)
{
  Pulse *pulse = data;

  g_clear_handle_id (&pulse->pulse_id, g_source_remove);
  g_weak_ref_clear (&pulse->bar);
  g_free (pulse);
}

static gboolean
pulse_cb (gpointer data)
{
  Pulse *pulse = data;
  g_autoptr(GtkProgressBar) bar = g_weak_ref_get (&pulse->bar);

  /* The bar goes with the toast; the timer must not outlive it. */
  if (bar == NULL)
    {
      pulse->pulse_id = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_progress_bar_pulse (bar);
  return G_SOURCE_CONTINUE;
}

static void
stop_pulse (AdwToast *toast)
{
  Pulse *pulse = g_object_get_data (G_OBJECT (toast), "ga-pulse");

  if (pulse != NULL)
    g_clear_handle_id (&pulse->pulse_id, g_source_remove);
}

static void
cancel_clicked_cb (AdwToast     *toast,
                   GCancellable *cancellable)
{
  stop_pulse (toast);
  g_cancellable_cancel (cancellable);
}

static void
unref_data_cb (gpointer  data,
               GClosure *closure)
{
  g_object_unref (data);
}

AdwToast *
ga_progress_toast_new (const char   *title,
                       GCancellable *cancellable)
{
  AdwToast *toast = adw_toast_new (title);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *bar = gtk_progress_bar_new ();
  Pulse *pulse = g_new0 (Pulse, 1);

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 220, -1);
  gtk_progress_bar_set_pulse_step (GTK_PROGRESS_BAR (bar), 0.08);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), bar);
  adw_toast_set_custom_title (toast, box);
  /* It stays until the work ends. */
  adw_toast_set_timeout (toast, 0);
  g_object_set_data (G_OBJECT (toast), "ga-bar", bar);
  g_object_set_data (G_OBJECT (toast), "ga-label", label);

  g_weak_ref_init (&pulse->bar, bar);
  pulse->pulse_id = g_timeout_add (PULSE_INTERVAL_MS, pulse_cb, pulse);
  g_object_set_data_full (G_OBJECT (toast), "ga-pulse", pulse, pulse_free);
  g_signal_connect (toast, "dismissed", G_CALLBACK (stop_pulse), NULL);

  if (cancellable != NULL)
    {
      adw_toast_set_button_label (toast, _("_Cancel"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (cancel_clicked_cb),
                             g_object_ref (cancellable), unref_data_cb, 0);
    }
  return toast;
}

void
ga_progress_toast_set_fraction (AdwToast *toast,
                                double    fraction)
{
  GtkProgressBar *bar;

  g_return_if_fail (ADW_IS_TOAST (toast));

  bar = g_object_get_data (G_OBJECT (toast), "ga-bar");
  g_return_if_fail (GTK_IS_PROGRESS_BAR (bar));
  stop_pulse (toast);
  gtk_progress_bar_set_fraction (bar, CLAMP (fraction, 0.0, 1.0));
}

void
ga_progress_toast_set_text (AdwToast   *toast,
                            const char *text)
{
  GtkLabel *label;
  GtkWidget *bar;

  g_return_if_fail (ADW_IS_TOAST (toast));
  g_return_if_fail (text != NULL);

  label = g_object_get_data (G_OBJECT (toast), "ga-label");
  bar = g_object_get_data (G_OBJECT (toast), "ga-bar");
  g_return_if_fail (GTK_IS_LABEL (label));
  /* Not adw_toast_set_title(): a title replaces the custom title, and
   * with it the bar. */
  gtk_label_set_text (label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

GtkProgressBar *
ga_progress_toast_get_bar (AdwToast *toast)
{
  g_return_val_if_fail (ADW_IS_TOAST (toast), NULL);

  return g_object_get_data (G_OBJECT (toast), "ga-bar");
}
