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
# 只接受 scripts/csp.py --nginx 生成的文件（注释行和一行 add_header Content-Security-Policy），
# 内容没变时什么也不做；nginx -t 不通过时恢复原来的文件并报错。
set -eu

NEW=${1:?用法：wenming-install-csp 新的CSP片段文件}
TARGET=${WENMING_CSP_SNIPPET:-/etc/nginx/snippets/wenming-csp.conf}
NGINX=${WENMING_NGINX:-nginx}

if [ ! -f "$NEW" ]; then
    echo "找不到文件：$NEW" >&2
    exit 1
fi
# 每一行都必须是注释或唯一的一行 CSP（不能借此写入其他 nginx 指令）
if grep -v -E '^(#.*|add_header Content-Security-Policy "[^"$;\\{}]+(;[^"$;\\{}]+)*" always;)$' "$NEW" | grep -q .; then
    echo "不是 scripts/csp.py --nginx 生成的文件，未安装：$NEW" >&2
    exit 1
fi
if [ "$(grep -c '^add_header ' "$NEW")" != 1 ]; then
    echo "文件中应当正好有一行 add_header Content-Security-Policy：$NEW" >&2
    exit 1
fi
if [ -f "$TARGET" ] && cmp -s "$NEW" "$TARGET"; then
    echo "CSP 没有变化。"
    exit 0
fi

mkdir -p "$(dirname "$TARGET")"
if [ -f "$TARGET" ]; then
    cp -p "$TARGET" "$TARGET.previous"
fi
cp "$NEW" "$TARGET.part"
chmod 644 "$TARGET.part"
mv "$TARGET.part" "$TARGET"

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
