/* hh_rshader.c - GLSL programs loaded from HH_SHADER_DIR at run time. */
#include "hh_render_int.h"
#include "../core/hh_i18n.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef HH_SHADER_DIR
#define HH_SHADER_DIR "shaders"
#endif

/* directory shaders are read from: $HH_SHADER_DIR, else the build-time path */
static const char *shader_dir(void) {
  const char *e = getenv("HH_SHADER_DIR");
  return (e && *e) ? e : HH_SHADER_DIR;
}

/* read a whole text file; NULL and err set if it cannot be read */
static char *read_text(const char *path, hh_error *err) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    hh_error_set(err, HH_E_FILE_NOT_FOUND, path, 0, 0, "%s", hh_tr("cannot open shader file"));
    return NULL;
  }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *s = (n >= 0) ? malloc((size_t)n + 1) : NULL;
  if (!s || fread(s, 1, (size_t)n, f) != (size_t)n) {
    free(s);
    fclose(f);
    hh_error_set(err, HH_E_FILE_NOT_FOUND, path, 0, 0, "%s", hh_tr("cannot read shader file"));
    return NULL;
  }
  s[n] = 0;
  fclose(f);
  return s;
}

/* compile one stage from a file, with `defines` inserted after its #version line; the
   GLSL log names the line on failure */
static GLuint compile(GLenum kind, const char *path, const char *defines, hh_error *err) {
  char *src = read_text(path, err);
  if (!src) return 0;
  GLuint sh = glCreateShader(kind);
  char *nl = strchr(src, '\n');
  const char *head = src, *def = defines ? defines : "", *rest = "";
  if (nl && strncmp(src, "#version", 8) == 0) { /* split after the #version line */
    *nl = 0;
    rest = nl + 1;
  }
  const char *parts[5] = {head, "\n", def, "\n#line 2\n", rest};
  if (!(nl && strncmp(src, "#version", 8) == 0)) parts[1] = parts[3] = "";
  glShaderSource(sh, 5, parts, NULL);
  glCompileShader(sh);
  free(src);
  GLint ok = 0;
  glGetShaderiv(sh, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[1024] = "";
    glGetShaderInfoLog(sh, sizeof log, NULL, log);
    glDeleteShader(sh);
    /* Mesa logs "0:LINE(COL): error: ..." */
    int line = 0, col = 0;
    sscanf(log, "0:%d(%d)", &line, &col);
    hh_error_set(err, HH_E_INTERNAL, path, line, col, hh_tr("shader does not compile: %s"), log);
    return 0;
  }
  return sh;
}

GLuint hh_rshader_load(const char *name, hh_error *err) {
  return hh_rshader_load_defs(name, NULL, err);
}

GLuint hh_rshader_load_defs(const char *name, const char *defines, hh_error *err) {
  char vp[512], fp[512];
  snprintf(vp, sizeof vp, "%s/%s.vert", shader_dir(), name);
  snprintf(fp, sizeof fp, "%s/%s.frag", shader_dir(), name);
  GLuint vs = compile(GL_VERTEX_SHADER, vp, defines, err);
  if (!vs) return 0;
  GLuint fs = compile(GL_FRAGMENT_SHADER, fp, defines, err);
  if (!fs) {
    glDeleteShader(vs);
    return 0;
  }
  GLuint prog = glCreateProgram();
  glAttachShader(prog, vs);
  glAttachShader(prog, fs);
  glLinkProgram(prog);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(prog, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[1024] = "";
    glGetProgramInfoLog(prog, sizeof log, NULL, log);
    glDeleteProgram(prog);
    hh_error_set(err, HH_E_INTERNAL, vp, 0, 0, hh_tr("shader program '%s' does not link: %s"),
                 name, log);
    return 0;
  }
  return prog;
}
