// The console works without JavaScript; this adds the viewer's time zone (so the server shows
// times in it), the Copy button, and the export's progress.
(function () {
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { zone = null; }
  if (zone && /^[A-Za-z0-9_+\-\/]+$/.test(zone)) {
    var had = document.cookie.split('; ').some(function (c) { return c === 'onix_tz=' + zone; });
    document.cookie = 'onix_tz=' + zone + '; path=/; SameSite=Lax; max-age=31536000';
    var next = document.body.getAttribute('data-next');
    if (document.body.getAttribute('data-page') === 'continue' && next && next.charAt(0) === '/'
        && next.charAt(1) !== '/') {
      location.replace(next);
      return;
    }
    // A page read by GET is shown again in the viewer's zone; a page that answered a form is not.
    if (!had && document.body.getAttribute('data-page') === 'get' && zone !== 'UTC'
        && zone !== 'Etc/UTC') {
      location.reload();
      return;
    }
  }

  document.querySelectorAll('[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      var source = document.getElementById(button.getAttribute('data-copy'));
      var status = document.getElementById('copy-status');
      var text = source.textContent.trim();
      function copied() { if (status) { status.textContent = 'Copied'; } }
      function byHand() {
        var range = document.createRange();
        range.selectNodeContents(source);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        var ok = false;
        try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
        if (ok) { copied(); } else if (status) { status.textContent = 'Select the code and copy it'; }
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(copied, byHand);
      } else {
        byHand();
      }
    });
  });

  var exportLink = document.getElementById('export');
  if (exportLink && window.fetch && window.ReadableStream && window.URL) {
    exportLink.addEventListener('click', function (event) {
      event.preventDefault();
      var status = document.getElementById('export-status');
      exportLink.setAttribute('aria-disabled', 'true');
      status.textContent = 'Exporting…';
      fetch(exportLink.href, { credentials: 'same-origin' }).then(function (response) {
        if (!response.ok || !response.body) { throw new Error('status ' + response.status); }
        var reader = response.body.getReader();
        var parts = [];
        var lines = 0;
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) { return; }
            parts.push(chunk.value);
            for (var i = 0; i < chunk.value.length; i++) { if (chunk.value[i] === 10) { lines++; } }
            status.textContent = 'Exporting… ' + lines + ' events so far';
            return pump();
          });
        }
        return pump().then(function () {
          var blob = new Blob(parts, { type: 'application/x-ndjson' });
          var link = document.createElement('a');
          var name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
          link.href = URL.createObjectURL(blob);
          link.download = name ? name[1] : 'onix-audit.ndjson';
          document.body.appendChild(link);
          link.click();
          link.remove();
          status.textContent = 'Exported ' + lines + (lines === 1 ? ' event.' : ' events.');
        });
      }).catch(function () {
        status.textContent = 'The export did not complete. Please try again.';
      }).then(function () {
        exportLink.removeAttribute('aria-disabled');
      });
    });
  }
})();
