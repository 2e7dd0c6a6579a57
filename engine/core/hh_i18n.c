/* hh_i18n.c - the translation catalog: a plain gettext PO reader and a sorted lookup.
 *
 * Supported PO subset: msgctxt, msgid, msgid_plural, msgstr, msgstr[N], string
 * continuation lines, C escapes (\n \t \" \\ \a \b \f \v \r \? \' octal, \xHH),
 * "#, fuzzy" entries skipped, "#~" obsolete lines skipped, other comments ignored,
 * the header entry (msgid "") ignored. A plural entry keeps msgstr[0]. A context
 * entry is stored under "ctxt\004msgid" (gettext convention) so it never answers a
 * plain hh_tr. A translation whose printf conversions differ from its msgid's is
 * rejected at load, so hh_tr() results are safe to use as format strings.
 * The whole file is parsed before the current catalog is replaced: a bad file
 * leaves the previous catalog in place.
 */
#define _POSIX_C_SOURCE 200809L
#include "hh_i18n.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef struct hh_po_entry {
  char *id;   /* msgid (with context prefix when msgctxt was given) */
  char *str;  /* translation; never empty (empty ones are not stored) */
} hh_po_entry;

typedef struct hh_catalog {
  hh_po_entry *e;
  int n, cap;
  char lang[32];
} hh_catalog;

static hh_catalog g_cat = {NULL, 0, 0, "en"};

/* a growable byte string for one field being assembled */
typedef struct hh_sbuf {
  char *p;
  size_t n, cap;
  int set; /* the keyword was seen */
} hh_sbuf;

/* append n bytes to b; 0 on out of memory */
static int sbuf_add(hh_sbuf *b, const char *s, size_t n) {
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 64;
    while (cap < b->n + n + 1) cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) return 0;
    b->p = p;
    b->cap = cap;
  }
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = '\0';
  return 1;
}

/* forget the contents of b (keeps the storage) */
static void sbuf_clear(hh_sbuf *b) {
  b->n = 0;
  b->set = 0;
  if (b->p) b->p[0] = '\0';
}

/* free every entry of a catalog */
static void catalog_free(hh_catalog *c) {
  for (int i = 0; i < c->n; i++) {
    free(c->e[i].id);
    free(c->e[i].str);
  }
  free(c->e);
  c->e = NULL;
  c->n = c->cap = 0;
}

/* sort order of entries: bytewise msgid */
static int entry_cmp(const void *a, const void *b) {
  return strcmp(((const hh_po_entry *)a)->id, ((const hh_po_entry *)b)->id);
}

/* the sequence of printf conversions of s as a compact signature ("d,s,.f") */
static void format_signature(const char *s, char *sig, size_t cap) {
  size_t k = 0;
  sig[0] = '\0';
  for (const char *p = s; *p; p++) {
    if (*p != '%') continue;
    p++;
    if (*p == '%') continue;
    if (!*p) break;
    while (*p && strchr("-+ #0123456789.*'$", *p)) p++; /* flags, width, precision */
    char conv[8];
    size_t c = 0;
    while (*p && strchr("hlLqjzt", *p) && c < 4) conv[c++] = *p++; /* length */
    if (*p) conv[c++] = *p;
    conv[c++] = ',';
    conv[c] = '\0';
    if (k + c + 1 < cap) {
      memcpy(sig + k, conv, c + 1);
      k += c;
    }
    if (!*p) break;
  }
}

/* decode one quoted PO string starting at s (pointing at the opening quote) and
   append it to b; returns a pointer past the closing quote or NULL (why in *why) */
