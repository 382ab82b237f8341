/* ga-doc-annex-files.c: the attached files of the merged PDF: what each
 * is, and its pages drawn with their stamps
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file is a PDF when it starts like one (within its first kilobyte, as
 * readers allow), and an image when it starts like a PNG, JPEG or GIF or
 * its type is an image type GdkPixbuf reads. Its name is only a hint: a
 * file named .pdf that is not one is a damaged PDF, not a text file.
 */
#include "config.h"

#include <string.h>

#include "ga-doc-annex-private.h"

/* The space around an attached page: the stamp above it, the page number
 * below. Narrower than the report's margins, so that a scanned A4 page
 * keeps nine tenths of its size. */
#define MARGIN_TOP    (15.0 * PT_PER_MM)
#define MARGIN_BOTTOM (15.0 * PT_PER_MM)
#define MARGIN_SIDE   (12.0 * PT_PER_MM)

/* Images are drawn at no more than one pixel per point (72 dpi): a small
 * image is not blown up into a blur. Larger ones are resampled down to
 * this resolution where they are placed, unless embedded as they are. */
#define IMAGE_MAX_DPI 300.0

void
_ga_annex_opened_clear (GaAnnexOpened *opened)
{
  g_clear_pointer (&opened->bytes, g_bytes_unref);
  g_clear_object (&opened->pdf);
  g_clear_object (&opened->image);
  opened->jpeg_as_is = FALSE;
}

static gboolean
looks_like_pdf (const guint8 *data,
                gsize         len)
{
  gsize n = MIN (len, 1024);

  for (gsize i = 0; i + 5 <= n; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
looks_like_image (const guint8 *data,
                  gsize         len)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff };

  return (len >= sizeof png && memcmp (data, png, sizeof png) == 0)
         || (len >= sizeof jpeg && memcmp (data, jpeg, sizeof jpeg) == 0)
         || (len >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0));
}

static gboolean
name_has_suffix (const char *name,
                 const char *suffix)
{
  gsize len = strlen (name), n = strlen (suffix);

  return len > n && g_ascii_strcasecmp (name + len - n, suffix) == 0;
}

/* Whether GdkPixbuf has a loader for the MIME type @mime. */
static gboolean
pixbuf_reads (const char *mime)
{
  GSList *formats = gdk_pixbuf_get_formats ();
  gboolean found = FALSE;

  for (GSList *l = formats; l != NULL && !found; l = l->next)
    {
      g_auto(GStrv) types = gdk_pixbuf_format_get_mime_types (l->data);

      for (guint i = 0; types != NULL && types[i] != NULL && !found; i++)
        found = g_ascii_strcasecmp (types[i], mime) == 0;
    }
  g_slist_free (formats);
  return found;
}

static GaAnnexKind
kind_of (const char   *name,
         const guint8 *data,
         gsize         len,
         gboolean     *unsupported_image)
{
  g_autofree char *type = NULL;
  g_autofree char *mime = NULL;

  *unsupported_image = FALSE;
  if (looks_like_pdf (data, len) || name_has_suffix (name, ".pdf"))
    return GA_ANNEX_KIND_PDF;
  if (looks_like_image (data, len))
    return GA_ANNEX_KIND_IMAGE;
  type = g_content_type_guess (name, data, MIN (len, 4096), NULL);
  mime = type != NULL ? g_content_type_get_mime_type (type) : NULL;
  if (mime != NULL && g_str_has_prefix (mime, "image/"))
    {
      if (pixbuf_reads (mime))
        return GA_ANNEX_KIND_IMAGE;
      *unsupported_image = TRUE;
    }
  return GA_ANNEX_KIND_OTHER;
}

/* The number of colour components of a baseline or progressive JPEG
 * (from its frame header), or 0 when it has none. */
static guint
jpeg_components (const guint8 *data,
                 gsize         len)
{
  gsize at = 2;

  while (at + 4 <= len)
    {
      guint marker, seg;

      if (data[at] != 0xff)
        return 0;
      marker = data[at + 1];
      if (marker == 0xff)
        {
          at++;
          continue;
        }
      if (marker == 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker == 0x01)
        {
          at += 2;
          continue;
        }
      seg = ((guint) data[at + 2] << 8) | data[at + 3];
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        return at + 9 < len ? data[at + 9] : 0;
      if (marker == 0xda || seg < 2)
        return 0;
      at += 2 + seg;
    }
  return 0;
}

