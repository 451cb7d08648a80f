// The code-by-email page: says until when the code works in the viewer's own time. Without
// JavaScript the server's sentence (in UTC) stays.
(function () {
  var line = document.getElementById('expiry');
  if (!line) { return; }
  var until = Date.parse(line.getAttribute('data-until'));
  if (isNaN(until)) { return; }
  var at = new Date(until).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  var minutes = Math.max(1, Math.ceil((until - Date.now()) / 60000));
  line.textContent = 'It works until ' + at + ', for about ' + minutes +
    (minutes === 1 ? ' minute.' : ' minutes.');
})();
