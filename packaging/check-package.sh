#!/usr/bin/env bash
# Checks a built ShelfSense Debian package without Qt or a display:
#   packaging/check-package.sh build/default/shelfsense_0.1.0_amd64.deb
# Lists the contents, requires the expected files and permissions, checks the control fields,
# validates the desktop file (desktop-file-validate), the AppStream metadata (appstreamcli, no
# network) and the manual pages (groff -ww), compares the CLI's --help synopses with its manual
# page when the unpacked shelfsense-cli can run here, and runs lintian (any E: fails).
# Needs: dpkg-deb, lintian, desktop-file-utils, appstream, groff-base, gzip.
# Exit status: 0 all checks passed, 1 some check failed, 2 usage or missing tool.
set -uo pipefail

deb=${1:-}
if [ -z "$deb" ] || [ ! -f "$deb" ]; then
  echo "usage: $0 PACKAGE.deb" >&2
  exit 2
fi
for tool in dpkg-deb lintian desktop-file-validate appstreamcli groff gzip; do
  command -v "$tool" >/dev/null || { echo "check-package: $tool is missing (apt-get install lintian desktop-file-utils appstream groff-base)" >&2; exit 2; }
done

app_id=io.github.shelfsense.ShelfSense
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok:   $*"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root

echo "== $deb ($(stat -c %s "$deb") bytes)"
dpkg-deb -I "$deb" || fail "dpkg-deb cannot read the control part"
dpkg-deb -c "$deb" | tee "$work/contents" || fail "dpkg-deb cannot list the contents"
dpkg-deb -x "$deb" "$root" || fail "dpkg-deb cannot unpack the package"

# --- control fields
field() { dpkg-deb -f "$deb" "$1"; }
version=$(field Version)
upstream=${version%-*}
[ "$(field Package)" = shelfsense ] || fail "Package is not shelfsense"
for f in Section Priority Homepage Maintainer Depends; do
  [ -n "$(field "$f")" ] || fail "control field $f is missing"
done
field Depends | grep -q 'libc6' || fail "Depends has no libc6: dpkg-shlibdeps did not run"
[ "$(field Description | wc -l)" -ge 4 ] || fail "Description has no real long description"
ok "control fields (Version $version, Section $(field Section))"

# --- expected files and permissions
changelog=usr/share/doc/shelfsense/changelog.gz
[ "$upstream" = "$version" ] || changelog=usr/share/doc/shelfsense/changelog.Debian.gz
required=(
  usr/bin/shelfsense usr/bin/shelfsense-cli usr/lib/shelfsense/libshelfsense-models.so
  usr/share/applications/$app_id.desktop usr/share/metainfo/$app_id.metainfo.xml
  usr/share/mime/packages/shelfsense.xml
  usr/share/icons/hicolor/scalable/apps/shelfsense.svg
  usr/share/man/man1/shelfsense.1.gz usr/share/man/man1/shelfsense-cli.1.gz
  usr/share/doc/shelfsense/copyright "$changelog"
  usr/share/shelfsense/shelfsense-install-model usr/share/shelfsense/translations/shelfsense_zh_CN.qm
)
for size in 16 32 48 64 128 256; do required+=("usr/share/icons/hicolor/${size}x${size}/apps/shelfsense.png"); done
for path in "${required[@]}"; do
  [ -f "$root/$path" ] || fail "missing /$path"
done
executables=' usr/bin/shelfsense usr/bin/shelfsense-cli usr/share/shelfsense/shelfsense-install-model '
while read -r perms owner _ _ _ path _; do
  path=${path#./}
  [ "$owner" = root/root ] || fail "/$path is owned by $owner"
  case "$perms" in
    d*) [ "$perms" = drwxr-xr-x ] || fail "directory /$path is $perms" ;;
    -*) if [[ $executables == *" $path "* ]]; then
          [ "$perms" = -rwxr-xr-x ] || fail "/$path is $perms, not 0755"
        else
          [ "$perms" = -rw-r--r-- ] || fail "/$path is $perms, not 0644"
        fi ;;
    *) fail "/$path is neither a file nor a directory ($perms)" ;;
  esac
done < "$work/contents"
ok "expected files and permissions"