static const char *parse_quoted(const char *s, hh_sbuf *b, const char **why) {
  if (*s != '"') {
    *why = "expected a quoted string";
    return NULL;
  }
  s++;
  for (;;) {
    char ch = *s;
    if (ch == '\0' || ch == '\n' || ch == '\r') {
      *why = "missing closing quote";
      return NULL;
    }
    if (ch == '"') return s + 1;
    if (ch != '\\') {
      if (!sbuf_add(b, s, 1)) goto oom;
      s++;
      continue;
    }
    s++;
    char out;
    switch (*s) {
      case 'n': out = '\n'; break;
      case 't': out = '\t'; break;
      case 'r': out = '\r'; break;
      case 'a': out = '\a'; break;
      case 'b': out = '\b'; break;
      case 'f': out = '\f'; break;
      case 'v': out = '\v'; break;
      case '\\': out = '\\'; break;
      case '"': out = '"'; break;
      case '\'': out = '\''; break;
      case '?': out = '?'; break;
      case 'x': {
        int v = 0, digits = 0;
        while (digits < 2 && s[1] && strchr("0123456789abcdefABCDEF", s[1])) {
          char h = *++s;
          v = v * 16 + (h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
          digits++;
        }
        if (!digits) {
          *why = "\\x escape without hex digits";
          return NULL;
        }
        out = (char)v;
        break;
      }
      default:
        if (*s >= '0' && *s <= '7') {
          int v = *s - '0', digits = 1;
          while (digits < 3 && s[1] >= '0' && s[1] <= '7') {
            v = v * 8 + (*++s - '0');
            digits++;
          }
          out = (char)v;
          break;
        }
        *why = "unknown escape sequence";
        return NULL;
    }
    if (out == '\0') {
      *why = "escaped NUL byte in a string";
      return NULL;
    }
    if (!sbuf_add(b, &out, 1)) goto oom;
    s++;
  }
oom:
  *why = "out of memory";
  return NULL;
}

/* parser state for one file */
typedef struct po_parser {
  const char *path;
  hh_catalog cat;
  hh_sbuf ctxt, id, plural, str0;
  hh_sbuf other;      /* msgstr[N>0]: parsed and dropped */
  hh_sbuf *cur;       /* field continuation lines append to; NULL none */
  int fuzzy;          /* "#, fuzzy" seen before the current entry */
  int next_fuzzy;     /* "#, fuzzy" seen after the current entry's strings */
  int entry_line;     /* line of the current entry's msgid */
  int have_str;       /* some msgstr seen for the current entry */
} po_parser;

/* store the entry being assembled (if any) and start a new one */
static int po_flush(po_parser *p, hh_error *err) {
  if (!p->id.set) {
    if (p->ctxt.set || p->have_str)
      return hh_error_set(err, HH_E_CATALOG, p->path, p->entry_line, 0,
                          "entry without msgid");
    return HH_OK;
  }
  if (!p->have_str)
    return hh_error_set(err, HH_E_CATALOG, p->path, p->entry_line, 0,
                        "msgid without msgstr");
  int keep = !p->fuzzy && p->id.n > 0 && p->str0.n > 0;
  if (keep) {
    char sa[128], sb[128];
    format_signature(p->id.p, sa, sizeof sa);
    format_signature(p->str0.p, sb, sizeof sb);
    if (strcmp(sa, sb) != 0)
      return hh_error_set(err, HH_E_CATALOG, p->path, p->entry_line, 0,
                          "translation's printf conversions (%s) differ from the "
                          "msgid's (%s)", sb[0] ? sb : "none", sa[0] ? sa : "none");
    size_t idn = p->id.n + (p->ctxt.set ? p->ctxt.n + 1 : 0);
    char *id = malloc(idn + 1);
    char *str = malloc(p->str0.n + 1);
    if (p->cat.n == p->cat.cap) {
      int cap = p->cat.cap ? p->cat.cap * 2 : 64;
      hh_po_entry *e = realloc(p->cat.e, (size_t)cap * sizeof *e);
      if (e) {
        p->cat.e = e;
        p->cat.cap = cap;
      }
    }
    if (!id || !str || p->cat.n == p->cat.cap) {
      free(id);
      free(str);
      return hh_error_set(err, HH_E_NOMEM, p->path, p->entry_line, 0, "out of memory");
    }
    size_t k = 0;
    if (p->ctxt.set) {
      memcpy(id, p->ctxt.p ? p->ctxt.p : "", p->ctxt.n);
      k = p->ctxt.n;
      id[k++] = '\004';
    }
    memcpy(id + k, p->id.p, p->id.n + 1);
    memcpy(str, p->str0.p, p->str0.n + 1);
    p->cat.e[p->cat.n].id = id;
    p->cat.e[p->cat.n].str = str;
    p->cat.n++;
  }
  sbuf_clear(&p->ctxt);
  sbuf_clear(&p->id);
  sbuf_clear(&p->plural);
  sbuf_clear(&p->str0);
  sbuf_clear(&p->other);
  p->cur = NULL;
  p->have_str = 0;
  p->fuzzy = p->next_fuzzy;
  p->next_fuzzy = 0;
  return HH_OK;
}

/* skip spaces and tabs */
static const char *skip_ws(const char *s) {
  while (*s == ' ' || *s == '\t') s++;
  return s;
}

/* after a string: only spaces or the line end may follow */
static int rest_is_blank(const char *s) {
  s = skip_ws(s);
  return *s == '\0' || *s == '\n' || *s == '\r';
}

/* parse one line of a PO file */
static int po_line(po_parser *p, const char *line, int lineno, hh_error *err) {
  const char *s = skip_ws(line);
  const char *why = NULL;
  if (*s == '\0' || *s == '\n' || *s == '\r') {
    p->cur = NULL;
    return HH_OK;
  }
  if (*s == '#') {
    p->cur = NULL;
    if (s[1] == ',' && strstr(s, "fuzzy")) {
      /* a flag comment belongs to the next entry; if the current entry already has
         its strings it ends here */
      if (p->have_str) p->next_fuzzy = 1;
      else p->fuzzy = 1;
    }
    return HH_OK; /* #~ obsolete, #. #: #| and translator comments */
  }
  hh_sbuf *field = NULL;
  const char *q = NULL;
  if (*s == '"') {
    if (!p->cur)
      return hh_error_set(err, HH_E_CATALOG, p->path, lineno, (int)(s - line) + 1,
                          "string continuation without a keyword before it");
    field = p->cur;
    q = s;
  } else {
    size_t kw = 0;
    while (s[kw] && s[kw] != ' ' && s[kw] != '\t' && s[kw] != '"' && s[kw] != '\n' &&
           s[kw] != '\r')
      kw++;
    int is_str_index = 0;
    long index = 0;
    if (kw == 7 && !strncmp(s, "msgctxt", 7) ) {
      if (p->have_str || p->id.set) {
        int rc = po_flush(p, err);
        if (rc) return rc;
      }
      if (p->ctxt.set)
        return hh_error_set(err, HH_E_CATALOG, p->path, lineno, 1, "duplicate msgctxt");
      field = &p->ctxt;
      p->entry_line = lineno;
    } else if (kw == 5 && !strncmp(s, "msgid", 5)) {
      if (p->have_str) {
        int rc = po_flush(p, err);
        if (rc) return rc;
      }
      if (p->id.set)
        return hh_error_set(err, HH_E_CATALOG, p->path, lineno, 1,
                            "msgid follows a msgid without a msgstr");
      field = &p->id;
      if (!p->ctxt.set) p->entry_line = lineno;
    } else if (kw == 12 && !strncmp(s, "msgid_plural", 12)) {
      if (!p->id.set || p->have_str || p->plural.set)
        return hh_error_set(err, HH_E_CATALOG, p->path, lineno, 1,
                            "msgid_plural out of place");
      field = &p->plural;
    } else if (kw == 6 && !strncmp(s, "msgstr", 6)) {
      if (p->have_str)
        return hh_error_set(err, HH_E_CATALOG, p->path, lineno, 1, "duplicate msgstr");
      if (!p->id.set)
        return hh_error_set(err, HH_E_CATALOG, p->path, lineno, 1,
                            "msgstr without a msgid before it");
      if (p->plural.set)
        return hh_error_set(err, HH_E_CATALOG, p->path, lineno, 1,
                            "plural entry needs msgstr[N]");
      field = &p->str0;
    } else if (kw > 7 && !strncmp(s, "msgstr[", 7) && s[kw - 1] == ']') {
      char *end;
      errno = 0;
      index = strtol(s + 7, &end, 10);
      if (end != s + kw - 1 || index < 0 || errno)
        return hh_error_set(err, HH_E_CATALOG, p->path, lineno, 1, "bad msgstr index");
      if (!p->id.set || !p->plural.set)
        return hh_error_set(err, HH_E_CATALOG, p->path, lineno, 1,
                            "msgstr[%ld] without msgid_plural", index);
      is_str_index = 1;
      field = index == 0 ? &p->str0 : &p->other;
      if (index > 0) sbuf_clear(&p->other);
    } else {
      return hh_error_set(err, HH_E_CATALOG, p->path, lineno, (int)(s - line) + 1,
                          "unknown keyword '%.*s'", (int)(kw < 40 ? kw : 40), s);
    }
    if (field == &p->str0 || is_str_index) p->have_str = 1;
    if (field->set && field != &p->other)
      return hh_error_set(err, HH_E_CATALOG, p->path, lineno, 1, "duplicate keyword");
    field->set = 1;
    q = skip_ws(s + kw);
    if (*q != '"')
      return hh_error_set(err, HH_E_CATALOG, p->path, lineno, (int)(q - line) + 1,
                          "expected a quoted string after the keyword");
  }
  const char *after = parse_quoted(q, field, &why);
  if (!after)
    return hh_error_set(err, HH_E_CATALOG, p->path, lineno, (int)(q - line) + 1, "%s", why);
  if (!rest_is_blank(after))
    return hh_error_set(err, HH_E_CATALOG, p->path, lineno, (int)(after - line) + 1,
                        "unexpected text after the closing quote");
  p->cur = field;
  return HH_OK;
}

/* parse a whole PO file into *out (sorted); *out untouched on error */
static int po_parse_file(const char *path, hh_catalog *out, hh_error *err) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return hh_error_set(err, HH_E_FILE_NOT_FOUND, path, 0, 0,
                        "cannot open translation catalog: %s", strerror(errno));
  po_parser p;
  memset(&p, 0, sizeof p);
  p.path = path;
  int rc = HH_OK, lineno = 0;
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  while ((len = getline(&line, &cap, f)) >= 0) {
    lineno++;
    if ((size_t)len != strlen(line)) {
      rc = hh_error_set(err, HH_E_CATALOG, path, lineno, 0, "NUL byte in the file");
      break;
    }
    const char *s = line;
    if (lineno == 1 && !strncmp(s, "\xEF\xBB\xBF", 3)) s += 3; /* UTF-8 BOM */
    rc = po_line(&p, s, lineno, err);
    if (rc) break;
  }
  if (!rc && ferror(f))
    rc = hh_error_set(err, HH_E_CATALOG, path, lineno, 0, "read error");
  if (!rc) rc = po_flush(&p, err);
  free(line);
  fclose(f);
  hh_sbuf *bufs[] = {&p.ctxt, &p.id, &p.plural, &p.str0, &p.other};
  for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++) free(bufs[i]->p);
  if (rc) {
    catalog_free(&p.cat);
    return rc;
  }
  if (p.cat.n) qsort(p.cat.e, (size_t)p.cat.n, sizeof *p.cat.e, entry_cmp);
  for (int i = 1; i < p.cat.n; i++)
    if (!strcmp(p.cat.e[i - 1].id, p.cat.e[i].id)) {
      rc = hh_error_set(err, HH_E_CATALOG, path, 0, 0, "duplicate msgid \"%.200s\"",
                        p.cat.e[i].id);
      catalog_free(&p.cat);
      return rc;
    }
  *out = p.cat;
  return HH_OK;
}

