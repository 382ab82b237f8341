/* ga-formula-arena.c: formulas made one after another, side by side
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A template's scoring rules are made one after another and evaluated one
 * after another, item by item. Taken from malloc one at a time they land
 * wherever the heap has room, far apart after the template's JSON was
 * freed; every evaluation then starts with a cache miss. A builder places
 * them in chunks instead, in the order they are made. Each formula holds a
 * reference on its chunk, which goes when the last formula in it goes.
 */

#define G_LOG_DOMAIN "ga-formula"

#include "config.h"

#include "ga-formula-private.h"

#define FIRST_CHUNK  4096
#define LARGEST_CHUNK 65536
#define ALIGNMENT    8

struct _GaFormulaChunk {
  gatomicrefcount ref_count;
};

struct _GaFormulaArena {
  GaFormulaChunk *chunk;       /* being filled; the arena holds a reference */
  char           *next;        /* its free space */
  gsize           left;
  gsize           chunk_size;  /* of the next chunk */
  guint           n_blocks;
};

/* The blocks of a chunk start after its header, aligned. */
#define CHUNK_HEADER ((sizeof (GaFormulaChunk) + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT)

GaFormulaArena *
ga_formula_arena_new (void)
{
  GaFormulaArena *arena = g_new0 (GaFormulaArena, 1);

  arena->chunk_size = FIRST_CHUNK;
  return arena;
}

void
ga_formula_chunk_unref (GaFormulaChunk *chunk)
{
  if (g_atomic_ref_count_dec (&chunk->ref_count))
    g_free (chunk);
}

void
ga_formula_arena_free (GaFormulaArena *arena)
{
  if (arena == NULL)
    return;
  if (arena->chunk != NULL)
    ga_formula_chunk_unref (arena->chunk);
  g_free (arena);
}

gpointer
ga_formula_arena_alloc (GaFormulaArena  *arena,
                        gsize            size,
                        GaFormulaChunk **chunk)
{
  char *block;

  /* A builder that makes a single formula gains nothing from a chunk. */
  if (arena == NULL || arena->n_blocks++ == 0)
    {
      *chunk = NULL;
      return g_malloc (size);
    }

  size = (size + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
  if (arena->chunk == NULL || arena->left < size)
    {
      gsize bytes = MAX (arena->chunk_size, size);

      if (arena->chunk != NULL)
        ga_formula_chunk_unref (arena->chunk);
      arena->chunk = g_malloc (CHUNK_HEADER + bytes);
      g_atomic_ref_count_init (&arena->chunk->ref_count);
      arena->next = (char *) arena->chunk + CHUNK_HEADER;
      arena->left = bytes;
      arena->chunk_size = MIN (arena->chunk_size * 2, LARGEST_CHUNK);
    }
  block = arena->next;
  arena->next += size;
  arena->left -= size;
  g_atomic_ref_count_inc (&arena->chunk->ref_count);
  *chunk = arena->chunk;
  return block;
}
