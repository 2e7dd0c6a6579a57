/* hh_rmesh.c - the one box mesh (unit cube with face normals), drawn instanced, and
 * the instance list helpers that place boxes and bars in the world. */
#include "hh_render_int.h"
#include "../core/hh_i18n.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

int hh_rmesh_create(hh_mesh *mesh, hh_error *err) {
  /* 6 faces x 4 corners: position, normal */
  static const float n[6][3] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
  float v[24 * 6];
  unsigned short idx[36];
  for (int f = 0; f < 6; f++) {
    int a = f / 2, s = (n[f][a] > 0) ? 1 : -1;
    int u = (a + 1) % 3, w = (a + 2) % 3;
    static const float cu[4] = {-1, 1, 1, -1}, cw[4] = {-1, -1, 1, 1};
    for (int k = 0; k < 4; k++) {
      float *p = v + (f * 4 + k) * 6;
      p[a] = (float)s;
      p[u] = cu[k];
      p[w] = cw[k] * (float)s; /* flip winding on the negative face: CCW outside */
      p[3] = n[f][0];
      p[4] = n[f][1];
      p[5] = n[f][2];
    }
    unsigned short b = (unsigned short)(f * 4);
    unsigned short q[6] = {b, (unsigned short)(b + 1), (unsigned short)(b + 2), b,
                           (unsigned short)(b + 2), (unsigned short)(b + 3)};
    memcpy(idx + f * 6, q, sizeof q);
  }
  memset(mesh, 0, sizeof *mesh);
  glGenVertexArrays(1, &mesh->vao);
  glGenBuffers(1, &mesh->vbo);
  glGenBuffers(1, &mesh->ibo);
  glGenBuffers(1, &mesh->inst_vbo);
  glBindVertexArray(mesh->vao);
  glBindBuffer(GL_ARRAY_BUFFER, mesh->vbo);
  glBufferData(GL_ARRAY_BUFFER, sizeof v, v, GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 6 * sizeof(float), (void *)0);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 6 * sizeof(float), (void *)(3 * sizeof(float)));
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, mesh->ibo);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof idx, idx, GL_STATIC_DRAW);
  glBindBuffer(GL_ARRAY_BUFFER, mesh->inst_vbo);
  for (int i = 0; i < 6; i++) { /* model matrix columns 2..5, rgba 6, material 7 */
    glEnableVertexAttribArray((GLuint)(2 + i));
    glVertexAttribPointer((GLuint)(2 + i), 4, GL_FLOAT, GL_FALSE, sizeof(hh_inst),
                          (void *)(sizeof(float) * 4 * (size_t)i));
    glVertexAttribDivisor((GLuint)(2 + i), 1);
  }
  glBindVertexArray(0);
  mesh->n_index = 36;
  if (glGetError() != GL_NO_ERROR)
    return hh_error_set(err, HH_E_INTERNAL, "", 0, 0, "%s", hh_tr("cannot create the box mesh"));
  return HH_OK;
}

void hh_rmesh_destroy(hh_mesh *mesh) {
  if (!mesh->vao) return;
  glDeleteBuffers(1, &mesh->vbo);
  glDeleteBuffers(1, &mesh->ibo);
  glDeleteBuffers(1, &mesh->inst_vbo);
  glDeleteVertexArrays(1, &mesh->vao);
  memset(mesh, 0, sizeof *mesh);
}

void hh_rmesh_upload(hh_mesh *mesh, const hh_inst *v, int n) {
  glBindBuffer(GL_ARRAY_BUFFER, mesh->inst_vbo);
  if (n > mesh->inst_cap) mesh->inst_cap = n * 2;
  /* fresh storage each frame (orphaning): the upload never waits for the last draw */
  glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)(sizeof(hh_inst) * (size_t)mesh->inst_cap), NULL,
               GL_STREAM_DRAW);
  if (n > 0)
    glBufferSubData(GL_ARRAY_BUFFER, 0, (GLsizeiptr)(sizeof(hh_inst) * (size_t)n), v);
}

void hh_rmesh_draw(hh_mesh *mesh, int first, int n) {
  if (n <= 0) return;
  glBindVertexArray(mesh->vao);
  glBindBuffer(GL_ARRAY_BUFFER, mesh->inst_vbo);
  /* GL 3.3 has no base instance: point the instance attributes at the range */
  size_t base = sizeof(hh_inst) * (size_t)first;
  for (int i = 0; i < 6; i++)
    glVertexAttribPointer((GLuint)(2 + i), 4, GL_FLOAT, GL_FALSE, sizeof(hh_inst),
                          (void *)(base + sizeof(float) * 4 * (size_t)i));
  glDrawElementsInstanced(GL_TRIANGLES, mesh->n_index, GL_UNSIGNED_SHORT, 0, n);
  glBindVertexArray(0);
}

