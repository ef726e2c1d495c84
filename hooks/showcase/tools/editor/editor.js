// The form editor page's own script. It runs before Sveltia CMS (vendor/sveltia-cms.js) and
// 1. keeps every request on this computer (or on the unit's git server in team mode),
// 2. starts the interface in Simplified Chinese,
// 3. offers only "打开项目文件夹" when editing the project folder on this computer,
// 4. shows what `showcase check` says about the files, live, with a link to each problem's form,
//    and warns before a file with YAML comments is saved (the form would drop them).
(() => {
  'use strict';

  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content ?? '';
  const mode = meta('showcase-editor-mode') || 'local';
  const allowedOrigins = new Set([
    window.location.origin,
    ...meta('showcase-editor-allow').split(/\s+/).filter(Boolean),
  ]);

  // -- 1. requests ------------------------------------------------------------------------
  // Sveltia fetches its Chinese strings from its CDN address: answer with the copy next to this page.
  // Anything else addressed to another host (update checks, service status pages) is refused as
  // if offline; the Content-Security-Policy refuses it again should a request bypass fetch.
  const realFetch = window.fetch.bind(window);
  // (scripts/vendor_editor.py rewrote the bundle's unpkg.com addresses to /vendor/cdn/)
  const cdnLocale = /\/vendor\/cdn\/@sveltia\/cms@[^/]+\/locales\/([A-Za-z-]+\.json)$/;

  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input?.url;

    if (url) {
      const locale = cdnLocale.exec(url);

      if (locale) {
        return realFetch(new URL(`locales/${locale[1]}`, document.baseURI), init);
      }

      const target = new URL(url, document.baseURI);

      if (/^https?:$/.test(target.protocol) && !allowedOrigins.has(target.origin)) {
        return Promise.reject(new TypeError(`offline: ${target.origin}`));
      }
    }

    return realFetch(input, init);
  };

  // -- 2. language ------------------------------------------------------------------------
  try {
    const key = 'sveltia-cms.prefs';
    const prefs = JSON.parse(window.localStorage.getItem(key) || '{}') || {};

    if (!prefs.locale) {
      window.localStorage.setItem(key, JSON.stringify({ ...prefs, locale: 'zh-CN' }));
    }
  } catch {
    // storage unavailable: the browser's language decides
  }

  const ready = (callback) => {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', callback, { once: true });
    } else {
      callback();
    }
  };

  // -- 3. sign-in page --------------------------------------------------------------------
  // Editing the folder on this computer needs no account: hide the sign-in buttons Sveltia
  // shows for the git server its configuration has to name.
  if (mode === 'local') {
    const hideSignIn = () => {
      for (const button of document.querySelectorAll('button')) {
        if (button.style.display !== 'none' && /登录$/.test(button.textContent.trim())) {
          button.style.display = 'none';
        }
      }
    };

    ready(() => {
      new MutationObserver(hideSignIn).observe(document.body, { childList: true, subtree: true });
      hideSignIn();
    });
  }

  // -- 4. the check panel -----------------------------------------------------------------
  // Only beside `showcase edit`, which checks the project folder on this computer. A copy put on
  // a web server for a team has no such check: there it runs where the site is built.
  const checkURL = meta('showcase-editor-check');

  if (!checkURL) {
    return;
  }

  const POLL_MS = 3000;
  let report = null;
  let open = false;
  let version = '';

  const entryLink = (problem) => {
    const match = /^data\/(?:([a-z0-9_-]+)\/)?([^/]+)\.ya?ml$/.exec(problem.path);

    if (!match) {
      return null;
    }

    return match[1]
      ? `#/collections/${match[1]}/entries/${match[2]}`
      : `#/collections/settings/entries/${match[2]}`;
  };

  const currentFile = () => {
    const match = /^#\/collections\/([^/]+)\/entries\/([^/?]+)/.exec(window.location.hash);

    if (!match) {
      return null;
    }

    return match[1] === 'settings' ? `data/${match[2]}.yml` : `data/${match[1]}/${match[2]}.yml`;
  };

  const element = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);

    for (const [name, value] of Object.entries(attrs)) {
      if (name === 'onclick') {
        node.addEventListener('click', value);
      } else {
        node.setAttribute(name, value);
      }
    }

    node.append(...children);

    return node;
  };

  let panel;
  let toggle;
  let body;
  let notice;

  const render = () => {
    if (!panel) {
      return;
    }

    toggle.className = 'showcase-check-toggle';

    if (!report) {
      toggle.textContent = '正在检查数据…';
    } else if (report.error) {
      toggle.textContent = '检查没有完成';
      toggle.classList.add('is-bad');
    } else if (report.ok) {
      toggle.textContent = '✓ 数据检查通过';
      toggle.classList.add('is-ok');
    } else {
      toggle.textContent = `✗ 数据有 ${report.problems.length} 个问题`;
      toggle.classList.add('is-bad');
    }

    toggle.setAttribute('aria-expanded', String(open));
    body.hidden = !open;
    body.replaceChildren();

    if (report) {
      if (report.error) {
        body.append(element('p', {}, report.error));
      } else if (report.ok) {
        body.append(element('p', {}, '所有文件都通过了检查（与 showcase check 相同）。'));

        for (const line of report.summary) {
          body.append(element('p', { class: 'showcase-check-note' }, line));
        }
      } else {
        body.append(
          element('p', {}, '保存后预览显示“数据有误”，网站也不会生成。点一个问题打开它所在的表单：'),
        );

        const list = element('ul');

        for (const problem of report.problems) {
          const where = `${problem.path} 第 ${problem.line} 行${problem.field ? `（${problem.field}）` : ''}`;
          const href = entryLink(problem);

          list.append(
            element(
              'li',
              {},
              href ? element('a', { href }, where) : element('span', {}, where),
              element('span', { class: 'showcase-check-message' }, problem.message),
            ),
          );
        }

        body.append(list);
      }

      if (report.preview) {
        body.append(
          element('p', {}, element('a', { href: report.preview, target: '_blank', rel: 'noopener' }, '打开网站预览')),
        );
      }
    }

    const file = currentFile();
    const lines = report?.comments?.[file];

    notice.hidden = !lines;

    if (lines) {
      notice.textContent =
        `这个文件中有注释（以 # 开头的说明，第 ${lines.join('、')} 行）。用表单保存后注释会被删除；` +
        '需要保留的说明请写进“内部信息”。';
    }
  };

  const poll = async () => {
    if (document.visibilityState === 'visible') {
      try {
        const response = await realFetch(`${checkURL}?known=${encodeURIComponent(version)}`, {
          cache: 'no-store',
        });

        if (response.status === 200) {
          report = await response.json();
          version = report.version;
          render();
        } else if (response.status !== 304) {
          throw new Error(String(response.status));
        }
      } catch {
        report = { error: '无法连接检查程序：请确认启动编辑器的窗口没有关闭。' };
        version = '';
        render();
      }
    }

    window.setTimeout(poll, POLL_MS);
  };

  ready(() => {
    toggle = element('button', {
      type: 'button',
      'aria-controls': 'showcase-check-body',
      onclick: () => {
        open = !open;
        render();
      },
    });
    body = element('div', { id: 'showcase-check-body', class: 'showcase-check-body' });
    notice = element('p', { class: 'showcase-check-comments', role: 'note' });
    panel = element(
      'aside',
      { id: 'showcase-check', 'aria-label': '数据检查', 'aria-live': 'polite' },
      notice,
      body,
      toggle,
    );
    document.body.append(panel);
    window.addEventListener('hashchange', render);
    render();
    poll();
  });
})();