/* parse dir/<lang>.po and make it the current catalog */
int hh_i18n_load(const char *dir, const char *lang, hh_error *err) {
  if (!lang || !lang[0] || strlen(lang) >= sizeof g_cat.lang)
    return hh_error_set(err, HH_E_USAGE, "", 0, 0, "unknown language '%s'",
                        lang ? lang : "");
  for (const char *c = lang; *c; c++)
    if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
          (*c >= '0' && *c <= '9') || *c == '-' || *c == '_'))
      return hh_error_set(err, HH_E_USAGE, "", 0, 0, "unknown language '%s'", lang);
  char path[1024];
  int n = snprintf(path, sizeof path, "%s/%s.po", dir ? dir : ".", lang);
  if (n < 0 || (size_t)n >= sizeof path)
    return hh_error_set(err, HH_E_FILE_NOT_FOUND, dir, 0, 0, "catalog path too long");
  hh_catalog cat;
  memset(&cat, 0, sizeof cat);
  int rc = po_parse_file(path, &cat, err);
  if (rc) return rc;
  catalog_free(&g_cat);
  g_cat = cat;
  snprintf(g_cat.lang, sizeof g_cat.lang, "%s", lang);
  return HH_OK;
}

/* current language code */
const char *hh_i18n_lang(void) { return g_cat.lang; }

