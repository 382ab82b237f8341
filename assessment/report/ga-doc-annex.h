/* ga-doc-annex.h: a report and the files attached to it, in one PDF
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Local rounds ask for everything in one PDF: the report followed by its
 * evidence. ga_doc_write_pdf_with_annex() writes the report's pages as
 * ga_doc_write_pdf() does, then a separator page (or more) that lists the
 * attached files: the pages of this PDF each one takes, and the files that
 * are not in it, with why and with their SHA-256; then every page of each
 * attached PDF and each image, in the order they were added (the report's
 * evidence index).
 *
 * An attached page is scaled down to fit an A4 page (landscape for a
 * landscape page) inside margins that leave room for its stamp: the
 * file's number and the page within the file at the top right
 * ("附件 3 · 第 2/5 页", "Annex 3 · page 2/5"), its name at the top left,
 * in the report's font. Images are scaled to fit the same space, keeping
 * their aspect, and a JPEG is embedded as it is. PDF pages stay vector
 * graphics with their text (poppler draws them into the PDF).
 *
 * Page numbers: the footer "第 N 页 共 M 页" counts every page of the file,
 * the report's first, as a bound submission is numbered. The report's own
 * pages, its table of contents included, keep their numbers, since they
 * come first.
 *
 * Files are read one at a time, when they are needed, through a callback:
 * once to count their pages and once to draw them, so that one file at a
 * time is in memory. The PDF goes to a temporary file beside the target as
 * it is made, and takes the target's name only when it is complete.
 *
 * What is not merged: a file that is neither a PDF nor an image GdkPixbuf
 * can read (DOCX, XLSX, text …) is listed as not merged; a PDF that needs
 * a password, or a damaged PDF or image, is listed with the reason in the
 * report's language. The other files are merged all the same.
 */
#pragma once

#include <gio/gio.h>

#include "ga-doc.h"

G_BEGIN_DECLS

typedef enum {
  GA_DOC_ANNEX_PENDING,        /* not written yet */
  GA_DOC_ANNEX_MERGED,         /* its pages are in the PDF */
  GA_DOC_ANNEX_NOT_MERGEABLE,  /* neither a PDF nor an image: listed, not merged */
  GA_DOC_ANNEX_UNREADABLE,     /* a PDF or an image that cannot be read: listed with why */
} GaDocAnnexStatus;

typedef struct _GaDocAnnex GaDocAnnex;

/* The bytes of the file added with @key, or NULL with @error. Called from
 * the thread that writes, once or twice per file. */
typedef GBytes *(*GaDocAnnexReadFunc) (gpointer   user_data,
                                       gint64     key,
                                       GError   **error);
/* How far the writing is, from 0 to 1; called from the thread that writes. */
typedef void    (*GaDocProgressFunc)  (double     fraction,
                                       gpointer   user_data);

GaDocAnnex       *ga_doc_annex_new            (GaDocAnnexReadFunc  read,
                                               gpointer            user_data,
                                               GDestroyNotify      destroy);
void              ga_doc_annex_free           (GaDocAnnex         *annex);

/* A file: @number is its number in the report's evidence index, @name
 * the name shown, @sha256 its checksum (hex), @key what @read is given. */
void              ga_doc_annex_add            (GaDocAnnex         *annex,
                                               guint               number,
                                               const char         *name,
                                               const char         *sha256,
                                               gint64              key);
guint             ga_doc_annex_get_n_files    (GaDocAnnex         *annex);

/* After ga_doc_write_pdf_with_annex(): what became of file @index (in the
 * order added), the page of the PDF its first page is (from 1) and how
 * many pages it has there (0 when it is not merged), and why it is not
 * merged (in the report's language; NULL when it is). */
GaDocAnnexStatus  ga_doc_annex_get_status     (GaDocAnnex         *annex,
                                               guint               index);
guint             ga_doc_annex_get_first_page (GaDocAnnex         *annex,
                                               guint               index);
guint             ga_doc_annex_get_n_pages    (GaDocAnnex         *annex,
                                               guint               index);
const char       *ga_doc_annex_get_reason     (GaDocAnnex         *annex,
                                               guint               index);
/* One sentence about a file that is not merged, naming it by number and
 * name, in the report's language ("附件 4（检测报告.docx）未合并：…");
 * NULL for a merged file. */
char             *ga_doc_annex_dup_note       (GaDocAnnex         *annex,
                                               guint               index);
/* Pages in the whole PDF written last (0 before). */
guint             ga_doc_annex_get_total_pages (GaDocAnnex        *annex);

/* Writes @doc and the files of @annex to @path as one PDF (replacing a
 * file there). @progress (may be NULL) hears how far it is. Cancelling
 * @cancellable stops between two pages with G_IO_ERROR_CANCELLED and
 * leaves no file. A file that cannot be merged is not an error; the
 * statuses say what happened to each. Fails with GA_DOC_ERROR_WRITE when
 * the file cannot be written. */
gboolean          ga_doc_write_pdf_with_annex (GaDoc              *doc,
                                               GaDocAnnex         *annex,
                                               const char         *path,
                                               GaDocProgressFunc   progress,
                                               gpointer            progress_data,
                                               GCancellable       *cancellable,
                                               GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaDocAnnex, ga_doc_annex_free)

G_END_DECLS
