/* hh_rfont.c - FreeType glyphs rendered on demand into one R8 atlas texture and
 * cached by (code point, pixel size). A 4x4 white block at the atlas origin serves
 * the HUD's solid panels. When the atlas fills up it is cleared and refilled. */
#include "hh_render_int.h"
#include "../core/hh_i18n.h"
#include <ft2build.h>
#include FT_FREETYPE_H
#include <stdlib.h>
#include <string.h>

#define ATLAS 1024        /* atlas side (texels) */
#define SLOTS 4096        /* cache slots (power of two) */

struct hh_font {
  FT_Library lib;
  FT_Face face;
  int cur_px;             /* size the face is set to */
  GLuint tex;
  int pen_x, pen_y, row_h; /* shelf packer */
  hh_glyph slot[SLOTS];
  int used;
};

/* forget every glyph and start packing again after the white block */
static void atlas_reset(hh_font *f) {
  memset(f->slot, 0, sizeof f->slot);
  f->used = 0;
  f->pen_x = 6;
  f->pen_y = 0;
  f->row_h = 6;
}

hh_font *hh_rfont_open(const char *path, int face_index, hh_error *err) {
  hh_font *f = calloc(1, sizeof *f);
  if (!f) {
    hh_error_set(err, HH_E_NOMEM, "", 0, 0, "%s", hh_tr("out of memory for the font"));
    return NULL;
  }
  if (FT_Init_FreeType(&f->lib)) {
    free(f);
    hh_error_set(err, HH_E_INTERNAL, "", 0, 0, "%s", hh_tr("cannot start FreeType"));
    return NULL;
  }
  if (FT_New_Face(f->lib, path, face_index, &f->face)) {
    FT_Done_FreeType(f->lib);
    free(f);
    hh_error_set(err, HH_E_FILE_NOT_FOUND, path, 0, 0, hh_tr("cannot open font (face %d)"), face_index);
    return NULL;
  }
  glGenTextures(1, &f->tex);
  glBindTexture(GL_TEXTURE_2D, f->tex);
  unsigned char *zero = calloc(ATLAS * ATLAS, 1);
  if (zero)
    for (int y = 0; y < 4; y++) memset(zero + y * ATLAS, 255, 4);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, ATLAS, ATLAS, 0, GL_RED, GL_UNSIGNED_BYTE, zero);
  free(zero);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glBindTexture(GL_TEXTURE_2D, 0);
  atlas_reset(f);
  return f;
}

void hh_rfont_close(hh_font *f) {
  if (!f) return;
  glDeleteTextures(1, &f->tex);
  FT_Done_Face(f->face);
  FT_Done_FreeType(f->lib);
  free(f);
}

GLuint hh_rfont_texture(const hh_font *f) { return f->tex; }
int hh_rfont_atlas_size(const hh_font *f) { (void)f; return ATLAS; }

/* set the face's pixel size if it differs */
static void set_px(hh_font *f, int px) {
  if (f->cur_px != px) {
    FT_Set_Pixel_Sizes(f->face, 0, (FT_UInt)px);
    f->cur_px = px;
  }
}

float hh_rfont_ascent(hh_font *f, int px) {
  set_px(f, px);
  return (float)f->face->size->metrics.ascender / 64.0f;
}

/* render cp at px into the atlas and fill g; 0 when the atlas is full */
static int rasterize(hh_font *f, uint32_t cp, int px, hh_glyph *g) {
  set_px(f, px);
  if (FT_Load_Char(f->face, cp, FT_LOAD_RENDER)) return -1;
  FT_GlyphSlot s = f->face->glyph;
  int w = (int)s->bitmap.width, h = (int)s->bitmap.rows;
  if (f->pen_x + w + 1 > ATLAS) { /* next shelf */
    f->pen_x = 0;
    f->pen_y += f->row_h + 1;
    f->row_h = 0;
  }
  if (f->pen_y + h + 1 > ATLAS) return 0;
  g->cp = cp;
  g->px = px;
  g->x = f->pen_x;
  g->y = f->pen_y;
  g->w = w;
  g->h = h;
  g->left = s->bitmap_left;
  g->top = s->bitmap_top;
  g->advance = (float)s->advance.x / 64.0f;
  if (w > 0 && h > 0) {
    glBindTexture(GL_TEXTURE_2D, f->tex);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, s->bitmap.pitch);
    glTexSubImage2D(GL_TEXTURE_2D, 0, g->x, g->y, w, h, GL_RED, GL_UNSIGNED_BYTE,
                    s->bitmap.buffer);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  }
  f->pen_x += w + 1;
  if (h > f->row_h) f->row_h = h;
  return 1;
}

const hh_glyph *hh_rfont_glyph(hh_font *f, uint32_t cp, int px) {
  uint32_t hsh = (cp * 2654435761u) ^ ((uint32_t)px * 40503u);
  for (int tries = 0; tries < 2; tries++) {
    uint32_t i = hsh & (SLOTS - 1);
    while (f->slot[i].px) {
      if (f->slot[i].cp == cp && f->slot[i].px == px) return &f->slot[i];
      i = (i + 1) & (SLOTS - 1);
    }
    if (f->used < SLOTS * 3 / 4) {
      int r = rasterize(f, cp, px, &f->slot[i]);
      if (r > 0) {
        f->used++;
        return &f->slot[i];
      }
      if (r < 0) return NULL; /* the face has no such glyph */
    }
    atlas_reset(f); /* full: start over (this frame may show a stale glyph) */
  }
  return NULL;
}
