#!/usr/bin/env bash
# Every source file with translatable strings is listed in POTFILES.in, and
# every file listed there exists: a string missing from it never reaches
# translators.
set -u
top=${1:?usage: check-potfiles.sh SOURCE_ROOT}
cd "$top" || exit 1
list=resources/po/POTFILES.in
status=0
while IFS= read -r file; do
  if ! grep -qxF "$file" "$list"; then
    echo "not ok: $file has translatable strings but is not in $list"
    status=1
  fi
done < <(grep -rlE '(^|[^A-Za-z0-9_])(N?_|C_|NC_|g_dngettext|ngettext) ?\(|translatable="yes"' app ui resources/*.in resources/*.xml 2>/dev/null | sort)
while IFS= read -r file; do
  case "$file" in ''|'#'*) continue ;; esac
  if [ ! -f "$file" ]; then
    echo "not ok: $list names $file, which does not exist"
    status=1
  fi
done < "$list"
[ $status -eq 0 ] && echo "POTFILES.in is complete"
exit $status
