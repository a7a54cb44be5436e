/*
 * Keeps an open page on the current build of the site. Every half minute the page loads the
 * pointer script ../current.js again (it names the build the entry pages open); when it names
 * another build, the page opens the same page in that build, keeping its URL hash (such as the
 * owner filter); so does a bookmark of a page of an older build, at once. A script element,
 * not a fetch: a page opened from disk (file://) may load scripts, but may not fetch files.
 */
'use strict';

(function () {
  const CHECK_MS = window.salesboardFollowMs || 30000;
  const parts = location.pathname.split('/');
  const page = parts.pop();
  const build = decodeURIComponent(parts.pop() || '');
  if (parts.pop() !== '.builds') {
    return; // not inside a build folder, e.g. a page saved elsewhere
  }

  let leaving = false;

  function follow(current) {
    if (leaving || !current || typeof current.id !== 'string' || current.id === build ||
        !Array.isArray(current.pages)) {
      return;
    }
    leaving = true; // one navigation: a later check must not cut it short
    const name = current.pages.indexOf(page.replace(/\.html$/, '')) >= 0 ? page : current.pages[0] + '.html';
    location.replace('../' + encodeURIComponent(current.id) + '/' + name + location.hash);
  }

  function check() {
    if (leaving) {
      return;
    }
    const script = document.createElement('script');
    script.src = '../current.js?' + Date.now(); // a new address each time, so no cached copy is used
    script.onload = () => {
      script.remove();
      follow(window.salesboardBuild);
    };
    script.onerror = () => script.remove(); // the pointer is being replaced: try again next time
    document.head.appendChild(script);
  }

  check(); // at once too: a bookmark of an older build's page opens the current one
  setInterval(check, CHECK_MS);
}());