static const char *
pdf_reason (const GError *error,
            gboolean      zh)
{
  if (g_error_matches (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    return zh ? "该 PDF 已加密，需要密码才能打开；请附加未加密的文件"
              : "the PDF is encrypted and needs a password to open; attach an unencrypted copy";
  return zh ? "该 PDF 已损坏或不完整，无法读取；请重新附加完好的文件"
            : "the PDF is damaged or incomplete and cannot be read; attach an intact copy";
}

gboolean
_ga_annex_open (GaAnnexFile   *file,
                GBytes        *bytes,
                GError        *read_error,
                gboolean       zh,
                GaAnnexOpened *opened)
{
  g_autoptr(GError) error = NULL;
  const guint8 *data;
  gsize len;
  gboolean unsupported = FALSE;

  memset (opened, 0, sizeof *opened);
  g_clear_pointer (&file->reason, g_free);
  file->n_pages = 0;
  if (bytes == NULL)
    {
      file->status = GA_DOC_ANNEX_UNREADABLE;
      file->reason = zh ? g_strdup_printf ("无法读取该文件：%s",
                                           read_error != NULL ? read_error->message : "")
                        : g_strdup_printf ("the file cannot be read: %s",
                                           read_error != NULL ? read_error->message : "");
      return FALSE;
    }

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = (const guint8 *) "";
  file->kind = kind_of (file->name, data, len, &unsupported);
  switch (file->kind)
    {
    case GA_ANNEX_KIND_PDF:
      opened->pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
      if (opened->pdf != NULL && poppler_document_get_n_pages (opened->pdf) < 1)
        g_clear_object (&opened->pdf);
      if (opened->pdf == NULL)
        {
          file->status = GA_DOC_ANNEX_UNREADABLE;
          file->reason = g_strdup (pdf_reason (error, zh));
          return FALSE;
        }
      file->n_pages = (guint) poppler_document_get_n_pages (opened->pdf);
      break;

    case GA_ANNEX_KIND_IMAGE:
      {
        g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
        GdkPixbuf *pixbuf = NULL;
        const char *orientation;
        gboolean ok;

        ok = gdk_pixbuf_loader_write (loader, data, len, &error);
        /* Closed either way, so that a loader is never dropped open. */
        ok = gdk_pixbuf_loader_close (loader, ok ? &error : NULL) && ok;
        if (ok)
          pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
        if (pixbuf == NULL || gdk_pixbuf_get_width (pixbuf) < 1
            || gdk_pixbuf_get_height (pixbuf) < 1)
          {
            file->status = GA_DOC_ANNEX_UNREADABLE;
            file->reason = g_strdup (zh ? "该图片已损坏或格式无法识别，无法读取；请重新附加完好的文件"
                                        : "the image is damaged or of an unknown kind and "
                                          "cannot be read; attach an intact copy");
            return FALSE;
          }
        /* Photos taken sideways say so; the page shows them upright. */
        orientation = gdk_pixbuf_get_option (pixbuf, "orientation");
        if (orientation != NULL && g_strcmp0 (orientation, "1") != 0)
          opened->image = gdk_pixbuf_apply_embedded_orientation (pixbuf);
        else
          {
            opened->image = g_object_ref (pixbuf);
            /* A JPEG goes into the PDF as it is (smaller, no loss), when
             * every PDF reader shows it the same: grey or RGB. */
            if (len >= 3 && data[0] == 0xff && data[1] == 0xd8)
              {
                guint n = jpeg_components (data, len);

                opened->jpeg_as_is = n == 1 || n == 3;
              }
          }
        file->n_pages = 1;
      }
      break;

    case GA_ANNEX_KIND_OTHER:
    default:
      file->status = GA_DOC_ANNEX_NOT_MERGEABLE;
      if (unsupported)
        file->reason = g_strdup (zh ? "图片格式无法合并；请转换为 JPEG、PNG 或 PDF 后重新附加"
                                    : "an image of a kind that cannot be merged; convert it to "
                                      "JPEG, PNG or PDF and attach it again");
      else
        file->reason = g_strdup (zh ? "不是 PDF 或图片；请另行提交原件"
                                    : "not a PDF or an image; submit the original separately");
      return FALSE;
    }

  opened->bytes = g_bytes_ref (bytes);
  return TRUE;
}

void
_ga_annex_page_size (double  w,
                     double  h,
                     double *page_w,
                     double *page_h)
{
  double a4_w, a4_h;

  ga_doc_layout_get_default_page (&a4_w, &a4_h, NULL);
  if (w > h)
    {
      *page_w = a4_h;
      *page_h = a4_w;
    }
  else
    {
      *page_w = a4_w;
      *page_h = a4_h;
    }
}

/* A cairo image of @pixbuf (8 bits per sample, RGB or RGBA). */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int w = gdk_pixbuf_get_width (pixbuf);
  int h = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *src = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (alpha ? CAIRO_FORMAT_ARGB32
                                                               : CAIRO_FORMAT_RGB24, w, h);
  guint8 *dst;
  int dst_stride;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface;
  cairo_surface_flush (surface);
  dst = cairo_image_surface_get_data (surface);
  dst_stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < h; y++)
    {
      const guint8 *s = src + (gsize) y * src_stride;
      guint32 *d = (guint32 *) (dst + (gsize) y * dst_stride);

      for (int x = 0; x < w; x++, s += channels)
        {
          guint a = alpha ? s[3] : 255;
          guint r = s[0], g = s[1], b = s[2];

          if (a < 255)
            {
              /* Cairo's pixels are premultiplied. */
              r = (r * a + 127) / 255;
              g = (g * a + 127) / 255;
              b = (b * a + 127) / 255;
            }
          d[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static void
bytes_unref_cb (void *data)
{
  g_bytes_unref (data);
}

static void
draw_frame (cairo_t *cr,
            double   x,
            double   y,
            double   w,
            double   h)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, x - 0.25, y - 0.25, w + 0.5, h + 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_pdf_page (cairo_t     *cr,
               PopplerPage *page,
               double       box_x,
               double       box_y,
               double       box_w,
               double       box_h)
{
  double w, h, scale, x, y;

  poppler_page_get_size (page, &w, &h);
  if (!(w > 0 && h > 0))
    return;
  /* Shrunk to fit, never enlarged: a small receipt stays its size. */
  scale = MIN (1.0, MIN (box_w / w, box_h / h));
  x = box_x + (box_w - w * scale) / 2;
  y = box_y + (box_h - h * scale) / 2;
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_clip (cr);
  /* The page as it prints: annotations meant for the screen only stay
   * out. */
  poppler_page_render_for_printing (page, cr);
  cairo_restore (cr);
  draw_frame (cr, x, y, w * scale, h * scale);
}

static void
draw_image (cairo_t       *cr,
            GaAnnexOpened *opened,
            double         box_x,
            double         box_y,
            double         box_w,
            double         box_h)
{
  GdkPixbuf *image = opened->image;
  g_autoptr(GdkPixbuf) resampled = NULL;
  cairo_surface_t *surface;
  double iw = gdk_pixbuf_get_width (image);
  double ih = gdk_pixbuf_get_height (image);
  double scale = MIN (1.0, MIN (box_w / iw, box_h / ih));   /* points per pixel */
  double w = iw * scale, h = ih * scale;
  double x = box_x + (box_w - w) / 2, y = box_y + (box_h - h) / 2;
  gboolean as_is = opened->jpeg_as_is && iw <= 32767 && ih <= 32767;

  /* More pixels than print needs, and not embedded as they are: resampled
   * to keep the file small. */
  if (!as_is && iw > w / 72.0 * IMAGE_MAX_DPI * 1.05)
    {
      int tw = MAX (1, (int) (w / 72.0 * IMAGE_MAX_DPI + 0.5));
      int th = MAX (1, (int) (h / 72.0 * IMAGE_MAX_DPI + 0.5));

      resampled = gdk_pixbuf_scale_simple (image, tw, th, GDK_INTERP_HYPER);
      if (resampled != NULL)
        image = resampled;
    }

  surface = surface_from_pixbuf (image);
  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    {
      if (as_is)
        {
          gsize len;
          const guint8 *data = g_bytes_get_data (opened->bytes, &len);

          cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG, data, len, bytes_unref_cb,
                                       g_bytes_ref (opened->bytes));
        }
      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, w / gdk_pixbuf_get_width (image), h / gdk_pixbuf_get_height (image));
      cairo_set_source_surface (cr, surface, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      cairo_restore (cr);
      draw_frame (cr, x, y, w, h);
    }
  cairo_surface_destroy (surface);
}

static void
show_text (cairo_t      *cr,
           PangoContext *pango,
           const char   *family,
           double        size,
           double        x,
           double        y,
           double        width,
           PangoAlignment align,
           const char   *text)
{
  g_autoptr(PangoLayout) layout = _ga_layout_text_new (pango, family, size, FALSE, width, align,
                                                       1.0);

  _ga_layout_set_text (layout, text);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

void
_ga_annex_draw_content (cairo_t       *cr,
                        GaAnnexOpened *opened,
                        guint          index,
                        double         page_w,
                        double         page_h,
                        PangoContext  *pango,
                        const char    *family,
                        gboolean       zh)
{
  double box_x = MARGIN_SIDE, box_y = MARGIN_TOP;
  double box_w = page_w - 2 * MARGIN_SIDE, box_h = page_h - MARGIN_TOP - MARGIN_BOTTOM;

  cairo_save (cr);
  if (opened != NULL && opened->pdf != NULL)
    {
      PopplerPage *page = poppler_document_get_page (opened->pdf, (int) index);

      if (page != NULL)
        {
          draw_pdf_page (cr, page, box_x, box_y, box_w, box_h);
          g_object_unref (page);
          cairo_restore (cr);
          return;
        }
    }
  else if (opened != NULL && opened->image != NULL)
    {
      draw_image (cr, opened, box_x, box_y, box_w, box_h);
      cairo_restore (cr);
      return;
    }
  /* The file changed or went between counting its pages and drawing them:
   * the page keeps its number and says so. */
  cairo_set_source_rgb (cr, 0, 0, 0);
  show_text (cr, pango, family, GA_DOC_SIZE_BODY, box_x, box_y + box_h / 3, box_w,
             PANGO_ALIGN_CENTER,
             zh ? "此页无法读取：文件在合并时已被更改或删除。" :
                  "This page cannot be read: the file was changed or removed while merging.");
  cairo_restore (cr);
}

void
_ga_annex_draw_stamp (cairo_t           *cr,
                      const GaAnnexFile *file,
                      guint              index,
                      guint              page,
                      guint              total,
                      double             page_w,
                      double             page_h,
                      PangoContext      *pango,
                      const char        *family,
                      gboolean           zh)
{
  g_autofree char *stamp = NULL;
  g_autofree char *footer = NULL;
  double half = (page_w - 2 * MARGIN_SIDE) / 2;
  double stamp_y = MARGIN_TOP / 2 - GA_DOC_SIZE_BODY * 0.65;

  if (zh)
    {
      stamp = g_strdup_printf ("附件 %u · 第 %u/%u 页", file->number, index + 1, file->n_pages);
      footer = g_strdup_printf ("第 %u 页 共 %u 页", page, total);
    }
  else
    {
      stamp = g_strdup_printf ("Annex %u · page %u/%u", file->number, index + 1, file->n_pages);
      footer = g_strdup_printf ("Page %u of %u", page, total);
    }
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  show_text (cr, pango, family, GA_DOC_SIZE_SMALL, MARGIN_SIDE, stamp_y + 1.5, half - 6,
             PANGO_ALIGN_LEFT, file->name);
  show_text (cr, pango, family, GA_DOC_SIZE_BODY, MARGIN_SIDE + half, stamp_y, half,
             PANGO_ALIGN_RIGHT, stamp);
  show_text (cr, pango, family, GA_DOC_SIZE_SMALL, MARGIN_SIDE,
             page_h - MARGIN_BOTTOM / 2 - GA_DOC_SIZE_SMALL * 0.6, page_w - 2 * MARGIN_SIDE,
             PANGO_ALIGN_CENTER, footer);
  cairo_restore (cr);
}
