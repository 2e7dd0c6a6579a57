/* hh_rfont.c - a font made of several faces (the first one plus fallbacks per script:
 * Latin, Thai, Arabic, CJK, symbols). FreeType renders glyphs, by glyph index, on
 * demand into one R8 atlas texture, cached by (face, glyph, pixel size); each face
 * also has a HarfBuzz font for shaping (hh_rtext.c). A 4x4 white block at the atlas
 * origin serves the HUD's solid panels. When the atlas fills up it is cleared and
 * refilled. */
#include "hh_render_int.h"
#include "../core/hh_i18n.h"
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>
#include <stdlib.h>
#include <string.h>

#define ATLAS 2048        /* atlas side (texels): 4 MiB, large print at 4K fits */
#define SLOTS 4096        /* cache slots (power of two) */

struct hh_font {
  FT_Library lib;
  FT_Face face[HH_FONT_MAX_FACES];
  hb_font_t *hb[HH_FONT_MAX_FACES];
  int cur_px[HH_FONT_MAX_FACES]; /* size each face is set to */
  int n_face;
  GLuint tex;
  int pen_x, pen_y, row_h; /* shelf packer */
  hh_glyph slot[SLOTS];
  int used;
  int resets; /* times the atlas filled up and was started over */
};

/* forget every glyph and start packing again after the white block */
static void atlas_reset(hh_font *f) {
  memset(f->slot, 0, sizeof f->slot);
  f->used = 0;
  f->pen_x = 6;
  f->pen_y = 0;
  f->row_h = 6;
}

/* open face_index of path as face number f->n_face (FreeType + HarfBuzz); 0 on success */
static int add_face(hh_font *f, const char *path, int face_index) {
  if (f->n_face >= HH_FONT_MAX_FACES) return -1;
  FT_Face face;
  if (FT_New_Face(f->lib, path, face_index, &face)) return -1;
  hb_blob_t *blob = hb_blob_create_from_file(path);
  hb_face_t *hf = hb_face_create(blob, (unsigned)face_index);
  hb_blob_destroy(blob);
  hb_font_t *hb = hb_font_create(hf);
  hb_face_destroy(hf);
  if (!hb || hb_face_get_glyph_count(hb_font_get_face(hb)) == 0) {
    hb_font_destroy(hb);
    FT_Done_Face(face);
    return -1;
  }
  f->face[f->n_face] = face;
  f->hb[f->n_face] = hb;
  f->cur_px[f->n_face] = 0;
  f->n_face++;
  return 0;
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
  if (add_face(f, path, face_index) != 0) {
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

int hh_rfont_add(hh_font *f, const char *path, int face_index) {
  if (!f || add_face(f, path, face_index) != 0) return -1;
  return f->n_face - 1;
}

void hh_rfont_close(hh_font *f) {
  if (!f) return;
  glDeleteTextures(1, &f->tex);
  for (int i = 0; i < f->n_face; i++) {
    hb_font_destroy(f->hb[i]);
    FT_Done_Face(f->face[i]);
  }
  FT_Done_FreeType(f->lib);
  free(f);
}

GLuint hh_rfont_texture(const hh_font *f) { return f->tex; }
int hh_rfont_atlas_size(const hh_font *f) { (void)f; return ATLAS; }
int hh_rfont_glyphs(const hh_font *f) { return f->used; }
int hh_rfont_resets(const hh_font *f) { return f->resets; }
int hh_rfont_faces(const hh_font *f) { return f ? f->n_face : 0; }

void *hh_rfont_hb(hh_font *f, int face, int px) {
  if (!f || face < 0 || face >= f->n_face) return NULL;
  hb_font_set_scale(f->hb[face], px * 64, px * 64); /* positions in 1/64 pixel */
  return f->hb[face];
}

int hh_rfont_has(hh_font *f, int face, uint32_t cp) {
  return f && face >= 0 && face < f->n_face && FT_Get_Char_Index(f->face[face], cp) != 0;
}

int hh_rfont_face_for(hh_font *f, uint32_t cp) {
  for (int i = 0; f && i < f->n_face; i++)
    if (FT_Get_Char_Index(f->face[i], cp)) return i;
  return -1;
}

/* set a face's pixel size if it differs */
static void set_px(hh_font *f, int face, int px) {
  if (f->cur_px[face] != px) {
    FT_Set_Pixel_Sizes(f->face[face], 0, (FT_UInt)px);
    f->cur_px[face] = px;
  }
}

/* render glyph gid of face at px into the atlas and fill g; 0 when the atlas is full,
   -1 when the face cannot render it */
static int rasterize(hh_font *f, int face, uint32_t gid, int px, hh_glyph *g) {
  set_px(f, face, px);
  if (FT_Load_Glyph(f->face[face], gid, FT_LOAD_RENDER)) return -1;
  FT_GlyphSlot s = f->face[face]->glyph;
  int w = (int)s->bitmap.width, h = (int)s->bitmap.rows;
  if (f->pen_x + w + 1 > ATLAS) { /* next shelf */
    f->pen_x = 0;
    f->pen_y += f->row_h + 1;
    f->row_h = 0;
  }
  if (f->pen_y + h + 1 > ATLAS) return 0;
  g->cp = HH_GLYPH_KEY(face, gid);
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

const hh_glyph *hh_rfont_glyph_id(hh_font *f, int face, uint32_t gid, int px) {
  if (!f || face < 0 || face >= f->n_face) return NULL;
  uint32_t key = HH_GLYPH_KEY(face, gid);
  uint32_t hsh = (key * 2654435761u) ^ ((uint32_t)px * 40503u);
  for (int tries = 0; tries < 2; tries++) {
    uint32_t i = hsh & (SLOTS - 1);
    while (f->slot[i].px) {
      if (f->slot[i].cp == key && f->slot[i].px == px) return &f->slot[i];
      i = (i + 1) & (SLOTS - 1);
    }
    if (f->used < SLOTS * 3 / 4) {
      int r = rasterize(f, face, gid, px, &f->slot[i]);
      if (r > 0) {
        f->used++;
        return &f->slot[i];
      }
      if (r < 0) return NULL; /* the face cannot render it */
    }
    atlas_reset(f); /* full: start over (this frame may show a stale glyph) */
    f->resets++;
  }
  return NULL;
}

