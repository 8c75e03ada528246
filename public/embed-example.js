// Sizes each embedded Yangfan iframe from the height its page posts: {type: 'yangfan:height', height}. Only
// messages from one of this page's iframes, from the origin it was loaded from, are used; anything else is ignored.
(function () {
  'use strict';
  var MIN = 100;
  var MAX = 10000;
  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe'));
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'yangfan:height') return;
    var height = Number(data.height);
    if (!isFinite(height) || height < MIN || height > MAX) return;
    frames().forEach(function (frame) {
      if (frame.contentWindow !== event.source) return;
      var origin;
      try {
        origin = new URL(frame.src, location.href).origin;
      } catch (e) {
        return;
      }
      if (event.origin !== origin) return;
      frame.style.height = Math.ceil(height) + 'px';
      frame.setAttribute('data-height', String(Math.ceil(height)));
    });
  });
})();
