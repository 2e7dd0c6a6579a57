/* hh_gc_program.c - program loading (line and O-number index), interpreter start,
 * block stepping, run to end and MDI. */
#include "hh_gc_int.h"
#include "../../../core/hh_i18n.h"
#include <stdlib.h>
#include <string.h>

/* fill s with defaults for a mill or lathe */
void hh_gc_setup_defaults(hh_gc_setup *s, hh_gc_machine machine) {
  memset(s, 0, sizeof *s);
  s->machine = machine;
  s->diameter_mode = 1;
}

/* release a loaded program */
void hh_gc_program_free(hh_gc_program *p) {
  free(p->text);
  free(p->line);
  free(p->sub_number);
  free(p->sub_line);
  memset(p, 0, sizeof *p);
}

/* copy the text, split it into lines and find O numbers at line starts */
hh_code hh_gc_program_load(hh_gc_program *p, const char *text, size_t len,
                           const char *name, hh_error *err) {
  char *copy = malloc(len + 1);
  if (!copy) {
    memset(p, 0, sizeof *p);
    snprintf(p->name, sizeof p->name, "%s", name ? name : "program");
    return hh_error_set(err, HH_E_NOMEM, p->name, 0, 0, "out of memory");
  }
  memcpy(copy, text, len);
  return hh_gc_program_adopt(p, copy, len, name, err);
}

/* double the room of the O-number index (16 at first); nonzero when out of memory */
static int grow_subs(hh_gc_program *p, int *cap) {
  int n = *cap ? *cap * 2 : 16;
  int *num = realloc(p->sub_number, sizeof(int) * (size_t)n);
  if (!num) return 1;
  p->sub_number = num;
  int *at = realloc(p->sub_line, sizeof(int) * (size_t)n);
  if (!at) return 1;
  p->sub_line = at;
  *cap = n;
  return 0;
}

/* take over text (len + 1 bytes), split it into lines and find O numbers */
hh_code hh_gc_program_adopt(hh_gc_program *p, char *text, size_t len, const char *name,
                            hh_error *err) {
  memset(p, 0, sizeof *p);
  snprintf(p->name, sizeof p->name, "%s", name ? name : "program");
  p->text = text;
  p->text[len] = '\0';
  /* the text ends at its first NUL byte, if any */
  const char *z = memchr(p->text, '\0', len);
  size_t end = z ? (size_t)(z - p->text) : len;
  /* one pass: the line index grows by doubling from a guess of 24 bytes a line */
  size_t cap = end / 24 + 16;
  p->line = malloc(sizeof *p->line * cap);
  if (!p->line) {
    hh_gc_program_free(p);
    return hh_error_set(err, HH_E_NOMEM, name, 0, 0, "out of memory");
  }
  int sub_cap = 0;
  char *s = p->text, *stop = p->text + end;
  for (;;) {
    if ((size_t)p->nlines == cap) {
      char **grown = realloc(p->line, sizeof *p->line * cap * 2);
      if (!grown) {
        hh_gc_program_free(p);
        return hh_error_set(err, HH_E_NOMEM, name, 0, 0, "out of memory");
      }
      p->line = grown;
      cap *= 2;
    }
    p->line[p->nlines++] = s;
    char *nl = memchr(s, '\n', (size_t)(stop - s));
    char *eol = nl ? nl : stop;
    *eol = '\0';
    if (eol > s && eol[-1] == '\r') eol[-1] = '\0';
    const char *t = s; /* an O number (or ':' number) at the start of the line */
    while (*t == ' ' || *t == '\t') t++;
    if ((*t == 'O' || *t == 'o' || *t == ':') && t[1] >= '0' && t[1] <= '9') {
      if (p->nsubs == sub_cap && grow_subs(p, &sub_cap)) {
        hh_gc_program_free(p);
        return hh_error_set(err, HH_E_NOMEM, name, 0, 0, "out of memory");
      }
      p->sub_number[p->nsubs] = atoi(t + 1);
      p->sub_line[p->nsubs++] = p->nlines - 1;
    }
    if (!nl) break;
    s = nl + 1;
  }
  if (p->nlines && !p->line[p->nlines - 1][0]) p->nlines--; /* trailing newline */
  return HH_OK;
}

/* reset in to the start of prog with setup s */
void hh_gc_init(hh_gc_interp *in, const hh_gc_setup *s, const hh_gc_program *prog) {
  memset(in, 0, sizeof *in);
  in->setup = *s;
  in->prog = prog;
  hh_gc_modal *m = &in->modal;
  int lathe = s->machine == HH_GC_LATHE;
  m->motion = 0;
  m->cycle = 80;
  m->plane = lathe ? 18 : 17;
  m->inch = s->inch != 0;
  m->feed_per_rev = lathe; /* FANUC lathes power up in G99 (feed per revolution) */
  m->comp = 40;
  m->wcs = 1;
  m->speed_max = s->speed_max;
  m->g76_angle = 60; /* G76 without a first block: 60-degree thread, one finish pass */
  m->g76_finish = 1;
  for (int i = 0; i < 3; i++) {
    m->origin[i] = s->work[0][i];
    m->pos[i] = s->start[i] - m->origin[i];
  }
}

/* memcpy with a size the caller's compiler cannot see: a library call, not `rep movs` */
void hh_gc_copy(void *dst, const void *src, size_t n) { memcpy(dst, src, n); }

/* memset to zero with a size the caller's compiler cannot see: a library call */
void hh_gc_zero(void *dst, size_t n) { memset(dst, 0, n); }

/* read, check and convert one line of text */
hh_code hh_gc_exec(hh_gc_interp *in, const char *text, int line,
                   const hh_canon_sink *sink, hh_error *err) {
  hh_gc_block b;
  hh_gc_plan p;
  hh_code r = hh_gc_read(in, text, line, &b, err);
  if (r) return r;
  if (b.empty || b.deleted) return HH_OK;
  if (b.has_o && !b.ng && !b.nm && !(b.seen & ~(HH_GC_BIT('O') | HH_GC_BIT('N'))) &&
      !b.has_comment)
    return HH_OK;
  if ((r = hh_gc_check(in, &b, &p, err))) return r;
  if ((r = hh_gc_convert(in, &b, &p, sink, err))) return r;
  in->blocks++;
  return HH_OK;
}

/* execute the next block of the program */
hh_code hh_gc_step(hh_gc_interp *in, const hh_canon_sink *sink, hh_error *err) {
  if (in->done) return HH_OK;
  if (!in->prog || in->pc >= in->prog->nlines)
    return hh_error_set(err, HH_E_GCODE_NO_END, in->prog ? in->prog->name : "MDI",
                        in->prog ? in->prog->nlines : 0, 0,
                        hh_tr("program ends without M30, M2 or M99"));
  int at = in->pc++;
  hh_code r = hh_gc_exec(in, in->prog->line[at], at + 1, sink, err);
  if (r) in->pc = at;
  return r;
}

/* execute blocks until program end or the first error */
hh_code hh_gc_run(hh_gc_interp *in, const hh_canon_sink *sink, hh_error *err) {
  while (!in->done) {
    hh_code r = hh_gc_step(in, sink, err);
    if (r) return r;
  }
  return HH_OK;
}

/* execute one MDI block (errors name "MDI", line 1) */
hh_code hh_gc_mdi(hh_gc_interp *in, const char *block, const hh_canon_sink *sink,
                  hh_error *err) {
  const hh_gc_program *save = in->prog;
  in->prog = NULL;
  hh_code r = hh_gc_exec(in, block, 1, sink, err);
  in->prog = save;
  return r;
}