/* room for one more instance; NULL when out of memory (the box is then skipped) */
static hh_inst *ibuf_push(hh_ibuf *b) {
  if (b->n == b->cap) {
    int cap = b->cap ? b->cap * 2 : 256;
    hh_inst *v = realloc(b->v, sizeof *v * (size_t)cap);
    if (!v) return NULL;
    b->v = v;
    b->cap = cap;
  }
  return &b->v[b->n++];
}

/* write a model matrix from a rotation (3x3 row-major r), centre and half extents */
static void put(hh_ibuf *b, const double r[9], const double c[3], const double h[3],
                const float rgba[4], int mat) {
  hh_inst *in = ibuf_push(b);
  if (!in) return;
  for (int col = 0; col < 3; col++)
    for (int row = 0; row < 3; row++) in->model[col * 4 + row] = (float)(r[row * 3 + col] * h[col]);
  in->model[3] = in->model[7] = in->model[11] = 0.0f;
  in->model[12] = (float)c[0];
  in->model[13] = (float)c[1];
  in->model[14] = (float)c[2];
  in->model[15] = 1.0f;
  memcpy(in->rgba, rgba, sizeof in->rgba);
  in->mat[0] = (float)mat;
  in->mat[1] = in->mat[2] = in->mat[3] = 0.0f;
}

void hh_ibuf_box(hh_ibuf *b, const double c[3], const double half[3], double yaw,
                 const float rgba[4], int mat) {
  double cs = cos(yaw), sn = sin(yaw);
  double r[9] = {cs, -sn, 0, sn, cs, 0, 0, 0, 1};
  put(b, r, c, half, rgba, mat);
}

void hh_ibuf_box_q(hh_ibuf *b, const double c[3], const double half[3],
                   const double q[4], const float rgba[4], int mat) {
  double x = q[0], y = q[1], z = q[2], w = q[3];
  double n = x * x + y * y + z * z + w * w;
  if (n < 1e-12) { /* an unset pose: identity */
    x = y = z = 0;
    w = 1;
    n = 1;
  }
  double s = 2.0 / n;
  double r[9] = {1 - s * (y * y + z * z), s * (x * y - z * w), s * (x * z + y * w),
                 s * (x * y + z * w), 1 - s * (x * x + z * z), s * (y * z - x * w),
                 s * (x * z - y * w), s * (y * z + x * w), 1 - s * (x * x + y * y)};
  put(b, r, c, half, rgba, mat);
}

void hh_ibuf_bar(hh_ibuf *b, const double a[3], const double p[3], double t,
                 const float rgba[4]) {
  double d[3] = {p[0] - a[0], p[1] - a[1], p[2] - a[2]};
  double len = sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
  if (len < 1e-9) return;
  double ex[3] = {d[0] / len, d[1] / len, d[2] / len};
  /* any unit vector not parallel to the bar, then two perpendiculars */
  double ref[3] = {0, 0, 1};
  if (fabs(ex[2]) > 0.9) ref[0] = 1, ref[2] = 0;
  double ey[3] = {ref[1] * ex[2] - ref[2] * ex[1], ref[2] * ex[0] - ref[0] * ex[2],
                  ref[0] * ex[1] - ref[1] * ex[0]};
  double ny = sqrt(ey[0] * ey[0] + ey[1] * ey[1] + ey[2] * ey[2]);
  for (int i = 0; i < 3; i++) ey[i] /= ny;
  double ez[3] = {ex[1] * ey[2] - ex[2] * ey[1], ex[2] * ey[0] - ex[0] * ey[2],
                  ex[0] * ey[1] - ex[1] * ey[0]};
  double r[9] = {ex[0], ey[0], ez[0], ex[1], ey[1], ez[1], ex[2], ey[2], ez[2]};
  double c[3] = {(a[0] + p[0]) / 2, (a[1] + p[1]) / 2, (a[2] + p[2]) / 2};
  double h[3] = {len / 2, t, t};
  put(b, r, c, h, rgba, HH_MAT_SOLID);
}

void hh_ibuf_free(hh_ibuf *b) {
  free(b->v);
  memset(b, 0, sizeof *b);
}
