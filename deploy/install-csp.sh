#!/bin/sh
# 在网站服务器上换上新的 CSP 片段并让 nginx 重新加载（说明见 guide/部署指南.md）。
#
#   sudo /usr/local/sbin/wenming-install-csp /tmp/wenming-csp.conf
#
# 安装（一次）：
#   sudo install -m 755 deploy/install-csp.sh /usr/local/sbin/wenming-install-csp
#   echo 'deploy ALL=(root) NOPASSWD: /usr/local/sbin/wenming-install-csp' | sudo tee /etc/sudoers.d/wenming
# 这样发布用的账号（这里是 deploy）不需要 /etc/nginx 的写权限，也只能用 sudo 做这一件事。
#
# 安全要点：发布账号可以随时改写它交来的文件，所以这里先把它一次读进 root 所有的临时文件，
# 之后只检查、只安装这一份副本（检查和安装的是同一份内容）。副本中只允许注释行和正好一行
# add_header Content-Security-Policy "…" always;，其值逐条检查：只能是 scripts/csp.py 生成的
# 那些指令和来源（'self'、'none'、data:、sha256 等 hash、'unsafe-hashes'），不能借此写入其他 nginx 指令。
# 内容没变时什么也不做；nginx -t 不通过时恢复原来的文件并报错。
set -eu

NEW=${1:?用法：wenming-install-csp 新的CSP片段文件}
TARGET=${WENMING_CSP_SNIPPET:-/etc/nginx/snippets/wenming-csp.conf}
NGINX=${WENMING_NGINX:-nginx}
DIR=$(dirname "$TARGET")

if [ ! -f "$NEW" ] || [ -L "$NEW" ]; then
    echo "找不到文件（或它是一个链接）：$NEW" >&2
    exit 1
fi
mkdir -p "$DIR"
umask 022
STAGE=$(mktemp "$DIR/.wenming-csp.XXXXXX")
trap 'rm -f "$STAGE"' EXIT
# 读一次，之后只用这份副本（最多 64 KB）
head -c 65536 -- "$NEW" > "$STAGE"

refuse() {
    echo "不是 scripts/csp.py --nginx 生成的文件，未安装：$1" >&2
    exit 1
}

# 1. 每一行都必须是注释或 add_header 行，且正好一行 add_header
if grep -v -E '^(#[^\r]*|add_header Content-Security-Policy "[^"]*" always;)$' "$STAGE" | grep -q .; then
    refuse "有注释和 CSP 以外的内容"
fi
if [ "$(grep -c '^add_header ' "$STAGE")" != 1 ]; then
    refuse "应当正好有一行 add_header Content-Security-Policy"
fi

# 2. 逐条检查指令和来源
VALUE=$(sed -n 's/^add_header Content-Security-Policy "\(.*\)" always;$/\1/p' "$STAGE")
case "$VALUE" in
    *[!A-Za-z0-9\ \'\;:+/=_-]*) refuse "CSP 中有不允许的字符" ;;
esac
SEEN=" "
OLDIFS=$IFS
IFS=';'
for DIRECTIVE in $VALUE; do
    IFS=$OLDIFS
    # shellcheck disable=SC2086
    set -- $DIRECTIVE
    [ $# -ge 2 ] || refuse "指令“$DIRECTIVE”没有来源"
    NAME=$1
    shift
    case "$NAME" in
        default-src|script-src|style-src|img-src|font-src|connect-src|worker-src|manifest-src|media-src|object-src|base-uri|form-action|frame-ancestors) ;;
        *) refuse "不认识的指令“$NAME”" ;;
    esac
    case "$SEEN" in
        *" $NAME "*) refuse "指令“$NAME”重复" ;;
    esac
    SEEN="$SEEN$NAME "
    for SOURCE in "$@"; do
        case "$SOURCE" in
            "'self'"|"'none'") ;;
            data:) [ "$NAME" = img-src ] || refuse "$NAME 不能有 data:" ;;
            "'unsafe-hashes'") [ "$NAME" = style-src ] || refuse "$NAME 不能有 'unsafe-hashes'" ;;
            "'sha256-"*"'"|"'sha384-"*"'"|"'sha512-"*"'")
                case "$NAME" in script-src|style-src) ;; *) refuse "$NAME 不能有 hash" ;; esac
                case "$SOURCE" in "'sha"[0-9][0-9][0-9]"-"*[!A-Za-z0-9+/=]*"'") refuse "hash 格式不对：$SOURCE" ;; esac ;;
            *) refuse "$NAME 中不允许的来源“$SOURCE”" ;;
        esac
    done
    IFS=';'
done
IFS=$OLDIFS
case "$SEEN" in
    *" default-src "*) ;;
    *) refuse "缺少 default-src" ;;
esac

if [ -f "$TARGET" ] && cmp -s "$STAGE" "$TARGET"; then
    echo "CSP 没有变化。"
    exit 0
fi

if [ -f "$TARGET" ]; then
    cp -p "$TARGET" "$TARGET.previous"
fi
chmod 644 "$STAGE"
mv "$STAGE" "$TARGET"
trap - EXIT

if "$NGINX" -t >/dev/null 2>&1; then
    "$NGINX" -s reload
    echo "已换上新的 CSP，nginx 已重新加载。"
else
    if [ -f "$TARGET.previous" ]; then
        mv "$TARGET.previous" "$TARGET"
    else
        rm -f "$TARGET"
    fi
    echo "nginx -t 没有通过，已恢复原来的 CSP（请运行 sudo nginx -t 查看原因）。" >&2
    exit 1
fi