/* 1 when a missing translation is shown marked: $HH_I18N_MARK_MISSING=1, or a debug
   build (no NDEBUG) or one compiled with HH_I18N_MARK_MISSING, unless the variable is 0 */
static int mark_missing(void) {
  const char *v = getenv("HH_I18N_MARK_MISSING");
  if (v && *v) return strcmp(v, "0") != 0;
#if defined(HH_I18N_MARK_MISSING) || !defined(NDEBUG)
  return 1;
#else
  return 0;
#endif
}

/* msgid with the fallback mark in front, kept for the life of the process (one copy
   per distinct msgid; only in marking mode) */
static const char *marked(const char *msgid) {
  typedef struct mark_node {
    struct mark_node *next;
    const char *id;
    char text[];
  } mark_node;
  static const char MARK[] = "\xE2\x9F\xA8" "en" "\xE2\x9F\xA9"; /* U+27E8 en U+27E9 */
  static mark_node *list;
  for (mark_node *n = list; n; n = n->next)
    if (!strcmp(n->id, msgid)) return n->text;
  size_t len = strlen(msgid);
  mark_node *n = malloc(sizeof *n + sizeof MARK + len);
  if (!n) return msgid;
  memcpy(n->text, MARK, sizeof MARK - 1);
  memcpy(n->text + sizeof MARK - 1, msgid, len + 1);
  n->id = n->text + sizeof MARK - 1;
  n->next = list;
  list = n;
  return n->text;
}

/* translation of msgid; else msgid itself (the English text), marked "⟨en⟩" when the
   language is not English and marking is on (see mark_missing) */
const char *hh_tr(const char *msgid) {
  if (!msgid) return "";
  const hh_po_entry *e = NULL;
  if (g_cat.n) {
    hh_po_entry key = {(char *)msgid, NULL};
    e = bsearch(&key, g_cat.e, (size_t)g_cat.n, sizeof *g_cat.e, entry_cmp);
  }
  if (e) return e->str;
  if (msgid[0] && strcmp(g_cat.lang, "en") != 0 && mark_missing()) return marked(msgid);
  return msgid;
}