# --- desktop file, AppStream metadata, MIME type
desktop=$root/usr/share/applications/$app_id.desktop
if [ -f "$desktop" ]; then
  out=$(desktop-file-validate "$desktop" 2>&1); rc=$?
  [ -n "$out" ] && echo "$out"
  [ $rc -eq 0 ] && ! grep -q 'error:' <<<"$out" && ok "desktop-file-validate" || fail "desktop-file-validate"
  grep -qx 'Icon=shelfsense' "$desktop" || fail "the desktop file's Icon is not shelfsense"
fi
metainfo=$root/usr/share/metainfo/$app_id.metainfo.xml
if [ -f "$metainfo" ]; then
  appstreamcli validate --no-net --pedantic "$metainfo" && ok "appstreamcli validate" || fail "appstreamcli validate"
  grep -q "<release version=\"$upstream\"" "$metainfo" || fail "the metainfo has no <release> for $upstream"
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" || fail "the metainfo's launchable is not $app_id.desktop"
  appstreamcli validate-tree --no-net "$root" && ok "appstreamcli validate-tree" || fail "appstreamcli validate-tree"
fi
if command -v xmllint >/dev/null && [ -f "$root/usr/share/mime/packages/shelfsense.xml" ]; then
  xmllint --noout "$root/usr/share/mime/packages/shelfsense.xml" && ok "MIME type XML" || fail "MIME type XML"
fi

# --- manual pages: no groff warnings at the usual widths
for page in shelfsense shelfsense-cli; do
  gz=$root/usr/share/man/man1/$page.1.gz
  [ -f "$gz" ] || continue
  for width in 80 65; do
    msgs=$(zcat "$gz" | groff -man -Tutf8 -ww -z -rLL=${width}n 2>&1)
    [ -z "$msgs" ] || { echo "$msgs" >&2; fail "groff warnings in $page.1 at $width columns"; }
  done
done
ok "manual pages render"

# --- the CLI's synopses against its manual page (when the unpacked CLI can run on this machine)
cli=$root/usr/bin/shelfsense-cli
if [ -x "$cli" ] && ldd "$cli" >/dev/null 2>&1 && ! ldd "$cli" | grep -q 'not found'; then
  rendered=$(zcat "$root/usr/share/man/man1/shelfsense-cli.1.gz" | groff -man -Tascii -rLL=4000n 2>/dev/null | col -bx | tr -s ' \n' ' ')
  "$cli" --help >"$work/help" 2>&1
  missing=0 seen=0
  while IFS= read -r line; do
    synopsis=$(sed -E 's/^  [a-z]+ +//' <<<"$line" | tr -s ' ')  # "  NAME  SYNOPSIS": SYNOPSIS starts with NAME
    seen=$((seen + 1))
    grep -qF -- "$synopsis" <<<"$rendered" || { echo "not in shelfsense-cli.1: $synopsis" >&2; missing=1; }
  done < <(grep -E '^  [a-z]+ ' "$work/help")
  [ $seen -gt 0 ] || { echo "shelfsense-cli --help listed no commands" >&2; missing=1; }
  [ $missing -eq 0 ] && ok "all $seen command synopses of --help are in shelfsense-cli.1" || fail "shelfsense-cli.1 does not match --help"
  vout=$("$cli" --version 2>&1)
  [[ $vout =~ ^shelfsense-cli\ ${upstream//./\\.}(\ \(git\ [^\)]+\))?$ ]] && ok "shelfsense-cli --version: $vout" ||
    fail "shelfsense-cli --version printed '$vout', not 'shelfsense-cli $upstream'"
else
  echo "note: the unpacked shelfsense-cli cannot run here; its --help was not compared with the manual page"
fi

# --- lintian: errors fail, warnings and infos are listed
lintian --info --display-info --pedantic "$deb" >"$work/lintian" 2>&1
grep -E '^[EWIPX]: ' "$work/lintian" || echo "lintian: no tags"
if grep -q '^E: ' "$work/lintian"; then fail "lintian reports errors"; else ok "lintian: no errors"; fi

if [ $failures -gt 0 ]; then
  echo "check-package: $failures check(s) failed" >&2
  exit 1
fi
echo "check-package: all checks passed"
