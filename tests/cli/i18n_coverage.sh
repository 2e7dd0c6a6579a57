#!/usr/bin/env bash
# Every hh_tr("...") msgid in engine/ has a zh-CN translation (en falls back to the
# msgid); both catalogs pass msgfmt -c and load in haihe; the language is chosen from
# --lang or LANG. (bash script HAIHE SRC BUILD)
set -u
HAIHE=$1 SRC=$2
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
fail=0
"$PY" - "$SRC" <<'PYEOF' || fail=1
import re, sys, os, glob
src = sys.argv[1]
lit = r'"(?:[^"\\\n]|\\.)*"'
call = re.compile(r'hh_tr\(\s*((?:' + lit + r'\s*)+)\)')
def unc(s):  # C string literal body -> text (the escapes our msgids use)
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == '\\':
            n = s[i + 1]; i += 2
            out.append({'n': '\n', 't': '\t', '"': '"', '\\': '\\', "'": "'", 'r': '\r'}.get(n, n))
        else:
            out.append(c); i += 1
    return ''.join(out)
ids = {}
for path in glob.glob(os.path.join(src, 'engine', '**', '*.c'), recursive=True):
    text = open(path, encoding='utf-8').read()
    for m in call.finditer(text):
        parts = re.findall(lit, m.group(1))
        ids.setdefault(unc(''.join(p[1:-1] for p in parts)), path)
def po(path):
    cat, key, cur, fuzzy, entries = {}, None, None, False, []
    msgid = msgstr = None
    def flush():
        if msgid is not None and msgstr is not None and not fuzzy_e[0]:
            cat[msgid] = msgstr
    fuzzy_e = [False]
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if line.startswith('#,') and 'fuzzy' in line: fuzzy_e[0] = True; continue
        if not line or line.startswith('#'): continue
        m = re.match(r'(msgid|msgstr)\s+(' + lit + ')$', line)
        if m:
            if m.group(1) == 'msgid':
                flush(); fuzzy_e[0] = fuzzy_e[0] if msgstr is None and msgid is None else False
                msgid, msgstr, cur = unc(m.group(2)[1:-1]), None, 'id'
            else:
                msgstr, cur = unc(m.group(2)[1:-1]), 'str'
            continue
        if line.startswith('"'):
            v = unc(line[1:-1])
            if cur == 'id': msgid += v
            elif cur == 'str': msgstr += v
    flush()
    return cat
zh = po(os.path.join(src, 'assets/i18n/zh-CN.po'))
en = po(os.path.join(src, 'assets/i18n/en.po'))
bad = 0
for k in sorted(ids):
    if not zh.get(k):
        print('missing zh-CN translation for %r (%s)' % (k, os.path.relpath(ids[k], src))); bad += 1
noen = sum(1 for k in ids if k not in en)  # en falls back to the msgid: not an error
print('%d msgids in engine/, %d zh-CN entries, %d en entries (%d msgids rely on the English fallback)' % (len(ids), len(zh), len(en), noen))
if len(ids) < 10: print('too few msgids found: the extractor is broken'); bad += 1
# no stale entries: every catalog msgid is still a string literal somewhere in engine/ or
# scenarios/ (hh_tr calls, or tables whose strings are translated later)
texts = set()
for path in glob.glob(os.path.join(src, 'engine', '**', '*.[ch]'), recursive=True) + \
        glob.glob(os.path.join(src, 'scenarios', '**', '*.lua'), recursive=True):
    text = open(path, encoding='utf-8').read()
    for m in re.finditer(r'((?:' + lit + r'\s*)+)', text):
        parts = re.findall(lit, m.group(1))
        texts.add(unc(''.join(p[1:-1] for p in parts)))
        texts.update(unc(p[1:-1]) for p in parts)
    texts.update(unc(m.group(1)) for m in re.finditer(r"'((?:[^'\\\n]|\\.)*)'", text))
for name, cat in [('en', en), ('zh-CN', zh)] + [(l, po(os.path.join(src, 'assets/i18n/%s.po' % l))) for l in ('fr', 'th', 'ar')]:
    for k in sorted(cat):
        if k and k not in texts:
            print('stale %s entry: %r is used nowhere in engine/ or scenarios/' % (name, k)); bad += 1
# the HUD a trainee sees (rows, pages, steps, time panel) is translated in every
# language we teach in: each hh_tr("...") literal of these files has an fr/th/ar entry
hud = ['hh_rlayout.c', 'hh_rship.c', 'hh_rmarine.c', 'hh_rstep.c', 'hh_rcnc.c',
       'hh_rcnc_help.c', 'hh_rcnc_sheet.c']
hud_ids = {k for k, p in ids.items() if os.path.basename(p) in hud}
for path in glob.glob(os.path.join(src, 'engine', 'render', '*.c')):
    if os.path.basename(path) in hud:
        for m in call.finditer(open(path, encoding='utf-8').read()):
            hud_ids.add(unc(''.join(p[1:-1] for p in re.findall(lit, m.group(1)))))
if len(hud_ids) < 40: print('only %d HUD msgids found: the HUD file list is stale' % len(hud_ids)); bad += 1
for lang in ('fr', 'th', 'ar'):
    cat = po(os.path.join(src, 'assets/i18n/%s.po' % lang))
    for k in sorted(hud_ids):
        if not cat.get(k):
            print('missing %s translation of the HUD text %r' % (lang, k)); bad += 1
sys.exit(1 if bad else 0)
PYEOF
# both catalogs are valid PO for gettext's own checker, when it is installed
if command -v msgfmt >/dev/null; then
  for f in "$SRC"/assets/i18n/*.po; do
    out=$(msgfmt -c -o /dev/null "$f" 2>&1) || { echo "msgfmt rejects $f:"; echo "$out"; fail=1; }
  done
fi
# both load in haihe, and the zh-CN usage text is Chinese
for l in en zh-CN; do
  "$HAIHE" --help --lang "$l" >/dev/null || { echo "haihe --lang $l --help failed"; fail=1; }
done
out=$("$HAIHE" --help --lang zh-CN)
echo "$out" | grep -q "用法" || { echo "zh-CN usage text is not translated:"; echo "$out"; fail=1; }
out=$(LANG=zh_CN.UTF-8 LC_ALL= "$HAIHE" --help)
echo "$out" | grep -q "用法" || { echo "LANG=zh_CN does not select zh-CN"; fail=1; }
out=$(LANG=C LC_ALL= "$HAIHE" --help)
echo "$out" | grep -q "Usage" || { echo "LANG=C does not select en"; fail=1; }
[ $fail = 0 ] && echo "i18n coverage ok"
exit $fail
